import { Worker } from 'node:worker_threads';
import nunjucks from 'nunjucks';

/**
 * Action templates (A5.2): Jinja syntax through nunjucks, sandboxed. nunjucks alone is not
 * a sandbox (`range.constructor(...)` reaches `Function`), so before anything renders the
 * template's syntax tree is checked: no dunder or prototype names, no computed lookups
 * (`x[y]` with a non-literal key could build such a name), and calls only to a few safe
 * globals. The context is plain JSON data, so what a template can reach is that data; and
 * it renders in a thread with a time and memory limit (render-worker.ts).
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

/** Loops nest one level: with ranges capped in the render thread, a loop's work stays bounded by its data. */
const LOOPS = new Set(['For', 'AsyncEach', 'AsyncAll']);
const OTHER_TEMPLATES = new Set(['Include', 'Import', 'FromImport', 'Extends']);

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
  const stack: [AstNode, number][] = [[root, 0]];
  while (stack.length) {
    const [node, loops] = stack.pop()!;
    const depth = loops + (LOOPS.has(node.typename) ? 1 : 0);
    if (depth > 1) return 'nested loops are not allowed';
    if (OTHER_TEMPLATES.has(node.typename)) return 'including, importing or extending other templates is not allowed';
    if (node.typename === 'Symbol' && FORBIDDEN_NAME.test(String(node.value))) return `access to '${String(node.value)}' is not allowed`;
    if (node.typename === 'LookupVal') {
      if (node.val?.typename !== 'Literal') return 'computed attribute access (x[y] with a variable key) is not allowed';
      if (FORBIDDEN_NAME.test(String(node.val.value))) return `access to '${String(node.val.value)}' is not allowed`;
    }
    if (node.typename === 'FunCall') {
      const name = symbolName(node.name);
      if (!name || !CALLABLE.has(name)) return `calling ${name ?? 'an expression'} is not allowed`;
    }
    for (const child of children(node)) stack.push([child, depth]);
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

/**
 * Renders a checked template over plain data (JSON round trip: no prototypes worth
 * reaching) in the render thread; rejects with TemplateSandboxError when the check refuses
 * it, or when it fails, runs over `RENDER_TIMEOUT_MS` or outgrows the thread's heap.
 */
export function renderTemplate(template: string, context: Record<string, unknown>, uiUrl = ''): Promise<string> {
  const problem = templateProblem(template);
  if (problem) return Promise.reject(new TemplateSandboxError(problem));
  return renderer.render(template, JSON.parse(JSON.stringify(context)) as Record<string, unknown>, uiUrl);
}

export const RENDER_TIMEOUT_MS = 2000;

/** One render thread, started on first use, restarted after a render it had to kill; renders queue. */
class RenderThread {
  private worker: Worker | null = null;
  private next = 1;
  private chain: Promise<unknown> = Promise.resolve();

  render(template: string, context: Record<string, unknown>, uiUrl: string): Promise<string> {
    const run = this.chain.then(() => this.once(template, context, uiUrl));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private start(): Worker {
    const worker = new Worker(new URL('./render-worker.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 } });
    // Idle, it must not keep the process alive.
    worker.unref();
    worker.on('error', () => undefined);
    return worker;
  }

  private once(template: string, context: Record<string, unknown>, uiUrl: string): Promise<string> {
    this.worker ??= this.start();
    const worker = this.worker;
    const id = this.next++;
    return new Promise<string>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
      };
      const kill = (why: string) => {
        done();
        if (this.worker === worker) this.worker = null;
        void worker.terminate();
        reject(new TemplateSandboxError(why));
      };
      const timer = setTimeout(() => kill(`rendering took longer than ${RENDER_TIMEOUT_MS / 1000} s`), RENDER_TIMEOUT_MS);
      const onMessage = (m: { id: number; output?: string; error?: string }) => {
        if (m.id !== id) return;
        done();
        if (m.error !== undefined) reject(new TemplateSandboxError(m.error));
        else resolve(m.output!);
      };
      const onExit = () => kill('rendering ran out of memory');
      worker.on('message', onMessage);
      worker.on('exit', onExit);
      worker.postMessage({ id, template, context, uiUrl });
    });
  }
}

const renderer = new RenderThread();

const TEMPLATE_SYNTAX = /\{\{|\{%|\{#/;
export const hasTemplateSyntax = (s: string) => TEMPLATE_SYNTAX.test(s);

/** Which context names a template mentions (so only those are loaded). */
export function mentions(template: string, name: string): boolean {
  return new RegExp(`\\b${name}\\b`).test(template);
}
