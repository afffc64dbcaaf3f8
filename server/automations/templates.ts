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

/** Every node a template may contain: output, literals, lookups, filters, tests, if, for, set, operators. No macros, calls of templates, includes, blocks or extensions. */
const ALLOWED_NODES = new Set([
  'Root', 'NodeList', 'Output', 'TemplateData', 'Literal', 'Symbol', 'Group', 'Array', 'Pair', 'Dict', 'LookupVal', 'Filter', 'FunCall', 'KeywordArgs',
  'If', 'InlineIf', 'For', 'Set', 'Capture', 'Switch', 'Case', 'In', 'Is', 'Or', 'And', 'Not', 'Add', 'Concat', 'Sub', 'Mul', 'Div', 'FloorDiv', 'Mod', 'Pow',
  'Neg', 'Pos', 'Compare', 'CompareOperand',
]);

/** The names a template reads (A5.2's context), besides what it sets and loops over itself. */
export const CONTEXT_NAMES = ['automation', 'event', 'labels', 'firing', 'firings', 'events', 'flow', 'flow_run', 'deployment', 'task_run', 'work_pool', 'work_queue', 'concurrency_limit', 'variables'];
/** The only functions a template calls; nothing may be set or looped over under their names (or `loop`'s). */
const CALLABLE = new Set(['range', 'cycler', 'joiner']);
const RESERVED = new Set([...CALLABLE, 'loop']);
const FILTERS = new Set([...Object.keys((env as unknown as { filters: object }).filters), 'ui_url', 'ui_resource_events_url']);
const TESTS = new Set(Object.keys((env as unknown as { tests: object }).tests));
/** Attribute names that lead out of plain data (prototypes, functions, the renderer's own objects). */
const FORBIDDEN_ATTRIBUTE = /^(__.*|constructor|prototype|caller|callee|arguments|valueOf|toString|toLocaleString|hasOwnProperty|isPrototypeOf|propertyIsEnumerable|env|ctx|renderString|render|apply|call|bind)$/;

export class TemplateSandboxError extends Error {}

type Visit = [AstNode, number];

const asList = (v: unknown): AstNode[] => (Array.isArray(v) ? v : v && typeof v === 'object' && 'typename' in v ? ((v as AstNode).typename === 'Array' || (v as AstNode).typename === 'NodeList' ? ((v as AstNode).children as AstNode[]) : [v as AstNode]) : []);

function* children(node: AstNode, skip: readonly string[] = []): Generator<AstNode> {
  for (const field of node.fields) {
    if (skip.includes(field)) continue;
    const value = node[field];
    for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child === 'object' && 'typename' in child) yield child as AstNode;
  }
}

/** Names the template binds itself (`set`, `for` targets). */
function declaredNames(root: AstNode): Set<string> {
  const out = new Set<string>();
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.typename === 'Set') for (const t of asList(node.targets)) if (t.typename === 'Symbol') out.add(String(t.value));
    if (node.typename === 'For') for (const t of asList(node.name)) if (t.typename === 'Symbol') out.add(String(t.value));
    stack.push(...children(node));
  }
  return out;
}

/**
 * An allow-list walk of the syntax tree: every name a template reads is context data or its
 * own variable, every call is to a real `range`/`cycler`/`joiner` (their names cannot be
 * rebound), every filter and test is a built-in, every attribute is a literal data key.
 */
function sandboxProblem(root: AstNode): string | null {
  const declared = declaredNames(root);
  const stack: Visit[] = [[root, 0]];
  const targetsOk = (targets: unknown) => asList(targets).every((t) => t.typename === 'Symbol' && !RESERVED.has(String(t.value)) && !FORBIDDEN_ATTRIBUTE.test(String(t.value)));
  while (stack.length) {
    const [node, loops] = stack.pop()!;
    if (!ALLOWED_NODES.has(node.typename)) return LOOPS.has(node.typename) ? 'asynchronous loops are not allowed' : `${node.typename.toLowerCase()} is not allowed in templates`;
    const depth = loops + (node.typename === 'For' ? 1 : 0);
    if (depth > 1) return 'nested loops are not allowed';
    const push = (skip: readonly string[] = []) => {
      for (const child of children(node, skip)) stack.push([child, depth]);
    };
    switch (node.typename) {
      case 'Symbol': {
        const name = String(node.value);
        if (!CONTEXT_NAMES.includes(name) && !declared.has(name) && name !== 'loop') return `'${name}' is not defined (templates read ${CONTEXT_NAMES.join(', ')})`;
        break;
      }
      case 'For':
        if (!targetsOk(node.name)) return `a loop variable may not be named ${asList(node.name).map((t) => String(t.value)).join(', ')}`;
        push(['name']);
        break;
      case 'Set':
        if (!targetsOk(node.targets)) return `'${asList(node.targets).map((t) => String(t.value)).join(', ')}' may not be set`;
        push(['targets']);
        break;
      case 'Filter': {
        const name = node.name?.typename === 'Symbol' ? String(node.name.value) : null;
        if (!name || !FILTERS.has(name)) return `no filter named '${name ?? '?'}'`;
        push(['name']);
        break;
      }
      case 'FunCall': {
        const name = node.name?.typename === 'Symbol' ? String(node.name.value) : null;
        if (!name || !CALLABLE.has(name)) return `calling ${name ?? 'an expression'} is not allowed`;
        push(['name']);
        break;
      }
      case 'Is': {
        const test = node.right as AstNode | undefined;
        const testName = test?.typename === 'Symbol' ? String(test.value) : test?.typename === 'FunCall' && test.name?.typename === 'Symbol' ? String(test.name.value) : null;
        if (!testName || !TESTS.has(testName)) return `no test named '${testName ?? '?'}'`;
        stack.push([node.left as AstNode, depth]);
        if (test?.typename === 'FunCall') for (const arg of children(test, ['name'])) stack.push([arg, depth]);
        break;
      }
      case 'Pair':
        // Dict keys and keyword argument names are written as bare names, not read.
        push((node.key as AstNode | undefined)?.typename === 'Symbol' ? ['key'] : []);
        break;
      case 'LookupVal':
        if (node.val?.typename !== 'Literal') return 'computed attribute access (x[y] with a variable key) is not allowed';
        if (FORBIDDEN_ATTRIBUTE.test(String(node.val.value))) return `access to '${String(node.val.value)}' is not allowed`;
        push(['val']);
        break;
      default:
        push();
    }
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
export function renderTemplate(template: string, context: Record<string, unknown>, uiUrl = '', purpose: 'action' | 'preview' = 'action'): Promise<string> {
  const problem = templateProblem(template);
  if (problem) return Promise.reject(new TemplateSandboxError(problem));
  return (purpose === 'preview' ? previews : actions).render(template, JSON.parse(JSON.stringify(context)) as Record<string, unknown>, uiUrl);
}

/** The preview thread's queue is full (the caller answers 429). */
export class RenderBusy extends Error {}

export const RENDER_TIMEOUT_MS = 2000;
/** Loading the thread (TypeScript loader, nunjucks) takes seconds on a busy machine. */
const BOOT_TIMEOUT_MS = 30_000;

/** A render thread, started on first use, restarted after a render it had to kill; renders queue (up to `maxQueued`). */
class RenderThread {
  private worker: Worker | null = null;
  /** Resolves once the thread has loaded (booting is not counted against a render's time limit). */
  private ready: Promise<void> = Promise.resolve();
  private next = 1;
  private chain: Promise<unknown> = Promise.resolve();
  private queued = 0;

  constructor(private readonly maxQueued = Infinity) {}

  render(template: string, context: Record<string, unknown>, uiUrl: string): Promise<string> {
    if (this.queued >= this.maxQueued) return Promise.reject(new RenderBusy('Too many template previews at once; try again shortly.'));
    this.queued += 1;
    const run = this.chain.then(() => this.once(template, context, uiUrl)).finally(() => (this.queued -= 1));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private start(): Worker {
    const worker = new Worker(new URL('./render-worker.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 } });
    // Idle, it must not keep the process alive.
    worker.unref();
    worker.on('error', () => undefined);
    this.ready = new Promise<void>((resolve, reject) => {
      const boot = setTimeout(() => reject(new TemplateSandboxError('the template renderer did not start')), BOOT_TIMEOUT_MS);
      const onReady = (m: { ready?: boolean }) => {
        if (!m.ready) return;
        clearTimeout(boot);
        worker.off('message', onReady);
        resolve();
      };
      worker.on('message', onReady);
      worker.once('exit', () => {
        clearTimeout(boot);
        reject(new TemplateSandboxError('the template renderer stopped'));
      });
    });
    this.ready.catch(() => {
      if (this.worker === worker) this.worker = null;
    });
    return worker;
  }

  private async once(template: string, context: Record<string, unknown>, uiUrl: string): Promise<string> {
    this.worker ??= this.start();
    const worker = this.worker;
    await this.ready;
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

// Actions and the form's previews render apart: previews (any viewer may ask) never delay an action.
const actions = new RenderThread();
const previews = new RenderThread(4);

const TEMPLATE_SYNTAX = /\{\{|\{%|\{#/;
export const hasTemplateSyntax = (s: string) => TEMPLATE_SYNTAX.test(s);

/** Which context names a template mentions (so only those are loaded). */
export function mentions(template: string, name: string): boolean {
  return new RegExp(`\\b${name}\\b`).test(template);
}
