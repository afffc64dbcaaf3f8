import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../server/testing/harness.ts';
import { cli, cliEnv, flowProject, freePort, runScript, serverOn } from './cli/testing.ts';

/**
 * Incremental adoption (issue 21): a flow script run with no server and no API configured
 * records its run in SYNTASK_HOME's database through an embedded API; a server on that home
 * shows it. Real processes: the script runs as a user runs it, `tsx flow.ts`.
 */

/** `tasks` task runs that each log a line, then an artifact; prints the run id. */
const script = (flowName: string, tasks: number) => `
import { createMarkdownArtifact, flow, getRunLogger, task } from 'syntask';
const square = task({ name: 'square' }, async (n: number) => {
  getRunLogger().info('squared ' + n);
  return n * n;
});
const report = flow({ name: '${flowName}' }, async () => {
  let total = 0;
  for (let i = 0; i < ${tasks}; i++) total += await square(i);
  await createMarkdownArtifact({ key: 'total', markdown: '# total ' + total });
  return total;
});
await report();
console.log('done');
`;

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

async function runsOf(server: TestServer, flowName: string) {
  return (await server.post('/api/flow_runs/filter', { flows: { name: { any_: [flowName] } } })).body as { id: string; state_type: string; context: Record<string, any>; deployment_id: string | null }[];
}

describe('a flow script with no server running', () => {
  it('records its run through an embedded API; a server started later on that home shows it all', async () => {
    const home = mkdtempSync(join(tmpdir(), 'syntask-adopt-home-'));
    const dir = flowProject(script('first-steps', 5));
    const port = await freePort();
    const result = await runScript(dir, cliEnv({ SYNTASK_HOME: home, SYNTASK_SERVER_API_PORT: String(port) }));
    expect(result.stderr + result.stdout).toContain('done');
    expect(result.code).toBe(0);
    // One line says what happened and where the run went.
    const notices = result.stderr.split('\n').filter((l) => l.includes('embedded API'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`no server at http://127.0.0.1:${port}/api`);
    expect(notices[0]).toContain(join(home, 'syntask.db'));

    const server = await serverOn(home);
    servers.push(server);
    const [run] = await runsOf(server, 'first-steps');
    expect(run.state_type).toBe('COMPLETED');
    expect(run.deployment_id).toBeNull();
    expect(run.context.runner).toMatchObject({ api: 'embedded', pid: expect.any(Number), hostname: expect.any(String) });
    const tasks = (await server.post('/api/task_runs/filter', { flow_runs: { id: { any_: [run.id] } } })).body as { state_type: string }[];
    expect(tasks.map((t) => t.state_type)).toEqual(Array(5).fill('COMPLETED'));
    const logs = (await server.post('/api/logs/filter', { logs: { flow_run_id: { any_: [run.id] } }, limit: 200 })).body as { message: string }[];
    expect(logs.filter((l) => l.message.startsWith('squared ')).map((l) => l.message).sort()).toEqual(['squared 0', 'squared 1', 'squared 2', 'squared 3', 'squared 4']);
    const artifacts = (await server.post('/api/artifacts/filter', { artifacts: { flow_run_id: { any_: [run.id] }, type: { not_any_: ['result'] } } })).body as { key: string; data: string }[];
    expect(artifacts.map((a) => [a.key, a.data])).toEqual([['total', '# total 30']]);
    const graph = (await server.get(`/api/flow_runs/${run.id}/graph-v2`)).body as { nodes: unknown[] };
    expect(graph.nodes).toHaveLength(5);
    // The runs list's "no deployment" filter finds it.
    const adHoc = (await server.post('/api/flow_runs/filter', { flow_runs: { deployment_id: { operator: 'or_', is_null_: true } } })).body as { id: string }[];
    expect(adHoc.map((r) => r.id)).toContain(run.id);
  }, 120_000);

  it('on a home where sign-in is on, the embedded API needs no credentials (it is the owner\'s process) and audits as the script', async () => {
    const home = mkdtempSync(join(tmpdir(), 'syntask-adopt-home-'));
    const env = cliEnv({ SYNTASK_HOME: home, SYNTASK_SERVER_API_PORT: String(await freePort()) });
    expect((await cli(env, ['user', 'create', 'admin', '--role', 'admin'], 'correct-horse-battery\n')).code).toBe(0);
    const result = await runScript(flowProject(script('signed-in-home', 1)), env);
    expect(result.code).toBe(0);
    const server = await serverOn(home);
    servers.push(server);
    // Sign-in is on for everyone else: the server refuses an anonymous read.
    expect((await server.post('/api/flow_runs/filter', {})).status).toBe(401);
    const key = (await cli(env, ['api-key', 'create', 'reader', '--role', 'admin'])).stdout.trim();
    const bearer = { authorization: `Bearer ${key}` };
    const runs = (await server.post('/api/flow_runs/filter', { flows: { name: { any_: ['signed-in-home'] } } }, bearer)).body as { state_type: string }[];
    expect(runs.map((r) => r.state_type)).toEqual(['COMPLETED']);
    const audit = (await server.post('/api/audit_log/filter', { limit: 200 }, bearer)).body as { actor: string }[];
    expect(audit.some((e) => /script \(pid \d+, embedded API\)/.test(e.actor))).toBe(true);
  }, 120_000);

  it('uses the local server when one answers at the default address', async () => {
    const home = mkdtempSync(join(tmpdir(), 'syntask-adopt-home-'));
    const server = await serverOn(home);
    servers.push(server);
    const port = new URL(server.url).port;
    const dir = flowProject(script('through-server', 2));
    const result = await runScript(dir, cliEnv({ SYNTASK_HOME: home, SYNTASK_SERVER_API_PORT: port }));
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('embedded API');
    const [run] = await runsOf(server, 'through-server');
    expect(run.state_type).toBe('COMPLETED');
    expect(run.context.runner).toMatchObject({ api: 'server', api_url: `http://127.0.0.1:${port}/api` });
  }, 120_000);

  it('writes beside a busy server on the same SQLite file: both runs complete, nothing lost, no "database is locked"', async () => {
    const home = mkdtempSync(join(tmpdir(), 'syntask-adopt-home-'));
    const server = await serverOn(home);
    servers.push(server);
    const embedded = flowProject(script('embedded-writer', 150));
    const viaServer = flowProject(script('server-writer', 150));
    const nobody = await freePort();
    // Two processes writing one file: the script's embedded API and the server (fed by a second script).
    const [a, b] = await Promise.all([
      runScript(embedded, cliEnv({ SYNTASK_HOME: home, SYNTASK_SERVER_API_PORT: String(nobody) })),
      runScript(viaServer, cliEnv({ SYNTASK_HOME: home, SYNTASK_API_URL: `${server.url}/api` })),
    ]);
    for (const r of [a, b]) {
      expect(r.stdout + r.stderr).not.toMatch(/database is locked|SQLITE_BUSY|answered 503/);
      expect(r.code).toBe(0);
    }
    expect(a.stderr).toContain('embedded API');
    for (const name of ['embedded-writer', 'server-writer']) {
      const [run] = await runsOf(server, name);
      expect(run.state_type).toBe('COMPLETED');
      const count = (await server.post('/api/task_runs/count', { flow_runs: { id: { any_: [run.id] } }, task_runs: { state: { type: { any_: ['COMPLETED'] } } } })).body;
      expect(count).toBe(150);
      const logs = (await server.post('/api/logs/filter', { logs: { flow_run_id: { any_: [run.id] } }, limit: 200, offset: 0 })).body as unknown[];
      const more = (await server.post('/api/logs/filter', { logs: { flow_run_id: { any_: [run.id] } }, limit: 200, offset: 200 })).body as unknown[];
      // 150 task lines plus the engine's own lines for the flow and each task.
      expect(logs.length + more.length).toBeGreaterThanOrEqual(150);
    }
  }, 240_000);
});
