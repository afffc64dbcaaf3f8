import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';

const REPO_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
// A busy machine (many servers and tests at once) can set SYNTASK_E2E_STARTUP_SECONDS higher.
const STARTUP_TIMEOUT_MS = Number(process.env.SYNTASK_E2E_STARTUP_SECONDS ?? 30) * 1000;
const SHUTDOWN_TIMEOUT_MS = 5_000;
const OUTPUT_LIMIT = 20_000;

export interface SyntaskServer {
  /** Origin of the server, e.g. `http://127.0.0.1:41234`; also the tests' `baseURL`. */
  url: string;
  /** Base URL of the REST API (`url + '/api'`). */
  api: string;
  /** GET `api + path` and return the JSON body; throws on a non-2xx answer. */
  getJson<T>(path: string): Promise<T>;
  /** POST `body` as JSON to `api + path` and return the JSON body; throws on a non-2xx answer. */
  postJson<T>(path: string, body: unknown): Promise<T>;
}

export interface TestOptions {
  /**
   * Failed requests and error responses whose URL contains one of these strings or matches
   * one of these patterns do not fail the test (for specs that provoke errors on purpose).
   */
  allowedFailingUrls: Array<string | RegExp>;
}

interface WorkerFixtures {
  server: SyntaskServer;
}

export const test = base.extend<TestOptions, WorkerFixtures>({
  server: [
    async ({}, use) => {
      const running = await startSyntask(['server', 'start']);
      try {
        await use(apiHelpers(running.url));
      } finally {
        await running.stop();
      }
    },
    { scope: 'worker', timeout: STARTUP_TIMEOUT_MS + SHUTDOWN_TIMEOUT_MS + 5_000 },
  ],

  baseURL: async ({ server }, use) => use(server.url),

  allowedFailingUrls: [[], { option: true }],

  // Every test that opens a page also checks that the browser saw no errors: a console error,
  // an uncaught exception, a request that failed or an HTTP error answer all fail the test.
  context: async ({ context, allowedFailingUrls }, use) => {
    const problems: string[] = [];
    const allowed = (url: string) => allowedFailingUrls.some((rule) => (typeof rule === 'string' ? url.includes(rule) : rule.test(url)));
    context.on('console', (message) => {
      if (message.type() === 'error' && !allowed(message.location().url)) problems.push(`console error: ${message.text()}`);
    });
    context.on('weberror', (error) => problems.push(`uncaught exception: ${error.error().stack ?? error.error().message}`));
    context.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? 'unknown error';
      // Aborts are the app cancelling a request it no longer needs (navigation, unmounted query), not a fault.
      if (reason !== 'net::ERR_ABORTED' && !allowed(request.url())) problems.push(`request failed: ${request.method()} ${request.url()} (${reason})`);
    });
    context.on('response', (response) => {
      if (response.status() >= 400 && !allowed(response.url())) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
    });
    await use(context);
    expect(problems, 'the browser reported errors or failed requests').toEqual([]);
  },
});

export { expect };

/**
 * `syntask <command> --host 127.0.0.1 --port <free>` with a fresh SYNTASK_HOME, once healthy.
 * `start` brings up the worker and the demo too. `env` adds server settings (sign-in, limits).
 */
export async function startSyntask(command: string[], env: Record<string, string> = {}, at: { home?: string; port?: number } = {}): Promise<{ url: string; port: number; home: string; stop: () => Promise<void> }> {
  // A given home and port restart a server on its data (the caller removes the home).
  const home = at.home ?? mkdtempSync(join(tmpdir(), 'syntask-e2e-'));
  const port = at.port ?? (await freePort());
  const child = spawn(process.execPath, ['bin/syntask.js', ...command, '--host', '127.0.0.1', '--port', String(port)], {
    cwd: REPO_ROOT,
    env: { ...inheritedEnv(), SYNTASK_SERVER_LOGGING_LEVEL: 'warn', ...env, SYNTASK_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // stdout too: the server's logger writes there, and a failed start is explained by both.
  let output = '';
  const record = (chunk: string) => {
    output = (output + chunk).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.setEncoding('utf8').on('data', record);
  child.stderr?.setEncoding('utf8').on('data', record);
  const stopAndClean = async () => {
    await stop(child);
    if (!at.home) rmSync(home, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy(url, child, () => output);
  } catch (err) {
    await stopAndClean();
    throw err;
  }
  return { url, port, home, stop: stopAndClean };
}

/** API helpers for a server started by `startSyntask`. */
export const syntaskApi = (url: string) => apiHelpers(url);

/** The child must not pick up the developer's own server settings (database URL, port, API URL). */
function inheritedEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SYNTASK_')));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('Could not read the probe port'))));
    });
  });
}

async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  const failure = (reason: string) => new Error(`Syntask server at ${url} ${reason}.\n--- server stdout + stderr ---\n${output() || '(empty)'}`);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw failure(`exited early (${child.exitCode ?? child.signalCode})`);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok && (await response.json()) === true) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw failure(`did not become healthy within ${STARTUP_TIMEOUT_MS / 1000} s`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), SHUTDOWN_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function apiHelpers(url: string): SyntaskServer {
  const api = `${url}/api`;
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text === '' ? null : JSON.parse(text)) as T;
  };
  return {
    url,
    api,
    getJson: (path) => call('GET', path),
    postJson: (path, body) => call('POST', path, body),
  };
}
