import nunjucks from 'nunjucks';

/**
 * Syntax checks of Jinja templates (`POST /api/templates/validate`, contract §3.16) with the
 * nunjucks parser, which reads the Jinja syntax. Parsing alone accepts unknown filters, which
 * Jinja rejects when it compiles, so filter names are checked against Jinja's built-ins and
 * the ones nunjucks adds.
 */

interface AstNode {
  typename: string;
  fields: readonly string[];
  lineno?: number;
  name?: { value?: unknown };
  [field: string]: unknown;
}

interface ParseError extends Error {
  lineno?: number;
}

const parser = (nunjucks as unknown as { parser: { parse(src: string, extensions: unknown[], opts: unknown): AstNode } }).parser;

export const jinjaEnv = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: false });

// Jinja 3 built-ins, and the two Syntask 2 registers for notification templates.
const JINJA_FILTERS = [
  'abs', 'attr', 'batch', 'capitalize', 'center', 'count', 'd', 'default', 'dictsort', 'e', 'escape', 'filesizeformat', 'first', 'float',
  'forceescape', 'format', 'groupby', 'indent', 'int', 'items', 'join', 'last', 'length', 'list', 'lower', 'map', 'max', 'min', 'pprint',
  'random', 'reject', 'rejectattr', 'replace', 'reverse', 'round', 'safe', 'select', 'selectattr', 'slice', 'sort', 'string', 'striptags',
  'sum', 'title', 'tojson', 'trim', 'truncate', 'unique', 'upper', 'urlencode', 'urlize', 'wordcount', 'wordwrap', 'xmlattr',
  'ui_url', 'ui_resource_events_url',
];
const knownFilter = (name: string) => JINJA_FILTERS.includes(name) || Boolean((jinjaEnv as unknown as { filters: Record<string, unknown> }).filters[name]);

function* children(node: AstNode): Generator<AstNode> {
  for (const field of node.fields) {
    const value = node[field];
    for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child === 'object' && 'typename' in child) yield child as AstNode;
  }
}

function unknownFilter(root: AstNode): AstNode | null {
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.typename === 'Filter' && typeof node.name?.value === 'string' && !knownFilter(node.name.value)) return node;
    stack.push(...children(node));
  }
  return null;
}

/** `null` for a valid template, else the 1-based line and the parser's message. */
export function jinjaSyntaxError(template: string): { line: number; message: string } | null {
  const lastLine = template.split('\n').length;
  let ast: AstNode;
  try {
    ast = parser.parse(template, [], (jinjaEnv as unknown as { opts: unknown }).opts);
  } catch (err) {
    // Errors at the end of the input (an unclosed tag or block) carry no line: Jinja names the last one.
    return { line: (err as ParseError).lineno ?? lastLine, message: (err as Error).message.split('\n')[0] };
  }
  const filter = unknownFilter(ast);
  // Node line numbers are 0-based.
  return filter ? { line: (filter.lineno ?? lastLine - 1) + 1, message: `No filter named '${String(filter.name!.value)}'.` } : null;
}
