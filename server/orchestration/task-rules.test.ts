import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { isoIn, makeFlowRun, makeTaskRun, runningFlowRun, secondsUntil, setFlowState, setTaskState } from '../testing/fixtures.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const read = async (id: string) => (await s.get(`/api/task_runs/${id}`)).body;
const taskIn = async (body: Record<string, unknown> = {}) => makeTaskRun(s, { flow_run_id: (await runningFlowRun(s)).id, ...body });

describe('task run rules (contract §5.3)', () => {
  describe('CacheRetrieval / CacheInsertion', () => {
    it('a second task with the same cache key gets a Cached copy without running', async () => {
      const key = `key-${randomUUID()}`;
      const first = await taskIn({ cache_key: key });
      await setTaskState(s, first.id, { type: 'RUNNING' });
      await setTaskState(s, first.id, { type: 'COMPLETED', data: { type: 'reference', storage_key: 'result-1', serializer_type: 'json', storage_block_id: randomUUID() } });

      const second = await taskIn({ cache_key: key });
      const res = await setTaskState(s, second.id, { type: 'RUNNING' });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('REJECT');
      expect(res.body.state).toMatchObject({ type: 'COMPLETED', name: 'Cached' });
      expect(res.body.state.data.storage_key).toBe('result-1');
      const after = await read(second.id);
      expect(after.state_name).toBe('Cached');
      expect(after.run_count).toBe(0);
    });

    it('the key in the proposed state details works too; refresh_cache and expiry bypass the cache', async () => {
      const key = `key-${randomUUID()}`;
      const first = await taskIn();
      await setTaskState(s, first.id, { type: 'RUNNING' });
      await setTaskState(s, first.id, { type: 'COMPLETED', state_details: { cache_key: key, cache_expiration: isoIn(3600) } });
      const hit = await taskIn();
      expect((await setTaskState(s, hit.id, { type: 'RUNNING', state_details: { cache_key: key } })).body.state.name).toBe('Cached');
      const refresh = await taskIn();
      expect((await setTaskState(s, refresh.id, { type: 'RUNNING', state_details: { cache_key: key, refresh_cache: true } })).body.state.name).toBe('Running');

      const expiredKey = `key-${randomUUID()}`;
      const old = await taskIn();
      await setTaskState(s, old.id, { type: 'RUNNING' });
      await setTaskState(s, old.id, { type: 'COMPLETED', state_details: { cache_key: expiredKey, cache_expiration: isoIn(-1) } });
      const miss = await taskIn();
      expect((await setTaskState(s, miss.id, { type: 'RUNNING', state_details: { cache_key: expiredKey } })).body.status).toBe('ACCEPT');
    });
  });

  describe('HandleTaskTerminalStateTransitions', () => {
    it.each(['CANCELLING', 'PAUSED', 'CRASHED'])('aborts COMPLETED → %s', async (to) => {
      const t = await taskIn();
      await setTaskState(s, t.id, { type: 'RUNNING' });
      await setTaskState(s, t.id, { type: 'COMPLETED' });
      expect((await setTaskState(s, t.id, { type: to })).body.status).toBe('ABORT');
    });

    it('rejects leaving COMPLETED with a persisted result', async () => {
      const t = await taskIn();
      await setTaskState(s, t.id, { type: 'RUNNING' });
      await setTaskState(s, t.id, { type: 'COMPLETED', data: { type: 'reference', storage_key: 'k', serializer_type: 'json', storage_block_id: randomUUID() } });
      expect((await setTaskState(s, t.id, { type: 'RUNNING' })).body.status).toBe('REJECT');
    });

    it('a rerun after failure resets run_count and is named Rerunning/Retrying by the flow attempt', async () => {
      const flowRun = await runningFlowRun(s);
      const t = await makeTaskRun(s, { flow_run_id: flowRun.id });
      await setTaskState(s, t.id, { type: 'RUNNING' });
      await setTaskState(s, t.id, { type: 'FAILED' });
      expect((await read(t.id)).run_count).toBe(1);
      // The flow run is retried: its run_count moves past the task's tracker.
      await setFlowState(s, flowRun.id, { type: 'SCHEDULED', name: 'AwaitingRetry' }, true);
      await setFlowState(s, flowRun.id, { type: 'RUNNING' }, true);
      const rerun = await setTaskState(s, t.id, { type: 'RUNNING' });
      expect(rerun.body.status).toBe('ACCEPT');
      expect(rerun.body.state.name).toBe('Retrying');
      const after = await read(t.id);
      expect(after.run_count).toBe(1);
      expect(after.flow_run_run_count).toBe(2);
    });
  });

  describe('PreventRunningTasksFromStoppedFlows', () => {
    it('aborts starting a task whose flow run is not running', async () => {
      const flowRun = await makeFlowRun(s);
      const t = await makeTaskRun(s, { flow_run_id: flowRun.id });
      const res = await setTaskState(s, t.id, { type: 'RUNNING' });
      expect(res.body.status).toBe('ABORT');
      expect(res.body.details.reason).toMatch(/flow must be running/);
    });

    it('a task of a paused flow run is put in PAUSED NotReady', async () => {
      const flowRun = await runningFlowRun(s);
      const t = await makeTaskRun(s, { flow_run_id: flowRun.id });
      await setFlowState(s, flowRun.id, { type: 'PAUSED', state_details: { pause_timeout: isoIn(600) } });
      const res = await setTaskState(s, t.id, { type: 'RUNNING' });
      expect(res.body.status).toBe('REJECT');
      expect(res.body.state).toMatchObject({ type: 'PAUSED', name: 'NotReady' });
      expect(res.body.state.state_details.pause_timeout).not.toBeNull();
    });

    it('autonomous task runs (no flow run) may run, but never go PENDING twice', async () => {
      const t = await makeTaskRun(s);
      expect(t.flow_run_id).toBeNull();
      expect((await setTaskState(s, t.id, { type: 'PENDING' })).body.status).toBe('ABORT');
      expect((await setTaskState(s, t.id, { type: 'RUNNING' })).body.status).toBe('ACCEPT');
    });
  });

  describe('SecureTaskConcurrencySlots / ReleaseTaskConcurrencySlots', () => {
    it('holds one slot per running task, makes the next one WAIT, and frees the slot on completion', async () => {
      const tag = `db-${randomUUID().slice(0, 6)}`;
      await s.post('/api/concurrency_limits/', { tag, concurrency_limit: 1 });
      const a = await taskIn({ tags: [tag] });
      const b = await taskIn({ tags: [tag] });
      expect((await setTaskState(s, a.id, { type: 'RUNNING' })).body.status).toBe('ACCEPT');
      expect((await s.get(`/api/concurrency_limits/tag/${tag}`)).body.active_slots).toEqual([a.id]);
      const waiting = await setTaskState(s, b.id, { type: 'RUNNING' });
      expect(waiting.body.status).toBe('WAIT');
      expect(waiting.body.details.delay_seconds).toBe(30);
      await setTaskState(s, a.id, { type: 'COMPLETED' });
      expect((await s.get(`/api/concurrency_limits/tag/${tag}`)).body.active_slots).toEqual([]);
      expect((await setTaskState(s, b.id, { type: 'RUNNING' })).body.status).toBe('ACCEPT');
    });

    it('a limit of 0 aborts; a forced state releases the slot', async () => {
      const zero = `zero-${randomUUID().slice(0, 6)}`;
      await s.post('/api/concurrency_limits/', { tag: zero, concurrency_limit: 0 });
      const t = await taskIn({ tags: [zero] });
      expect((await setTaskState(s, t.id, { type: 'RUNNING' })).body.status).toBe('ABORT');

      const tag = `one-${randomUUID().slice(0, 6)}`;
      await s.post('/api/concurrency_limits/', { tag, concurrency_limit: 1 });
      const held = await taskIn({ tags: [tag] });
      await setTaskState(s, held.id, { type: 'RUNNING' });
      await setTaskState(s, held.id, { type: 'CRASHED' }, true);
      expect((await s.get(`/api/concurrency_limits/tag/${tag}`)).body.active_slots).toEqual([]);
    });

    it('a retry (AwaitingRetry) releases the slot', async () => {
      const tag = `retry-${randomUUID().slice(0, 6)}`;
      await s.post('/api/concurrency_limits/', { tag, concurrency_limit: 1 });
      const t = await taskIn({ tags: [tag], empirical_policy: { retries: 1 } });
      await setTaskState(s, t.id, { type: 'RUNNING' });
      const res = await setTaskState(s, t.id, { type: 'FAILED' });
      expect(res.body.state.name).toBe('AwaitingRetry');
      expect((await s.get(`/api/concurrency_limits/tag/${tag}`)).body.active_slots).toEqual([]);
    });
  });

  it('CopyScheduledTime and WaitForScheduledTime apply to tasks', async () => {
    const at = isoIn(90);
    const t = await taskIn({ state: { type: 'SCHEDULED', state_details: { scheduled_time: at } } });
    const pending = await setTaskState(s, t.id, { type: 'PENDING' });
    expect(Date.parse(pending.body.state.state_details.scheduled_time)).toBe(Date.parse(at));
    const wait = await setTaskState(s, t.id, { type: 'RUNNING' });
    expect(wait.body.status).toBe('WAIT');
    expect(wait.body.details.delay_seconds).toBeGreaterThanOrEqual(88);
  });

  describe('RetryFailedTasks and RenameReruns', () => {
    it('uses the list of delays by attempt and renames the rerun Retrying', async () => {
      const t = await taskIn({ empirical_policy: { retries: 2, retry_delay: [5, 40] } });
      await setTaskState(s, t.id, { type: 'RUNNING' });
      const first = await setTaskState(s, t.id, { type: 'FAILED', message: 'x' });
      expect(first.body.state).toMatchObject({ type: 'SCHEDULED', name: 'AwaitingRetry', message: 'x' });
      expect(secondsUntil(first.body.state.state_details.scheduled_time)).toBeGreaterThan(3);
      expect(secondsUntil(first.body.state.state_details.scheduled_time)).toBeLessThan(6);

      const rerun = await setTaskState(s, t.id, { type: 'RUNNING' }, true);
      expect(rerun.body.state.name).toBe('Running'); // force skips RenameReruns
      const second = await setTaskState(s, t.id, { type: 'FAILED' });
      expect(secondsUntil(second.body.state.state_details.scheduled_time)).toBeGreaterThan(38);
      const renamed = await setTaskState(s, t.id, { type: 'RUNNING' }, false);
      expect(renamed.body.status).toBe('WAIT');
    });

    it('RenameReruns names a run that already ran Retrying (from AwaitingRetry) or Rerunning', async () => {
      const t = await taskIn({ empirical_policy: { retries: 1, retry_delay: 0 } });
      await setTaskState(s, t.id, { type: 'RUNNING' });
      await setTaskState(s, t.id, { type: 'FAILED' });
      const retrying = await setTaskState(s, t.id, { type: 'RUNNING' });
      expect(retrying.body.state.name).toBe('Retrying');
      expect((await read(t.id)).run_count).toBe(2);

      const other = await taskIn();
      await setTaskState(s, other.id, { type: 'RUNNING' });
      await setTaskState(s, other.id, { type: 'PENDING' }, true);
      expect((await setTaskState(s, other.id, { type: 'RUNNING' })).body.state.name).toBe('Rerunning');
    });

    it('a failure marked not retriable is accepted', async () => {
      const t = await taskIn({ empirical_policy: { retries: 3 } });
      await setTaskState(s, t.id, { type: 'RUNNING' });
      const res = await setTaskState(s, t.id, { type: 'FAILED', state_details: { retriable: false } });
      expect(res.body.status).toBe('ACCEPT');
      expect(res.body.state.type).toBe('FAILED');
    });
  });

  it('UpdateFlowRunTrackerOnTasks records the flow attempt that ran the task', async () => {
    const t = await taskIn();
    await setTaskState(s, t.id, { type: 'RUNNING' });
    expect((await read(t.id)).flow_run_run_count).toBe(1);
  });

  it('AddUnknownResult applies to forced task completions', async () => {
    const t = await taskIn();
    await setTaskState(s, t.id, { type: 'RUNNING' });
    await setTaskState(s, t.id, { type: 'FAILED', data: { type: 'reference', storage_key: 'k', serializer_type: 'json', storage_block_id: randomUUID() } });
    expect((await setTaskState(s, t.id, { type: 'COMPLETED' }, true)).body.state.data).toEqual({ type: 'unknown', value: null });
  });

  it('answers 404 for an unknown task run', async () => {
    const id = randomUUID();
    const res = await setTaskState(s, id, { type: 'RUNNING' });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ exception_message: `Task run with id ${id} not found` });
  });
});
