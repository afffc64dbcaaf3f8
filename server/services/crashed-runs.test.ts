import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowMicros } from '../lib/time.ts';
import { loadSettings, SettingsError } from '../settings.ts';
import { makeTaskRun, runningFlowRun, setFlowState, setTaskState } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { crashSilentRuns } from './crashed-runs.ts';

/** Heartbeats of running flow runs and the service that crashes runs whose heartbeats stopped (issue 14). */

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ SYNTASK_RUNNER_HEARTBEAT_FREQUENCY: '1' });
});
afterAll(() => s.close());

const heartbeatOf = (id: string) => s.ctx.db.kysely.selectFrom('flow_run').select(['last_heartbeat', 'heartbeat_worker']).where('id', '=', id).executeTakeFirstOrThrow();
/** As if the last heartbeat came `seconds` ago. */
const age = (id: string, seconds: number) =>
  s.ctx.db.kysely
    .updateTable('flow_run')
    .set({ last_heartbeat: nowMicros() - seconds * 1e6 })
    .where('id', '=', id)
    .execute();
const statesOf = async (id: string) => (await s.get(`/api/flow_run_states/?flow_run_id=${id}`)).body as { type: string; message: string | null }[];
const run = async (id: string) => (await s.get(`/api/flow_runs/${id}`)).body;

describe('POST /api/flow_runs/{id}/heartbeat (extension)', () => {
  it('records the time and the worker of a Running run, with or without a body; 404 for an unknown run', async () => {
    const r = await runningFlowRun(s);
    const before = nowMicros();
    expect((await s.post(`/api/flow_runs/${r.id}/heartbeat`, { worker_name: 'w-1' })).status).toBe(204);
    const beat = await heartbeatOf(r.id);
    expect(beat.heartbeat_worker).toBe('w-1');
    expect(Number(beat.last_heartbeat)).toBeGreaterThanOrEqual(before);
    expect((await s.request('POST', `/api/flow_runs/${r.id}/heartbeat`)).status).toBe(204);
    expect((await heartbeatOf(r.id)).heartbeat_worker).toBeNull();
    await setFlowState(s, r.id, { type: 'COMPLETED' });
    expect((await s.post(`/api/flow_runs/${randomUUID()}/heartbeat`, {})).status).toBe(404);
  });

  it('is accepted but ignored for a run that is not Running: it never revives a finished run', async () => {
    const r = await runningFlowRun(s);
    await setFlowState(s, r.id, { type: 'COMPLETED' });
    expect((await s.post(`/api/flow_runs/${r.id}/heartbeat`, { worker_name: 'late' })).status).toBe(204);
    expect(await heartbeatOf(r.id)).toEqual({ last_heartbeat: null, heartbeat_worker: null });
    expect((await run(r.id)).state_type).toBe('COMPLETED');
  });
});

describe('crashed runs service', () => {
  it('crashes a Running run silent for 3 intervals, with its running and pending task runs, saying when and from which worker', async () => {
    const r = await runningFlowRun(s);
    const running = await makeTaskRun(s, { flow_run_id: r.id });
    await setTaskState(s, running.id, { type: 'RUNNING' });
    const pending = await makeTaskRun(s, { flow_run_id: r.id });
    const done = await makeTaskRun(s, { flow_run_id: r.id });
    await setTaskState(s, done.id, { type: 'RUNNING' });
    await setTaskState(s, done.id, { type: 'COMPLETED' });
    await s.post(`/api/flow_runs/${r.id}/heartbeat`, { worker_name: 'demo-worker-1' });
    await age(r.id, 3.5);
    const last = Number((await heartbeatOf(r.id)).last_heartbeat);

    await s.services.get('crashed_runs').runOnce();
    const crashed = await run(r.id);
    expect(crashed.state_type).toBe('CRASHED');
    const when = `${new Date(last / 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
    expect(crashed.state.message).toBe(`No heartbeat since ${when} from worker "demo-worker-1" (expected every 1 s); the run's process is presumed dead.`);
    for (const t of [running, pending]) expect((await s.get(`/api/task_runs/${t.id}`)).body.state).toMatchObject({ type: 'CRASHED', message: crashed.state.message });
    expect((await s.get(`/api/task_runs/${done.id}`)).body.state_type).toBe('COMPLETED');
  });

  it('names the flow process when no worker sent the heartbeats; leaves runs that beat recently', async () => {
    const silent = await runningFlowRun(s);
    const alive = await runningFlowRun(s);
    await s.post(`/api/flow_runs/${silent.id}/heartbeat`, {});
    await s.post(`/api/flow_runs/${alive.id}/heartbeat`, {});
    await age(silent.id, 10);
    await crashSilentRuns(s.ctx);
    expect((await run(silent.id)).state.message).toMatch(/^No heartbeat since .* UTC from the flow process \(expected every 1 s\)/);
    expect((await run(alive.id)).state_type).toBe('RUNNING');
    await setFlowState(s, alive.id, { type: 'COMPLETED' });
  });

  it('leaves alone runs that never sent a heartbeat (older clients), however long they run', async () => {
    const r = await runningFlowRun(s);
    await s.ctx.db.kysely.updateTable('flow_run').set({ state_timestamp: nowMicros() - 3600e6, start_time: nowMicros() - 3600e6 }).where('id', '=', r.id).execute();
    await crashSilentRuns(s.ctx);
    expect((await run(r.id)).state_type).toBe('RUNNING');
  });

  it('heartbeats of an earlier Running period do not count once the run runs again', async () => {
    const r = await runningFlowRun(s);
    await s.post(`/api/flow_runs/${r.id}/heartbeat`, { worker_name: 'new-client' });
    await setFlowState(s, r.id, { type: 'SCHEDULED', name: 'AwaitingRetry' }, true);
    await setFlowState(s, r.id, { type: 'PENDING' });
    await setFlowState(s, r.id, { type: 'RUNNING' });
    // Picked up by a client that sends none: nothing to judge it by.
    expect(await heartbeatOf(r.id)).toEqual({ last_heartbeat: null, heartbeat_worker: null });
    await crashSilentRuns(s.ctx);
    expect((await run(r.id)).state_type).toBe('RUNNING');
  });

  it('two passes racing crash each run once (one Crashed state, one per task run)', async () => {
    const ids: string[] = [];
    const tasks: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await runningFlowRun(s);
      const t = await makeTaskRun(s, { flow_run_id: r.id });
      await setTaskState(s, t.id, { type: 'RUNNING' });
      await s.post(`/api/flow_runs/${r.id}/heartbeat`, { worker_name: 'racer' });
      await age(r.id, 60);
      ids.push(r.id);
      tasks.push(t.id);
    }
    const counts = await Promise.all([crashSilentRuns(s.ctx), crashSilentRuns(s.ctx), crashSilentRuns(s.ctx)]);
    // Between them the passes crashed every run (and perhaps silent runs of earlier tests).
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(ids.length);
    for (const id of ids) expect((await statesOf(id)).filter((st) => st.type === 'CRASHED')).toHaveLength(1);
    for (const id of tasks) {
      const states = (await s.get(`/api/task_run_states/?task_run_id=${id}`)).body as { type: string }[];
      expect(states.filter((st) => st.type === 'CRASHED')).toHaveLength(1);
    }
    // A heartbeat that arrives after the crash changes nothing, and a later pass finds nothing.
    expect((await s.post(`/api/flow_runs/${ids[0]}/heartbeat`, { worker_name: 'racer' })).status).toBe(204);
    await crashSilentRuns(s.ctx);
    expect((await run(ids[0])).state_type).toBe('CRASHED');
    expect((await statesOf(ids[0])).filter((st) => st.type === 'CRASHED')).toHaveLength(1);
  });
});

describe('SYNTASK_RUNNER_HEARTBEAT_FREQUENCY', () => {
  it('defaults to 30 s and must be above 0', () => {
    expect(loadSettings({}).services.crashedRuns).toMatchObject({ enabled: true, heartbeatSeconds: 30, missedHeartbeats: 3 });
    expect(loadSettings({ SYNTASK_RUNNER_HEARTBEAT_FREQUENCY: '0.5' }).services.crashedRuns.heartbeatSeconds).toBe(0.5);
    expect(() => loadSettings({ SYNTASK_RUNNER_HEARTBEAT_FREQUENCY: '0' })).toThrow(SettingsError);
    expect(() => loadSettings({ SYNTASK_RUNNER_HEARTBEAT_FREQUENCY: '-1' })).toThrow(/SYNTASK_RUNNER_HEARTBEAT_FREQUENCY/);
  });
});
