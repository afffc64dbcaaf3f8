import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../server/app.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

describe('npm start', () => {
  it('serves the API with a worker and a live demo: completed and failed runs with task runs, edges and logs within 60 s', async () => {
    const home = mkdtempSync(join(tmpdir(), 'syntask-start-'));
    const port = await freePort();
    const api = `http://127.0.0.1:${port}/api`;
    const env: NodeJS.ProcessEnv = { ...process.env, SYNTASK_HOME: home, SYNTASK_SERVER_API_PORT: String(port), SYNTASK_UI_ENABLED: 'false' };
    for (const key of Object.keys(env)) if (key.startsWith('SYNTASK_TEST') || key === 'SYNTASK_API_URL') delete env[key];
    const child = spawn('npm', ['start', '--silent'], { cwd: PACKAGE_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const post = async (path: string, body: unknown): Promise<any> => (await fetch(api + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
    try {
      const deadline = Date.now() + 60_000;
      let done = false;
      let summary = '';
      while (!done && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 1000));
        try {
          const completed = await post('/flow_runs/filter', { flow_runs: { state: { type: { any_: ['COMPLETED'] } } }, flows: { name: { any_: ['etl'] } } });
          const failed = await post('/flow_runs/count', { flow_runs: { state: { type: { any_: ['FAILED'] } } } });
          summary = `etl completed: ${completed.length}, failed: ${failed}`;
          if (completed.length === 0 || failed === 0) continue;
          const graph = (await (await fetch(`${api}/flow_runs/${completed[0].id}/graph-v2`)).json()) as { nodes: [string, { parents: unknown[] }][] };
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
      rmSync(home, { recursive: true, force: true });
    }
  }, 120_000);
});
