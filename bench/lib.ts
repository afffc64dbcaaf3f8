import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

export interface BenchServer {
  url: string;
  home: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => resolve(port));
    });
  });
}

export const tempHome = () => mkdtempSync(join(tmpdir(), 'syntask-bench-'));

/** The server in its own process, so the load generator does not share its event loop. */
export async function startBenchServer(home = tempHome(), env: Record<string, string> = {}): Promise<BenchServer> {
  const port = await freePort();
  // BENCH_PROFILE=dir writes a V8 CPU profile of the server there.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, join(ROOT, 'bin/syntask.js'), 'server', 'start', '--port', String(port)], {
    env: { ...process.env, SYNTASK_HOME: home, SYNTASK_SERVER_LOGGING_LEVEL: process.env.BENCH_LOG ?? 'error', SYNTASK_UI_ENABLED: 'false', ...env },
    stdio: ['ignore', process.env.BENCH_LOG ? 'inherit' : 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    home,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(home, { recursive: true, force: true });
    },
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** A lean JSON POST over a keep-alive connection (fetch costs more client CPU than the server call). */
export function post<T = any>(base: string, path: string, body: unknown): Promise<{ status: number; body: T }> {
  const payload = JSON.stringify(body);
  const url = new URL(base + path);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function parallel(workers: number, fn: (worker: number) => Promise<void>) {
  await Promise.all(Array.from({ length: workers }, (_, i) => fn(i)));
}
