import nunjucks from 'nunjucks';

/**
 * Action templates (A5.2): Jinja syntax through nunjucks, sandboxed. nunjucks alone is not
 * a sandbox (`range.constructor(...)` reaches `Function`), so before anything renders the
 * template's syntax tree is checked: no dunder or prototype names, no computed lookups
 * (`x[y]` with a non-literal key could build such a name), and calls only to a few safe
 * globals. The context is plain JSON data, so what a template can reach is that data.
 */

interface AstNode {
  typename: string;
  fields: readonly string[];
  lineno?: number;
  value?: unknown;
  name?: AstNode;
  target?: AstNode;
  val?: AstNode;
  [field: string]: unknown;
}

const parser = (nunjucks as unknown as { parser: { parse(src: string, extensions: unknown[], opts: unknown): AstNode } }).parser;

const env = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: false });

const FORBIDDEN_NAME = /^(__.*|constructor|prototype|caller|callee|arguments|mainModule|process|require|global|globalThis)$/;
const CALLABLE = new Set(['range', 'cycler', 'joiner', 'loop.cycle']);

export class TemplateSandboxError extends Error {}

function* children(node: AstNode): Generator<AstNode> {
  for (const field of node.fields) {
    const value = node[field];
    for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child === 'object' && 'typename' in child) yield child as AstNode;
  }
}

const symbolName = (n: AstNode | undefined): string | null => {
  if (!n) return null;
  if (n.typename === 'Symbol') return String(n.value);
  if (n.typename === 'LookupVal' && n.val?.typename === 'Literal') {
    const base = symbolName(n.target);
    return base ? `${base}.${String(n.val.value)}` : null;
  }
  return null;
};

function sandboxProblem(root: AstNode): string | null {
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.typename === 'Symbol' && FORBIDDEN_NAME.test(String(node.value))) return `access to '${String(node.value)}' is not allowed`;
    if (node.typename === 'LookupVal') {
      if (node.val?.typename !== 'Literal') return 'computed attribute access (x[y] with a variable key) is not allowed';
      if (FORBIDDEN_NAME.test(String(node.val.value))) return `access to '${String(node.val.value)}' is not allowed`;
    }
    if (node.typename === 'FunCall') {
      const name = symbolName(node.name);
      if (!name || !CALLABLE.has(name)) return `calling ${name ?? 'an expression'} is not allowed`;
    }
    stack.push(...children(node));
  }
  return null;
}

/** `null` when the template parses and passes the sandbox check, else why not. */
export function templateProblem(template: string): string | null {
  try {
    return sandboxProblem(parser.parse(template, [], (env as unknown as { opts: unknown }).opts));
  } catch (err) {
    return (err as Error).message.split('\n').map((l) => l.trim()).filter(Boolean).join(' ');
  }
}

/** Renders a checked template over plain data; throws TemplateSandboxError when it is refused. */
export function renderTemplate(template: string, context: Record<string, unknown>, filters: Record<string, (v: unknown) => string> = {}): string {
  const problem = templateProblem(template);
  if (problem) throw new TemplateSandboxError(problem);
  const scoped = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: false });
  for (const [name, fn] of Object.entries(filters)) scoped.addFilter(name, fn);
  // JSON round trip: only plain data, no prototypes worth reaching.
  return scoped.renderString(template, JSON.parse(JSON.stringify(context)) as object);
}

const TEMPLATE_SYNTAX = /\{\{|\{%|\{#/;
export const hasTemplateSyntax = (s: string) => TEMPLATE_SYNTAX.test(s);

/** Which context names a template mentions (so only those are loaded). */
export function mentions(template: string, name: string): boolean {
  return new RegExp(`\\b${name}\\b`).test(template);
}
