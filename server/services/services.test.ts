import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { isoIn, makeFlow, makeFlowRun, makeTaskRun, runningFlowRun, setFlowState, setTaskState } from '../testing/fixtures.ts';
import { nowMicros } from '../lib/time.ts';
import { defaultWindow, generateScheduledRuns } from './scheduling.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

async function deployment(body: Record<string, unknown>) {
  const flow = await makeFlow(s);
  return (await s.post('/api/deployments/', { name: randomUUID(), flow_id: flow.id, ...body })).body;
}
const runsOf = async (id: string) =>
  (await s.post('/api/flow_runs/filter', { flow_runs: { deployment_id: { any_: [id] } }, sort: 'EXPECTED_START_TIME_ASC' })).body as { expected_start_time: string; idempotency_key: string; id: string }[];

describe('scheduler (contract §6)', () => {
  it('keeps at least 3 runs and 1 hour ahead for each active schedule, and a second pass adds nothing', async () => {
    const every10 = await deployment({ schedules: [{ schedule: { cron: '*/10 * * * *' } }] });
    const daily = await deployment({ schedules: [{ schedule: { interval: 86400 } }, { schedule: { cron: '0 0 1 1 *' }, active: false }] });
    await s.services.get('scheduler').runOnce();
    const frequent = await runsOf(every10.id);
    // At least 3, and the last one at least an hour out: 6 or 7 ten-minute slots.
    expect(frequent.length).toBeGreaterThanOrEqual(6);
    expect(Date.parse(frequent.at(-1)!.expected_start_time) - Date.now()).toBeGreaterThanOrEqual(3_590_000);
    expect((await runsOf(daily.id)).length).toBe(3);
    await s.services.get('scheduler').runOnce();
    expect((await runsOf(every10.id)).length).toBe(frequent.length);
  });

  it('a restart mid-pass creates no duplicates: idempotency keys skip what exists', async () => {
    const d = await deployment({ schedules: [{ schedule: { interval: 600 } }] });
    const row = await s.ctx.db.kysely.selectFrom('deployment').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow();
    const schedule = JSON.parse((await s.ctx.db.kysely.selectFrom('deployment_schedule').select('schedule').where('deployment_id', '=', d.id).executeTakeFirstOrThrow()).schedule);
    // The "crashed" pass got as far as two runs.
    const window = defaultWindow(nowMicros(), { ...s.ctx.settings.services.scheduler, minRuns: 2, minTimeSeconds: 0 });
    await s.ctx.db.transaction((trx) => generateScheduledRuns(trx, row, [schedule], window));
    expect(await runsOf(d.id)).toHaveLength(2);
    await s.services.get('scheduler').runOnce();
    const runs = await runsOf(d.id);
    expect(runs.length).toBeGreaterThan(2);
    expect(new Set(runs.map((r) => r.idempotency_key)).size).toBe(runs.length);
    expect(new Set(runs.map((r) => r.expected_start_time)).size).toBe(runs.length);
  });

  it('skips paused deployments; pausing deletes future auto-scheduled runs but keeps manual ones', async () => {
    const d = await deployment({ schedules: [{ schedule: { interval: 3600 } }] });
    await s.services.get('scheduler').runOnce();
    expect((await runsOf(d.id)).length).toBe(3);
    const manual = (await s.post(`/api/deployments/${d.id}/create_flow_run`, { state: { type: 'SCHEDULED', state_details: { scheduled_time: isoIn(7200) } } })).body;
    await s.post(`/api/deployments/${d.id}/pause_deployment`, {});
    expect((await runsOf(d.id)).map((r) => r.id)).toEqual([manual.id]);
    await s.services.get('scheduler').runOnce();
    expect((await runsOf(d.id)).map((r) => r.id)).toEqual([manual.id]);
  });

  it('the recent scheduler only looks at deployments changed in the last seconds', async () => {
    const d = await deployment({ schedules: [{ schedule: { interval: 3600 } }] });
    await s.ctx.db.kysely.updateTable('deployment').set({ updated: nowMicros() - 60_000_000 }).where('id', '=', d.id).execute();
    await s.services.get('recent_scheduler').runOnce();
    expect(await runsOf(d.id)).toHaveLength(0);
    await s.patch(`/api/deployments/${d.id}`, { description: 'touched' });
    await s.services.get('recent_scheduler').runOnce();
    expect(await runsOf(d.id)).toHaveLength(3);
  });
});

describe('late runs, pause expiry, cancellation cleanup (contract §6)', () => {
  it('marks scheduled runs 15 s overdue Late, keeping their scheduled time', async () => {
    const overdue = await makeFlowRun(s, { state: { type: 'SCHEDULED', state_details: { scheduled_time: isoIn(-20) } } });
    const recent = await makeFlowRun(s, { state: { type: 'SCHEDULED', state_details: { scheduled_time: isoIn(-5) } } });
    await s.services.get('late_runs').runOnce();
    const late = (await s.get(`/api/flow_runs/${overdue.id}`)).body;
    expect(late).toMatchObject({ state_type: 'SCHEDULED', state_name: 'Late' });
    expect(late.state.state_details.scheduled_time).toBe(overdue.state.state_details.scheduled_time);
    expect((await s.get(`/api/flow_runs/${recent.id}`)).body.state_name).toBe('Scheduled');
  });

  it('fails runs whose pause timed out', async () => {
    const expired = await runningFlowRun(s);
    await setFlowState(s, expired.id, { type: 'PAUSED', state_details: { pause_timeout: isoIn(-1) } });
    const waiting = await runningFlowRun(s);
    await setFlowState(s, waiting.id, { type: 'PAUSED', state_details: { pause_timeout: isoIn(600) } });
    await s.services.get('pause_expirations').runOnce();
    expect((await s.get(`/api/flow_runs/${expired.id}`)).body.state).toMatchObject({ type: 'FAILED', message: 'The flow was paused and never resumed.' });
    expect((await s.get(`/api/flow_runs/${waiting.id}`)).body.state_type).toBe('PAUSED');
  });

  it('cancels the unfinished task runs and subflows of a cancelled run', async () => {
    const parent = await runningFlowRun(s);
    const running = await makeTaskRun(s, { flow_run_id: parent.id });
    await setTaskState(s, running.id, { type: 'RUNNING' });
    const done = await makeTaskRun(s, { flow_run_id: parent.id });
    await setTaskState(s, done.id, { type: 'RUNNING' });
    await setTaskState(s, done.id, { type: 'COMPLETED' });
    const spawnerA = await makeTaskRun(s, { flow_run_id: parent.id });
    const spawnerB = await makeTaskRun(s, { flow_run_id: parent.id });
    const plainSub = await runningFlowRun(s, { parent_task_run_id: spawnerA.id });
    const deployedSub = await runningFlowRun(s, { parent_task_run_id: spawnerB.id, deployment_id: randomUUID() });
    await setFlowState(s, parent.id, { type: 'CANCELLED' }, true);
    await s.services.get('cancellation_cleanup').runOnce();
    expect((await s.get(`/api/task_runs/${running.id}`)).body.state).toMatchObject({ type: 'CANCELLED', message: 'The parent flow run was cancelled.' });
    expect((await s.get(`/api/task_runs/${done.id}`)).body.state_type).toBe('COMPLETED');
    expect((await s.get(`/api/flow_runs/${plainSub.id}`)).body.state_type).toBe('CANCELLED');
    expect((await s.get(`/api/flow_runs/${deployedSub.id}`)).body.state_type).toBe('CANCELLING');
  });
});

describe('status keeper (contract §6)', () => {
  it('marks silent workers offline, their pools, stale queues and deployments NOT_READY', async () => {
    const pool = `keeper-${randomUUID().slice(0, 6)}`;
    await s.post('/api/work_pools/', { name: pool, type: 'process' });
    await s.post(`/api/work_pools/${pool}/workers/heartbeat`, { name: 'w', heartbeat_interval_seconds: 10 });
    const d = await deployment({ work_pool_name: pool });
    await s.post(`/api/work_pools/${pool}/get_scheduled_flow_runs`, {});
    expect((await s.get(`/api/work_pools/${pool}`)).body.status).toBe('READY');
    expect((await s.get(`/api/deployments/${d.id}`)).body.status).toBe('READY');
    await s.services.get('status_keeper').runOnce();
    expect((await s.get(`/api/work_pools/${pool}`)).body.status).toBe('READY');

    const k = s.ctx.db.kysely;
    const old = nowMicros() - 120_000_000;
    await k.updateTable('worker').set({ last_heartbeat_time: old }).execute();
    await k.updateTable('work_queue').set({ last_polled: old }).execute();
    await k.updateTable('deployment').set({ last_polled: old }).where('id', '=', d.id).execute();
    await s.services.get('status_keeper').runOnce();
    expect((await s.get(`/api/work_pools/${pool}`)).body.status).toBe('NOT_READY');
    expect((await s.get(`/api/work_pools/${pool}/queues/default`)).body.status).toBe('NOT_READY');
    expect((await s.get(`/api/deployments/${d.id}`)).body.status).toBe('NOT_READY');
    expect((await s.post(`/api/work_pools/${pool}/workers/filter`, { workers: { status: { any_: ['OFFLINE'] } } })).body).toHaveLength(1);
  });
});

describe('retention', () => {
  it('is off by default and, when set, deletes old finished runs with their task runs and logs', async () => {
    const r = await startTestServer({ SYNTASK_RETENTION_DAYS: '7', SYNTASK_API_SERVICES_RETENTION_BATCH_SIZE: '2' });
    try {
      const make = async (finished: boolean) => {
        const run = await runningFlowRun(r);
        const task = await makeTaskRun(r, { flow_run_id: run.id });
        await r.post('/api/logs/', [{ name: 'x', level: 20, message: 'hello', timestamp: new Date().toISOString(), flow_run_id: run.id, task_run_id: task.id }]);
        if (finished) await setFlowState(r, run.id, { type: 'COMPLETED' });
        return { run, task };
      };
      const old = await Promise.all([make(true), make(true), make(true)]);
      const oldButRunning = await make(false);
      const recent = await make(true);
      const longAgo = nowMicros() - 10 * 86_400_000_000;
      const oldIds = [...old.map((o) => o.run.id), oldButRunning.run.id];
      await r.ctx.db.kysely.updateTable('flow_run').set({ end_time: longAgo, state_timestamp: longAgo }).where('id', 'in', oldIds).execute();

      expect(s.ctx.settings.services.retention.days).toBe(0);
      await r.services.get('retention').runOnce();
      for (const { run, task } of old) {
        expect((await r.get(`/api/flow_runs/${run.id}`)).status).toBe(404);
        expect((await r.get(`/api/task_runs/${task.id}`)).status).toBe(404);
      }
      expect((await r.post('/api/logs/filter', { logs: { flow_run_id: { any_: old.map((o) => o.run.id) } } })).body).toEqual([]);
      expect((await r.get(`/api/flow_runs/${oldButRunning.run.id}`)).status).toBe(200);
      expect((await r.get(`/api/flow_runs/${recent.run.id}`)).status).toBe(200);
      expect((await r.post('/api/logs/filter', { logs: { flow_run_id: { any_: [recent.run.id] } } })).body).toHaveLength(1);
    } finally {
      await r.close();
    }
  }, 90_000);
});

describe('failure rollup', () => {
  it('folds the hours that failures marked into the rollup, so no backlog waits for a read', async () => {
    const run = await runningFlowRun(s);
    const task = await makeTaskRun(s, { flow_run_id: run.id });
    await setTaskState(s, task.id, { type: 'RUNNING' });
    await setTaskState(s, task.id, { type: 'FAILED', message: 'KeyError: region' });
    await setFlowState(s, run.id, { type: 'FAILED', message: 'KeyError: region' });
    const db = s.ctx.db.kysely;
    const marks = () => db.selectFrom('failure_dirty').select(['kind']).execute();
    expect(new Set((await marks()).map((m) => m.kind))).toEqual(new Set(['flow_run', 'task_run']));
    await s.services.get('failure_rollup').runOnce();
    expect(await marks()).toEqual([]);
    const hour = Math.floor(nowMicros() / 3_600_000_000);
    const rows = await db.selectFrom('failure_hour').select(['kind', 'n']).where('hour', '=', hour).where('signature', '=', 'KeyError: region').execute();
    expect(rows.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([{ kind: 'flow_run', n: 1 }, { kind: 'task_run', n: 1 }]);
  });
});

describe('service lifecycle', () => {
  it('services start with the server, run on their interval, and stop on close', async () => {
    const live = await startTestServer({ SYNTASK_API_SERVICES_ENABLED: 'true', SYNTASK_API_SERVICES_LATE_RUNS_LOOP_SECONDS: '0.2', SYNTASK_API_SERVICES_LATE_RUNS_AFTER_SECONDS: '0' });
    try {
      const run = await makeFlowRun(live, { state: { type: 'SCHEDULED', state_details: { scheduled_time: isoIn(-1) } } });
      let name = 'Scheduled';
      for (let i = 0; i < 50 && name !== 'Late'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        name = (await live.get(`/api/flow_runs/${run.id}`)).body.state_name;
      }
      expect(name).toBe('Late');
    } finally {
      await live.close();
    }
  }, 90_000);
});
