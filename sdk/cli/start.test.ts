import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../server/app.ts';
import { cli, cliEnv } from './testing.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** `npm start` on `home` until the demo has completed and failed runs with task runs, edges and logs; `headers` for reading them. */
async function startAndWatch(home: string, options: { headers?: Record<string, string>; deadlineMs?: number; afterStop?: () => Promise<void> } = {}) {
  const { headers = {}, deadlineMs = 60_000, afterStop } = options;
  const port = await freePort();
  const api = `http://127.0.0.1:${port}/api`;
  const env = cliEnv({ SYNTASK_HOME: home, SYNTASK_SERVER_API_PORT: String(port), SYNTASK_UI_ENABLED: 'false' });
  const child = spawn('npm', ['start', '--silent'], { cwd: PACKAGE_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const post = async (path: string, body: unknown): Promise<any> => (await fetch(api + path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
  try {
    const deadline = Date.now() + deadlineMs;
    let done = false;
    let summary = '';
    while (!done && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1000));
      try {
        const completed = await post('/flow_runs/filter', { flow_runs: { state: { type: { any_: ['COMPLETED'] } } }, flows: { name: { any_: ['etl'] } } });
        const failed = await post('/flow_runs/count', { flow_runs: { state: { type: { any_: ['FAILED'] } } } });
        summary = `etl completed: ${completed.length}, failed: ${failed}`;
        if (completed.length === 0 || failed === 0) continue;
        const graph = (await (await fetch(`${api}/flow_runs/${completed[0].id}/graph-v2`, { headers })).json()) as { nodes: [string, { parents: unknown[] }][] };
        const logLines = await post('/logs/filter', { logs: { flow_run_id: { any_: [completed[0].id] } }, limit: 5 });
        const edges = graph.nodes.filter(([, node]) => node.parents.length > 0).length;
        summary += `, graph nodes: ${graph.nodes.length}, with parents: ${edges}, logs: ${logLines.length}`;
        done = graph.nodes.length >= 6 && edges >= 3 && logLines.length > 0;
      } catch {
        // Not up yet.
      }
    }
    expect(done, `${summary}\n--- output ---\n${output}`).toBe(true);
    expect(output).toMatch(/listening on http:\/\/127\.0\.0\.1:/);
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    const exited = await Promise.race([new Promise((r) => child.once('exit', () => r(true))), new Promise((r) => setTimeout(() => r(false), 15_000))]);
    expect(exited, 'npm start stops on SIGTERM').toBe(true);
    // npm may exit before the node process it started has finished stopping: the server
    // closes last, after the worker stopped and the minted keys were revoked.
    const closed = await waitUntil(async () => !(await fetch(`${api}/health`).then(() => true, () => false)), 15_000);
    expect(closed, 'the server closes after npm start stops').toBe(true);
  }
  await afterStop?.();
  return output;
}

describe('npm start', () => {
  it('serves the API with a worker and a live demo: completed and failed runs with task runs, edges and logs within 60 s', async () => {
    const home = mkdtempSync(join(tmpdir(), 'syntask-start-'));
    try {
      await startAndWatch(home);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 120_000);

  it('with sign-in on (a user exists), hands its worker and demo set-up keys of their own, revoked on stop', async () => {
    const home = mkdtempSync(join(tmpdir(), 'syntask-start-'));
    const env = cliEnv({ SYNTASK_HOME: home });
    try {
      expect((await cli(env, ['user', 'create', 'admin', '--role', 'admin'], 'correct-horse-battery\n')).code).toBe(0);
      const reader = await cli(env, ['api-key', 'create', 'test reader', '--role', 'viewer']);
      expect(reader.code, reader.out).toBe(0);
      const output = await startAndWatch(home, {
        headers: { authorization: `Bearer ${reader.stdout.trim()}` },
        // What this test is about is credentials, not speed: more room on a busy machine.
        deadlineMs: 120_000,
        afterStop: async () => {
          // Only the test's own key is left: the ones `npm start` minted were revoked when it stopped.
          const keys = await cli(env, ['api-key', 'list']);
          expect(keys.stdout).toMatch(/test reader/);
          expect(keys.stdout).not.toMatch(/syntask start/);
        },
      });
      expect(output).not.toMatch(/stk_/);
      expect(output).not.toMatch(/\(401|\(403/);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 300_000);
});
