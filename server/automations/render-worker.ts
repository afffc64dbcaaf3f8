import { parentPort } from 'node:worker_threads';
import nunjucks from 'nunjucks';
import { uiFilters } from './ui-links.ts';

/**
 * Renders action templates off the event loop, in a thread with a small heap: a template
 * that loops over large data or builds a huge string fails here (time limit, memory limit,
 * output cap) instead of stalling or crashing the server. Templates reach this thread only
 * after the syntax-tree check in templates.ts.
 */

export const MAX_RANGE = 10_000;
export const MAX_OUTPUT = 1_000_000;

function cappedRange(start: number, stop?: number, step = 1): number[] {
  const [from, to] = stop === undefined ? [0, start] : [start, stop];
  const count = step === 0 ? Infinity : Math.max(0, Math.ceil((to - from) / step));
  if (!(count <= MAX_RANGE)) throw new Error(`range() is limited to ${MAX_RANGE} numbers`);
  return Array.from({ length: count }, (_, i) => from + i * step);
}

interface Job {
  id: number;
  template: string;
  context: Record<string, unknown>;
  uiUrl: string;
}

parentPort?.on('message', (job: Job) => {
  try {
    const env = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: false });
    for (const [name, fn] of Object.entries(uiFilters(job.uiUrl))) env.addFilter(name, fn);
    env.addGlobal('range', cappedRange);
    // Names resolve against own globals only, never Object.prototype's methods (defence in depth behind the syntax check).
    Object.setPrototypeOf((env as unknown as { globals: object }).globals, null);
    const output = env.renderString(job.template, job.context);
    if (output.length > MAX_OUTPUT) throw new Error(`the rendered text is longer than ${MAX_OUTPUT} characters`);
    parentPort!.postMessage({ id: job.id, output });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: (err as Error).message.split('\n').map((l) => l.trim()).filter(Boolean).join(' ') });
  }
});

// Loaded: renders may start (their time limit counts from here).
parentPort?.postMessage({ ready: true });
