import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFlow } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

interface Ev {
  event: string;
  id: string;
  follows: string | null;
  resource: Record<string, string>;
  related: Record<string, string>[];
}

async function eventsOf(resourceId: string): Promise<Ev[]> {
  await s.ctx.eventLog.drain();
  return (await s.post('/api/events/filter', { filter: { any_resource: { id: [resourceId] }, event: { exclude_prefix: ['syntask.flow-run.'] }, order: 'ASC' } })).body.events;
}

describe('status events (A2.2)', () => {
  it('a work pool: created not-ready, ready on a heartbeat, paused, not-ready when its workers go silent', async () => {
    const name = `pool-${randomUUID().slice(0, 6)}`;
    const pool = (await s.post('/api/work_pools/', { name, type: 'process' })).body;
    const rid = `syntask.work-pool.${pool.id}`;
    await s.post(`/api/work_pools/${name}/workers/heartbeat`, { name: 'w1', heartbeat_interval_seconds: 1 });
    await s.post(`/api/work_pools/${name}/workers/heartbeat`, { name: 'w1', heartbeat_interval_seconds: 1 });
    expect((await s.patch(`/api/work_pools/${name}`, { is_paused: true })).status).toBe(204);
    expect((await s.patch(`/api/work_pools/${name}`, { is_paused: true })).status).toBe(204);
    expect((await s.patch(`/api/work_pools/${name}`, { is_paused: false })).status).toBe(204);
    await s.ctx.db.kysely.updateTable('worker').set({ last_heartbeat_time: Date.now() * 1000 - 60_000_000 }).execute();
    await s.services.get('status_keeper').runOnce();
    const pools = (await eventsOf(rid)).filter((e) => e.resource['syntask.resource.id'] === rid);
    expect(pools.map((e) => e.event)).toEqual(['syntask.work-pool.not-ready', 'syntask.work-pool.ready', 'syntask.work-pool.paused', 'syntask.work-pool.ready', 'syntask.work-pool.not-ready']);
    expect(pools[0]).toMatchObject({ resource: { 'syntask.resource.id': rid, 'syntask.resource.name': name, 'syntask.work-pool.type': 'process' }, related: [], follows: null });
    expect(pools.slice(1).map((e) => e.follows)).toEqual(pools.slice(0, -1).map((e) => e.id));
  });

  it('a queue and its deployment: ready when polled, paused and resumed by PATCH, with the pool related', async () => {
    const name = `pool-${randomUUID().slice(0, 6)}`;
    const pool = (await s.post('/api/work_pools/', { name, type: 'process' })).body;
    const flow = await makeFlow(s);
    const deployment = (await s.post('/api/deployments/', { name: 'nightly', flow_id: flow.id, work_pool_name: name })).body;
    await s.post(`/api/work_pools/${name}/get_scheduled_flow_runs`, {});
    await s.post(`/api/work_pools/${name}/get_scheduled_flow_runs`, {});
    await s.patch(`/api/work_pools/${name}/queues/default`, { is_paused: true });
    const queueId = deployment.work_queue_id ?? (await s.get(`/api/work_pools/${name}/queues/default`)).body.id;
    const poolRelated = { 'syntask.resource.id': `syntask.work-pool.${pool.id}`, 'syntask.resource.name': name, 'syntask.resource.role': 'work-pool', 'syntask.work-pool.type': 'process' };
    const queueEvents = (await eventsOf(`syntask.work-queue.${queueId}`)).filter((e) => e.event.startsWith('syntask.work-queue.'));
    expect(queueEvents.map((e) => e.event)).toEqual(['syntask.work-queue.ready', 'syntask.work-queue.paused']);
    expect(queueEvents[0]).toMatchObject({ resource: { 'syntask.resource.id': `syntask.work-queue.${queueId}`, 'syntask.resource.name': 'default', 'syntask.resource.role': 'work-queue' }, related: [poolRelated] });
    const deploymentEvents = await eventsOf(`syntask.deployment.${deployment.id}`);
    expect(deploymentEvents.map((e) => e.event)).toEqual(['syntask.deployment.ready']);
    expect(deploymentEvents[0].related).toEqual([
      { 'syntask.resource.id': `syntask.flow.${flow.id}`, 'syntask.resource.name': flow.name, 'syntask.resource.role': 'flow' },
      { 'syntask.resource.id': `syntask.work-queue.${queueId}`, 'syntask.resource.name': 'default', 'syntask.resource.role': 'work-queue' },
      poolRelated,
    ]);
  });
});
