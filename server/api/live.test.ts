import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { makeFlowRun, makeTaskRun, runningFlowRun, setFlowState, setTaskState } from '../testing/fixtures.ts';
import { changedResources } from './change-signals.ts';
import { openEventStream } from '../testing/sse.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const openStream = (path: string) => openEventStream(s.url + path);

describe('flow run live stream (extension)', () => {
  it('streams the run\'s and its task runs\' state changes and log arrivals, and nothing of other runs', async () => {
    const run = await runningFlowRun(s);
    const other = await runningFlowRun(s);
    const stream = await openStream(`/api/ui/flow_runs/${run.id}/stream`);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    // CORS is closed by default: no other origin may read a stream (security.test.ts covers the open case).
    expect(stream.res.headers.get('access-control-allow-origin')).toBeNull();

    const task = await makeTaskRun(s, { flow_run_id: run.id });
    await setTaskState(s, task.id, { type: 'RUNNING' });
    await setFlowState(s, other.id, { type: 'COMPLETED' });
    await s.post('/api/logs/', [
      { name: 'a', level: 20, message: 'one', timestamp: '2026-03-01T00:00:01Z', flow_run_id: run.id },
      { name: 'a', level: 20, message: 'two', timestamp: '2026-03-01T00:00:02Z', flow_run_id: run.id },
    ]);
    await s.post('/api/logs/', [{ name: 'a', level: 20, message: 'elsewhere', timestamp: '2026-03-01T00:00:03Z', flow_run_id: other.id }]);
    await setFlowState(s, run.id, { type: 'FAILED', message: 'boom' });

    await stream.waitFor((e) => e.some((x) => x.event === 'logs') && e.some((x) => x.event === 'state' && x.data.kind === 'flow'));
    const states = stream.events.filter((e) => e.event === 'state').map((e) => e.data);
    expect(states.map((d) => [d.kind, d.run_id, d.state.type])).toEqual([
      ['task', task.id, 'PENDING'],
      ['task', task.id, 'RUNNING'],
      ['flow', run.id, 'FAILED'],
    ]);
    expect(states[2].state).toMatchObject({ name: 'Failed', message: 'boom' });
    const logs = stream.events.filter((e) => e.event === 'logs').map((e) => e.data);
    expect(logs).toEqual([{ flow_run_id: run.id, count: 2, latest_timestamp: '2026-03-01T00:00:02+00:00' }]);
    await stream.close();
  });

  it('removes its listeners when the client disconnects', async () => {
    const run = await runningFlowRun(s);
    const before = s.ctx.events.listenerCount('state') + s.ctx.events.listenerCount('logs');
    const stream = await openStream(`/api/ui/flow_runs/${run.id}/stream`);
    await new Promise((r) => setTimeout(r, 50));
    expect(s.ctx.events.listenerCount('state') + s.ctx.events.listenerCount('logs')).toBe(before + 2);
    await stream.close();
    const deadline = Date.now() + 2000;
    while (s.ctx.events.listenerCount('state') + s.ctx.events.listenerCount('logs') !== before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(s.ctx.events.listenerCount('state') + s.ctx.events.listenerCount('logs')).toBe(before);
  });

  it('answers 404 for an unknown run and for a malformed id', async () => {
    expect((await s.get(`/api/ui/flow_runs/${randomUUID()}/stream`)).status).toBe(404);
    expect((await s.get('/api/ui/flow_runs/not-a-uuid/stream')).status).toBe(404);
  });
});

describe('change stream for lists (extension)', () => {
  const changes = (events: { event: string; data: { resources?: string[] } }[]) => events.filter((e) => e.event === 'changed').flatMap((e) => e.data.resources ?? []);

  it('names what changed: a new run, a state, a worker heartbeat; coalesced, and nothing for reads', async () => {
    const stream = await openStream('/api/ui/stream');
    try {
      expect(stream.res.status).toBe(200);
      // Reads (filters, counts) change nothing.
      await s.post('/api/flow_runs/filter', {});
      await s.post('/api/flow_runs/count', {});
      await new Promise((r) => setTimeout(r, 400));
      expect(changes(stream.events)).toEqual([]);

      const run = await makeFlowRun(s);
      await stream.waitFor((e) => changes(e).includes('flow_runs'));
      const task = await makeTaskRun(s, { flow_run_id: run.id });
      await setTaskState(s, task.id, { type: 'RUNNING' });
      await stream.waitFor((e) => changes(e).includes('task_runs'));
      const pool = `pool-${randomUUID().slice(0, 8)}`;
      await s.post('/api/work_pools/', { name: pool, type: 'process' });
      await stream.waitFor((e) => changes(e).includes('work_pools'));
      const seen = stream.events.length;
      expect((await s.post(`/api/work_pools/${pool}/workers/heartbeat`, { name: 'w1' })).status).toBe(204);
      await stream.waitFor((e) => changes(e.slice(seen)).includes('work_pools'));
      // A burst of writes arrives as a few events, not one per write.
      const before = stream.events.length;
      await Promise.all(Array.from({ length: 30 }, () => makeFlowRun(s)));
      await new Promise((r) => setTimeout(r, 500));
      const burst = stream.events.slice(before).filter((e) => e.event === 'changed');
      expect(burst.length).toBeGreaterThan(0);
      expect(burst.length).toBeLessThan(10);
    } finally {
      await stream.close();
    }
  });

  it('with flow_run_id, also carries those runs\' states and log arrivals: one connection per page', async () => {
    const run = await runningFlowRun(s);
    const other = await runningFlowRun(s);
    const stream = await openStream(`/api/ui/stream?flow_run_id=${run.id}`);
    try {
      const task = await makeTaskRun(s, { flow_run_id: run.id });
      await setFlowState(s, other.id, { type: 'COMPLETED' });
      await s.post('/api/logs/', [{ name: 'a', level: 20, message: 'one', timestamp: '2026-03-01T00:00:01Z', flow_run_id: run.id }]);
      await setFlowState(s, run.id, { type: 'COMPLETED' });
      await stream.waitFor((e) => e.some((x) => x.event === 'logs') && e.some((x) => x.event === 'state' && x.data.kind === 'flow'));
      const states = stream.events.filter((e) => e.event === 'state').map((e) => [e.data.flow_run_id, e.data.kind, e.data.run_id, e.data.state.type]);
      expect(states).toEqual([
        [run.id, 'task', task.id, 'PENDING'],
        [run.id, 'flow', run.id, 'COMPLETED'],
      ]);
      expect(stream.events.filter((e) => e.event === 'logs').map((e) => e.data)).toEqual([{ flow_run_id: run.id, count: 1, latest_timestamp: '2026-03-01T00:00:01+00:00' }]);
      expect(changes(stream.events)).toContain('flow_runs');
    } finally {
      await stream.close();
    }
    expect((await s.get('/api/ui/stream?flow_run_id=not-a-uuid')).status).toBe(422);
  });

  it('removes every listener when the client disconnects', async () => {
    const count = () => (['state', 'logs', 'changed', 'reset'] as const).reduce((n, e) => n + s.ctx.events.listenerCount(e), 0);
    const before = count();
    const run = await runningFlowRun(s);
    const stream = await openStream(`/api/ui/stream?flow_run_id=${run.id}`);
    await new Promise((r) => setTimeout(r, 50));
    expect(count()).toBeGreaterThan(before);
    await stream.close();
    const deadline = Date.now() + 2000;
    while (count() !== before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(count()).toBe(before);
  });

  it('quiet writes (a run\'s heartbeat, a worker polling for runs) tell no list', async () => {
    const run = await runningFlowRun(s);
    const pool = `quiet-${randomUUID().slice(0, 8)}`;
    await s.post('/api/work_pools/', { name: pool, type: 'process' });
    // The first poll makes the pool's queue ready (a status event, so the event lists change); later polls are quiet.
    await s.post(`/api/work_pools/${pool}/get_scheduled_flow_runs`, {});
    await new Promise((r) => setTimeout(r, 300));
    const stream = await openStream('/api/ui/stream');
    try {
      expect((await s.post(`/api/flow_runs/${run.id}/heartbeat`, {})).status).toBe(204);
      expect((await s.post(`/api/work_pools/${pool}/get_scheduled_flow_runs`, {})).status).toBe(200);
      await new Promise((r) => setTimeout(r, 500));
      expect(changes(stream.events)).toEqual([]);
    } finally {
      await stream.close();
    }
  });

  it('maps routes to resources', () => {
    expect(changedResources('/api/flow_runs/:id/set_state')).toEqual(['flow_runs']);
    expect(changedResources('/api/deployments/:id/create_flow_run')).toEqual(['deployments', 'flow_runs']);
    expect(changedResources('/api/work_pools/:name/workers/heartbeat')).toEqual(['work_pools']);
    expect(changedResources('/api/v2/concurrency_limits/increment')).toEqual(['v2/concurrency_limits']);
    expect(changedResources('/api/logs/')).toEqual([]);
    expect(changedResources('/api/auth/login')).toEqual([]);
  });
});
