import { SyntaskApiError, SyntaskClient } from './client.ts';
import { currentFlowRunContext, getRunContext } from './context.ts';

/**
 * Global concurrency and rate limits (`/api/v2/concurrency_limits`), shared by name across
 * flows, workers and machines. A name without a limit is created inactive on first use, so
 * code can name a limit before anyone configures it; inactive limits never make it wait.
 */

export interface ConcurrencyOptions {
  /** Slots to take of each limit (default 1). */
  occupy?: number;
  /** Give up waiting for free slots after this long (default: wait as long as it takes). */
  timeoutSeconds?: number;
  /** Defaults to the current run's client, else one from the environment. */
  client?: SyntaskClient;
}

/** Waiting for slots took longer than `timeoutSeconds`. */
export class ConcurrencySlotTimeoutError extends Error {
  constructor(
    readonly names: string[],
    readonly timeoutSeconds: number,
  ) {
    super(`Could not take slots of ${names.map((n) => `"${n}"`).join(', ')} within ${timeoutSeconds} s.`);
    this.name = 'ConcurrencySlotTimeoutError';
  }
}

const PATH = '/v2/concurrency_limits';
const MAX_BACKOFF_MS = 5000;

const clientFor = (options: ConcurrencyOptions) => options.client ?? getRunContext()?.client ?? new SyntaskClient();
const asList = (names: string | string[]) => [...new Set(Array.isArray(names) ? names : [names])];

function pause(ms: number, signal: AbortSignal | undefined) {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => (clearTimeout(timer), reject(signal!.reason));
    const timer = setTimeout(() => (signal?.removeEventListener('abort', onAbort), resolve()), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Increments until the server admits the request. A 423 says how long to wait (`Retry-After`);
 * a little jitter keeps many waiters from retrying in lockstep. A cancelled flow run stops waiting.
 */
async function acquire(client: SyntaskClient, names: string[], slots: number, mode: 'concurrency' | 'rate_limit', timeoutSeconds?: number) {
  if (!Number.isInteger(slots) || slots < 1) throw new RangeError(`occupy must be a whole number of slots (1 or more), not ${slots}.`);
  const deadline = timeoutSeconds === undefined ? Infinity : Date.now() + timeoutSeconds * 1000;
  const run = currentFlowRunContext();
  const signal = run?.signal;
  // Naming the run lets its page say which limit holds it (an extension other servers ignore).
  const body = { names, slots, mode, ...(run ? { flow_run_id: run.flowRun.id } : {}) };
  for (let attempt = 0; ; attempt++) {
    try {
      return await client.post<{ id: string; name: string; limit: number }[]>(`${PATH}/increment`, body);
    } catch (err) {
      if (!(err instanceof SyntaskApiError) || err.status !== 423) throw err;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new ConcurrencySlotTimeoutError(names, timeoutSeconds!);
      const suggested = err.retryAfterSeconds !== null ? err.retryAfterSeconds * 1000 : Math.min(MAX_BACKOFF_MS, 100 * 2 ** attempt);
      await pause(Math.min(remaining, suggested * (1 + Math.random() * 0.2)), signal);
    }
  }
}

/**
 * Runs `fn` while holding `occupy` slots of each named limit, waiting for them first; the slots
 * are given back when `fn` finishes or throws, with how long they were held (which tunes the
 * server's wait estimates).
 *
 * ```ts
 * await concurrency('warehouse-db', () => loadBatch(rows), { timeoutSeconds: 60 });
 * ```
 */
export async function concurrency<T>(names: string | string[], fn: () => T | Promise<T>, options: ConcurrencyOptions = {}): Promise<T> {
  const client = clientFor(options);
  const list = asList(names);
  const occupy = options.occupy ?? 1;
  await acquire(client, list, occupy, 'concurrency', options.timeoutSeconds);
  const started = performance.now();
  const release = () => client.post(`${PATH}/decrement`, { names: list, slots: occupy, occupancy_seconds: Math.max(0.001, (performance.now() - started) / 1000) });
  let result: T;
  try {
    result = await fn();
  } catch (err) {
    // The block's own error is the one to report; a failed release is only logged (the slots stay taken until someone frees them).
    await release().catch((releaseErr: unknown) => warn(`Could not release slots of ${list.join(', ')}: ${(releaseErr as Error).message}`));
    throw err;
  }
  await release();
  return result;
}

/**
 * Waits until a rate limit (a limit with slot decay) admits `occupy` more slots, then
 * returns; the slots decay on their own, nothing is released.
 *
 * ```ts
 * await rateLimit('partner-api');
 * await fetch(partnerUrl);
 * ```
 */
export async function rateLimit(names: string | string[], options: ConcurrencyOptions = {}): Promise<void> {
  await acquire(clientFor(options), asList(names), options.occupy ?? 1, 'rate_limit', options.timeoutSeconds);
}

function warn(message: string) {
  const logger = getRunContext()?.logger;
  if (logger) logger.warning(message);
  else process.stderr.write(`syntask: ${message}\n`);
}
