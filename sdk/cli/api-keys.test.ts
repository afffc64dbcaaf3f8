import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/testing/harness.ts';
import { SyntaskClient, type FlowRunT } from '../client.ts';
import { deploy } from '../deploy.ts';
import { ensureProcessWorkPool } from '../work-pools.ts';
import { quick } from '../worker/fixtures/flows.ts';
import { cli, cliEnv, serverOn, startCli, tempHome, until } from './testing.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'worker', 'fixtures');
const PASSWORD = 'correct-horse-battery';

let home: string;
let env: NodeJS.ProcessEnv;
let s: TestServer;
/** Keys printed by `syntask api-key create`. */
let adminKey: string;
let operatorKey: string;
let operatorKeyId: string;
const stops: (() => Promise<void>)[] = [];

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

beforeAll(async () => {
  home = tempHome();
  env = cliEnv({ SYNTASK_HOME: home });
  const admin = await cli(env, ['user', 'create', 'admin', '--role', 'admin'], `${PASSWORD}\n`);
  expect(admin.code, admin.out).toBe(0);
  const deployer = await cli(env, ['api-key', 'create', 'deployer', '--role', 'admin']);
  expect(deployer.code, deployer.out).toBe(0);
  adminKey = deployer.stdout.trim();
  const worker = await cli(env, ['api-key', 'create', 'worker on build-01', '--expires', '1d']);
  expect(worker.code, worker.out).toBe(0);
  operatorKey = worker.stdout.trim();
  operatorKeyId = /id ([0-9a-f-]{36})/.exec(worker.stderr)![1];
  expect(worker.stderr).toMatch(/role operator/);
  expect(worker.stderr).toMatch(/will not be shown again/);
  s = await serverOn(home);
}, 240_000);

afterAll(async () => {
  for (const stop of stops) await stop();
  await s?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('syntask api-key', () => {
  it('prints a key once that works as Bearer against a server on the same home; list never shows it', async () => {
    expect(operatorKey).toMatch(/^stk_[\w-]{20,}$/);
    expect((await s.post('/api/flows/filter', {})).status).toBe(401);
    expect((await s.post('/api/flows/filter', {}, bearer(operatorKey))).status).toBe(200);
    // Operator: runs flows, does not configure.
    const pool = await s.post('/api/work_pools/', { name: 'not-for-operators', type: 'process' }, bearer(operatorKey));
    expect(pool.status).toBe(403);
    expect((await s.post('/api/work_pools/', { name: 'by-admin-key', type: 'process' }, bearer(adminKey))).status).toBe(201);

    const listed = await cli(env, ['api-key', 'list']);
    expect(listed.code, listed.out).toBe(0);
    expect(listed.stdout).toMatch(/deployer\s+admin/);
    expect(listed.stdout).toMatch(/worker on build-01\s+operator/);
    expect(listed.out).not.toContain(operatorKey);
    expect(listed.out).not.toContain(adminKey);

    const badRole = await cli(env, ['api-key', 'create', 'x', '--role', 'root']);
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toMatch(/Role must be one of/);
    const badExpiry = await cli(env, ['api-key', 'create', 'x', '--expires', 'soon']);
    expect(badExpiry.code).not.toBe(0);
    expect(badExpiry.stderr).toMatch(/must look like 90d/);
  }, 240_000);

  it('a process worker with an operator key runs a deployment to Completed; revoking the key locks it out', async () => {
    const admin = new SyntaskClient(s.api, { apiKey: adminKey });
    await ensureProcessWorkPool(admin, 'keyed');
    const deployment = await deploy({ flow: quick, name: 'keyed', entrypoint: 'flows.ts:quick', path: FIXTURES, workPool: 'keyed' }, admin);
    const run = await admin.post<FlowRunT>(`/deployments/${deployment.id}/create_flow_run`, {});

    const workerEnv = cliEnv({ SYNTASK_API_URL: s.api, SYNTASK_API_KEY: operatorKey });
    // The operator key may not create a pool: the worker stops at once and says why.
    const refused = await cli(workerEnv, ['worker', 'start', '--pool', 'missing-pool']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/refused POST \/work_pools\/ \(403\): This needs the admin role; .*worker on build-01.* operator\. Use credentials with that role in SYNTASK_API_KEY/);
    expect(refused.out).not.toContain(operatorKey);

    const worker = startCli(workerEnv, ['worker', 'start', '--pool', 'keyed', '--name', 'keyed-worker', '--poll-seconds', '0.5']);
    stops.push(worker.stop);
    const done = await until(
      'the flow run to finish',
      async () => {
        const r = await admin.readFlowRun(run.id);
        return ['COMPLETED', 'FAILED', 'CRASHED', 'CANCELLED'].includes(r.state_type ?? '') ? r : undefined;
      },
      90_000,
    );
    expect(done.state_type, worker.output()).toBe('COMPLETED');
    // The flow process logged through the API itself: it got the worker's key. Its plain
    // output reaches the logs through the worker, which flushes them after the process exits.
    const logs = await until('the run logs', async () => {
      const messages = (await s.post('/api/logs/filter', { logs: { flow_run_id: { any_: [run.id] } } }, bearer(adminKey))).body.map((l: { message: string }) => l.message);
      return messages.includes('plain console output from the flow process') && messages;
    });
    expect(logs).toContain(`executing ${run.id}`);
    const workers = (await s.post('/api/work_pools/keyed/workers/filter', {}, bearer(adminKey))).body.map((w: { name: string }) => w.name);
    expect(workers).toContain('keyed-worker');
    await worker.stop();
    expect(worker.output()).not.toContain(operatorKey);

    const revoked = await cli(env, ['api-key', 'revoke', operatorKeyId]);
    expect(revoked.code, revoked.out).toBe(0);
    expect((await s.post('/api/flows/filter', {}, bearer(operatorKey))).status).toBe(401);
    const lockedOut = await cli(workerEnv, ['worker', 'start', '--pool', 'keyed']);
    expect(lockedOut.code).not.toBe(0);
    expect(lockedOut.stderr).toMatch(/refused the credentials in SYNTASK_API_KEY \(401/);
    expect(lockedOut.out).not.toContain(operatorKey);
    expect((await cli(env, ['api-key', 'revoke', operatorKeyId])).stderr).toMatch(/API key not found/);
  }, 300_000);
});
