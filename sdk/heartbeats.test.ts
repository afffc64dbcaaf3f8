import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/testing/harness.ts';
import { SyntaskClient } from './client.ts';
import { flow } from './index.ts';
import { heartbeatFrequencySeconds } from './settings.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  process.env.SYNTASK_LOGGING_TO_CONSOLE = 'false';
  process.env.SYNTASK_RUNNER_HEARTBEAT_FREQUENCY = '0.2';
});
afterAll(async () => {
  delete process.env.SYNTASK_RUNNER_HEARTBEAT_FREQUENCY;
  await s.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('flow run heartbeats (SDK)', () => {
  it('a flow run in this process sends heartbeats while Running, and none once finished', async () => {
    const client = new SyntaskClient(s.api);
    const beats: (string | null)[] = [];
    const send = client.flowRunHeartbeat;
    client.flowRunHeartbeat = (id, workerName) => {
      beats.push(workerName ?? null);
      return send(id, workerName);
    };
    let recorded: { last_heartbeat?: number | null; heartbeat_worker?: string | null } = {};
    const busy = flow({ name: 'sdk-heartbeats' }, async () => {
      await sleep(900);
      recorded = await s.ctx.db.kysely.selectFrom('flow_run').select(['last_heartbeat', 'heartbeat_worker']).where('id', '=', run.id).executeTakeFirstOrThrow();
    });
    const flowId = (await client.createFlow('sdk-heartbeats')).id;
    const run = await client.createFlowRun({ flow_id: flowId, state: { type: 'PENDING' } });
    await busy.executeRun(run, client);

    // One right away, then every 0.2 s; no worker started this process.
    expect(beats.length).toBeGreaterThanOrEqual(3);
    expect(beats.every((w) => w === null)).toBe(true);
    expect(recorded.last_heartbeat).toBeGreaterThan(0);
    expect(recorded.heartbeat_worker).toBeNull();
    const sent = beats.length;
    await sleep(600);
    expect(beats.length).toBe(sent);
    expect((await client.readFlowRun(run.id)).state_type).toBe('COMPLETED');
  });

  it('SYNTASK_RUNNER_HEARTBEAT_FREQUENCY defaults to 30 s and refuses values that are not above 0', () => {
    expect(heartbeatFrequencySeconds({})).toBe(30);
    expect(heartbeatFrequencySeconds({ SYNTASK_RUNNER_HEARTBEAT_FREQUENCY: '1.5' })).toBe(1.5);
    expect(() => heartbeatFrequencySeconds({ SYNTASK_RUNNER_HEARTBEAT_FREQUENCY: '0' })).toThrow(/SYNTASK_RUNNER_HEARTBEAT_FREQUENCY/);
    expect(() => heartbeatFrequencySeconds({ SYNTASK_RUNNER_HEARTBEAT_FREQUENCY: 'often' })).toThrow(/above 0/);
  });
});
