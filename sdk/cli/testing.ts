import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../server/app.ts';
import { startTestServer, type TestServer } from '../../server/testing/harness.ts';

/** Test helpers: the real `syntask` CLI as a child process, and a server on its SYNTASK_HOME. */

export const BIN = join(PACKAGE_ROOT, 'bin', 'syntask.js');

export const tempHome = () => mkdtempSync(join(tmpdir(), 'syntask-cli-auth-'));

/** This process's environment without any Syntask client settings, plus `extra`. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('SYNTASK_')) delete env[key];
  return { ...env, ...extra };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  out: string;
  argv: string[];
}

/** Runs `syntask …` with `stdin` piped in (then closed). */
export function cli(env: NodeJS.ProcessEnv, args: string[], stdin = ''): Promise<CliResult> {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr, out: stdout + stderr, argv: child.spawnargs })));
}

/** A long-running `syntask …` (a worker): output collected as it comes. */
export function startCli(env: NodeJS.ProcessEnv, args: string[]): { child: ChildProcess; output: () => string; stop: () => Promise<void> } {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A server on the database the CLI wrote (SQLite in `home`). */
export const serverOn = (home: string, env: Record<string, string> = {}): Promise<TestServer> =>
  startTestServer({ SYNTASK_HOME: home, SYNTASK_API_DATABASE_CONNECTION_URL: `sqlite:///${join(home, 'syntask.db')}`, ...env });

export async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const TSX = join(PACKAGE_ROOT, 'node_modules', '.bin', 'tsx');

/** A project folder as a newcomer has one: package.json, `syntask` installed, a flow script. */
export function flowProject(script: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'syntask-adopt-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(PACKAGE_ROOT, join(dir, 'node_modules', 'syntask'), 'dir');
  writeFileSync(join(dir, 'flow.ts'), script);
  return dir;
}

export function runScript(dir: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(TSX, ['flow.ts'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** A loopback port nothing listens on: the script's "default address" with no server there. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}
