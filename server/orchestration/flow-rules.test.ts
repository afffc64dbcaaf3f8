import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { isoIn, makeFlowRun, makeTaskRun, runningFlowRun, secondsUntil, setFlowState } from '../testing/fixtures.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const read = async (id: string) => (await s.get(`/api/flow_runs/${id}`)).body;

describe('flow run rules (contract §5.3)', () => {
  it('accepts a plain transition with 201 and the written state', async () => {
    const run = await makeFlowRun(s);
    const res = await setFlowState(s, run.id, { type: 'RUNNING', message: 'go' });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('ACCEPT');
    expect(res.body.details).toEqual({ type: 'accept_details' });
    expect(res.body.state).toMatchObject({ type: 'RUNNING', name: 'Running', message: 'go' });
    expect(res.body.state.state_details.flow_run_id).toBe(run.id);
  });

  it('PreventDuplicateTransitions: the same transition_id twice is rejected without a new state', async () => {
    const run = await makeFlowRun(s);
    const transition = randomUUID();
    expect((await setFlowState(s, run.id, { type: 'RUNNING', state_details: { transition_id: transition } })).body.status).toBe('ACCEPT');
    const res = await setFlowState(s, run.id, { type: 'COMPLETED', state_details: { transition_id: transition } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('REJECT');
    expect(res.body.state.type).toBe('RUNNING');
    expect((await read(run.id)).state_type).toBe('RUNNING');
  });

  describe('HandleFlowTerminalStateTransitions', () => {
    it.each(['CANCELLING', 'PAUSED', 'CRASHED'])('aborts COMPLETED → %s', async (to) => {
      const run = await runningFlowRun(s);
      await setFlowState(s, run.id, { type: 'COMPLETED' });
      const res = await setFlowState(s, run.id, { type: to });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('ABORT');
      expect(res.body.details.type).toBe('abort_details');
      expect((await read(run.id)).state_type).toBe('COMPLETED');
    });

    it('rejects leaving COMPLETED with a persisted result', async () => {
      const run = await runningFlowRun(s);
      await setFlowState(s, run.id, { type: 'COMPLETED', data: { type: 'reference', serializer_type: 'json', storage_key: 'k', storage_block_id: randomUUID() } });
      const res = await setFlowState(s, run.id, { type: 'RUNNING' });
      expect(res.body.status).toBe('REJECT');
      expect(res.body.state.type).toBe('COMPLETED');
    });

    it('allows leaving COMPLETED when the result is unpersisted', async () => {
      const run = await runningFlowRun(s);
      await setFlowState(s, run.id, { type: 'COMPLETED', data: { type: 'unpersisted' } });
      expect((await setFlowState(s, run.id, { type: 'RUNNING' })).body.status).toBe('ACCEPT');
    });

    it('aborts rescheduling a finished run that has no deployment', async () => {
      const run = await runningFlowRun(s);
      await setFlowState(s, run.id, { type: 'FAILED' });
      const res = await setFlowState(s, run.id, { type: 'SCHEDULED' });
      expect(res.body.status).toBe('ABORT');
    });

    it('resets the pause and retry bookkeeping when a finished run is rescheduled', async () => {
      const run = await runningFlowRun(s, { deployment_id: randomUUID() });
      await s.patch(`/api/flow_runs/${run.id}`, { empirical_policy: { pause_keys: ['k1'], resuming: true, retry_type: 'in_process' } });
      await setFlowState(s, run.id, { type: 'FAILED' });
      const res = await setFlowState(s, run.id, { type: 'SCHEDULED', name: 'AwaitingRetry' });
      expect(res.body.status).toBe('ACCEPT');
      const after = await read(run.id);
      expect(after.empirical_policy).toMatchObject({ pause_keys: [], resuming: false, retry_type: 'reschedule' });
    });
  });

  describe('EnforceCancellingToCancelledTransition', () => {
    it('only lets a cancelling run become cancelled', async () => {
      const run = await runningFlowRun(s);
      expect((await setFlowState(s, run.id, { type: 'CANCELLING' })).body.status).toBe('ACCEPT');
      const rejected = await setFlowState(s, run.id, { type: 'RUNNING' });
      expect(rejected.body.status).toBe('REJECT');
      expect(rejected.body.state.type).toBe('CANCELLING');
      expect((await setFlowState(s, run.id, { type: 'CANCELLED' })).body.status).toBe('ACCEPT');
      expect((await setFlowState(s, run.id, { type: 'COMPLETED' })).body.status).toBe('REJECT');
    });
  });

  describe('BypassCancellingFlowRunsWithNoInfra', () => {
    it('cancels a scheduled run without infrastructure directly (REJECT + Cancelled)', async () => {
      const run = await makeFlowRun(s, { state: { type: 'SCHEDULED', state_details: { scheduled_time: isoIn(3600) } } });
      const res = await setFlowState(s, run.id, { type: 'CANCELLING' }, true);
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('REJECT');
      expect(res.body.state).toMatchObject({ type: 'CANCELLED', name: 'Cancelled' });
      expect((await read(run.id)).state_type).toBe('CANCELLED');
    });

    it('lets a scheduled run with infrastructure go CANCELLING', async () => {
      const run = await makeFlowRun(s, { state: { type: 'SCHEDULED' } });
      await s.patch(`/api/flow_runs/${run.id}`, { infrastructure_pid: 'host:1234' });
      const res = await setFlowState(s, run.id, { type: 'CANCELLING' });
      expect(res.body.status).toBe('ACCEPT');
      expect(res.body.state.type).toBe('CANCELLING');
    });

    it('cancels a Resuming run and a suspended (reschedule) pause directly', async () => {
      const resuming = await makeFlowRun(s, { state: { type: 'SCHEDULED', name: 'Resuming' } });
      await s.patch(`/api/flow_runs/${resuming.id}`, { infrastructure_pid: 'pid' });
      expect((await setFlowState(s, resuming.id, { type: 'CANCELLING' })).body.state.type).toBe('CANCELLED');
      const suspended = await makeFlowRun(s, { deployment_id: randomUUID(), state: { type: 'PAUSED', name: 'Suspended', state_details: { pause_reschedule: true } } });
      expect((await setFlowState(s, suspended.id, { type: 'CANCELLING' })).body.state.type).toBe('CANCELLED');
    });
  });

  describe('PreventPendingTransitions', () => {
    it.each(['PENDING', 'RUNNING'])('aborts %s → PENDING', async (from) => {
      const run = await makeFlowRun(s, { state: { type: from } });
      const res = await setFlowState(s, run.id, { type: 'PENDING' });
      expect(res.body.status).toBe('ABORT');
    });

    it.each(['CANCELLING', 'CANCELLED'])('%s → PENDING is refused earlier, by the cancelling rule (rule order)', async (from) => {
      const run = await makeFlowRun(s, { state: { type: from } });
      const res = await setFlowState(s, run.id, { type: 'PENDING' });
      expect(res.body.status).toBe('REJECT');
      expect(res.body.state.type).toBe(from);
    });

    it('hands a scheduled run to exactly one of two racing claimers', async () => {
      for (let i = 0; i < 5; i++) {
        const run = await makeFlowRun(s, { state: { type: 'SCHEDULED' } });
        const results = await Promise.all([setFlowState(s, run.id, { type: 'PENDING' }), setFlowState(s, run.id, { type: 'PENDING' })]);
        expect(results.map((r) => r.body.status).sort()).toEqual(['ABORT', 'ACCEPT']);
      }
    });
  });

  describe('EnsureOnlyScheduledFlowsMarkedLate', () => {
    it('rejects marking a running run late (200, current state)', async () => {
      const run = await runningFlowRun(s);
      const res = await setFlowState(s, run.id, { type: 'SCHEDULED', name: 'Late' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'REJECT', details: { type: 'reject_details', reason: 'Only scheduled flows can be marked late.' } });
      expect(res.body.state.type).toBe('RUNNING');
    });

    it('marks a scheduled run late', async () => {
      const run = await makeFlowRun(s, { state: { type: 'SCHEDULED' } });
      const res = await setFlowState(s, run.id, { type: 'SCHEDULED', name: 'Late' });
      expect(res.body.status).toBe('ACCEPT');
      expect((await read(run.id)).state_name).toBe('Late');
    });
  });

  describe('HandlePausingFlows', () => {
    it('rejects pausing a run that is not running', async () => {
      const run = await makeFlowRun(s);
      const res = await setFlowState(s, run.id, { type: 'PAUSED' });
      expect(res.body.status).toBe('REJECT');
      expect(res.body.state.type).toBe('PENDING');
    });

    it('records the pause key and refuses the same pause twice', async () => {
      const run = await runningFlowRun(s);
      const paused = await setFlowState(s, run.id, { type: 'PAUSED', state_details: { pause_key: 'approval' } });
      expect(paused.body.status).toBe('ACCEPT');
      expect((await read(run.id)).empirical_policy.pause_keys).toEqual(['approval']);
      expect((await s.post(`/api/flow_runs/${run.id}/resume`, {})).body.status).toBe('ACCEPT');
      const again = await setFlowState(s, run.id, { type: 'PAUSED', state_details: { pause_key: 'approval' } });
      expect(again.body.status).toBe('REJECT');
      expect(again.body.details.reason).toMatch(/already fired/);
    });

    it('generates a pause key when none is given', async () => {
      const run = await runningFlowRun(s);
      const res = await setFlowState(s, run.id, { type: 'PAUSED' });
      expect(res.body.state.state_details.pause_key).toMatch(/[0-9a-f-]{36}/);
    });

    it('aborts a rescheduling pause without deployment and on a subflow', async () => {
      const run = await runningFlowRun(s);
      expect((await setFlowState(s, run.id, { type: 'PAUSED', state_details: { pause_reschedule: true } })).body.status).toBe('ABORT');
      const parent = await runningFlowRun(s);
      const task = await makeTaskRun(s, { flow_run_id: parent.id });
      const sub = await runningFlowRun(s, { parent_task_run_id: task.id, deployment_id: randomUUID() });
      expect((await setFlowState(s, sub.id, { type: 'PAUSED', state_details: { pause_reschedule: true } })).body.status).toBe('ABORT');
    });
  });

  describe('HandleResumingPausedFlows', () => {
    it('rejects a paused run going PENDING', async () => {
      const run = await runningFlowRun(s);
      await setFlowState(s, run.id, { type: 'PAUSED' });
      expect((await setFlowState(s, run.id, { type: 'PENDING' })).body.status).toBe('REJECT');
    });

    it('fails a run whose pause timed out', async () => {
      const run = await runningFlowRun(s);
      await setFlowState(s, run.id, { type: 'PAUSED', state_details: { pause_timeout: isoIn(-5) } });
      const res = await setFlowState(s, run.id, { type: 'RUNNING' });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('REJECT');
      expect(res.body.state).toMatchObject({ type: 'FAILED', message: 'The flow was paused and never resumed.' });
    });

    it('rejects rescheduling a suspended run without a deployment', async () => {
      const run = await makeFlowRun(s, { state: { type: 'PAUSED', state_details: { pause_reschedule: true } } });
      expect((await setFlowState(s, run.id, { type: 'SCHEDULED' })).body.status).toBe('REJECT');
    });

    it('resuming does not count as a new run (run_count unchanged)', async () => {
      const run = await runningFlowRun(s);
      await setFlowState(s, run.id, { type: 'PAUSED' });
      const resumed = await s.post(`/api/flow_runs/${run.id}/resume`, { run_input: null });
      expect(resumed.status).toBe(201);
      expect(resumed.body.state.type).toBe('RUNNING');
      const after = await read(run.id);
      expect(after.run_count).toBe(1);
      expect(after.empirical_policy.resuming).toBe(false);
    });

    it('with an API version below 0.8.4 the resume bookkeeping is skipped', async () => {
      const run = await runningFlowRun(s);
      await setFlowState(s, run.id, { type: 'PAUSED' });
      await setFlowState(s, run.id, { type: 'RUNNING' }, false, { 'x-syntask-api-version': '0.8.3' });
      expect((await read(run.id)).run_count).toBe(2);
    });

    it('resume answers ABORT for a run that is not paused', async () => {
      const run = await runningFlowRun(s);
      const res = await s.post(`/api/flow_runs/${run.id}/resume`, {});
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ state: null, status: 'ABORT', details: { type: 'abort_details', reason: 'Cannot resume a flow run that is not paused.' } });
    });

    it('resume of a suspended run schedules it as Resuming', async () => {
      const run = await makeFlowRun(s, { deployment_id: randomUUID(), state: { type: 'PAUSED', name: 'Suspended', state_details: { pause_reschedule: true } } });
      const res = await s.post(`/api/flow_runs/${run.id}/resume`, {});
      expect(res.body.state).toMatchObject({ type: 'SCHEDULED', name: 'Resuming' });
    });
  });

  it('CopyScheduledTime: PENDING keeps the scheduled time', async () => {
    const at = isoIn(-30);
    const run = await makeFlowRun(s, { state: { type: 'SCHEDULED', state_details: { scheduled_time: at } } });
    const res = await setFlowState(s, run.id, { type: 'PENDING' });
    expect(Date.parse(res.body.state.state_details.scheduled_time)).toBe(Date.parse(at));
  });

  it('WaitForScheduledTime: a run may not start early', async () => {
    const run = await makeFlowRun(s, { state: { type: 'SCHEDULED', state_details: { scheduled_time: isoIn(120) } } });
    const res = await setFlowState(s, run.id, { type: 'RUNNING' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('WAIT');
    expect(res.body.details.type).toBe('wait_details');
    expect(res.body.details.delay_seconds).toBeGreaterThanOrEqual(118);
    expect(res.body.details.delay_seconds).toBeLessThanOrEqual(121);
    expect(res.body.state.type).toBe('SCHEDULED');
  });

  describe('RetryFailedFlows', () => {
    it('answers a failure with AwaitingRetry while retries remain, then accepts the failure', async () => {
      const run = await makeFlowRun(s, { empirical_policy: { retries: 1, retry_delay: 60 } });
      await setFlowState(s, run.id, { type: 'RUNNING' });
      const first = await setFlowState(s, run.id, { type: 'FAILED', message: 'boom' });
      expect(first.status).toBe(201);
      expect(first.body.status).toBe('REJECT');
      expect(first.body.details.reason).toBe('Retrying');
      expect(first.body.state).toMatchObject({ type: 'SCHEDULED', name: 'AwaitingRetry', message: 'boom' });
      expect(secondsUntil(first.body.state.state_details.scheduled_time)).toBeGreaterThan(55);
      const after = await read(run.id);
      expect(after.empirical_policy.retry_type).toBe('in_process');
      expect(after.run_count).toBe(1);

      await setFlowState(s, run.id, { type: 'RUNNING' }, true);
      const second = await setFlowState(s, run.id, { type: 'FAILED', message: 'boom again' });
      expect(second.body.status).toBe('ACCEPT');
      expect((await read(run.id)).run_count).toBe(2);
    });

    it('copies deprecated max_retries/retry_delay_seconds into retries/retry_delay', async () => {
      const run = await makeFlowRun(s, { empirical_policy: { max_retries: 3, retry_delay_seconds: 7 } });
      expect(run.empirical_policy).toMatchObject({ retries: 3, retry_delay: 7 });
    });
  });

  describe('force', () => {
    it('skips the core rules but still bypasses cancelling without infrastructure', async () => {
      const run = await runningFlowRun(s);
      await setFlowState(s, run.id, { type: 'COMPLETED', data: { type: 'reference', storage_key: 'x', serializer_type: 'json', storage_block_id: randomUUID() } });
      expect((await setFlowState(s, run.id, { type: 'RUNNING' }, true)).body.status).toBe('ACCEPT');
    });

    it('AddUnknownResult: forcing FAILED with a result reference to COMPLETED leaves an unknown result', async () => {
      const run = await runningFlowRun(s);
      await setFlowState(s, run.id, { type: 'FAILED', data: { type: 'reference', storage_key: 'x', serializer_type: 'json', storage_block_id: randomUUID() } });
      const res = await setFlowState(s, run.id, { type: 'COMPLETED' }, true);
      expect(res.body.state.data).toEqual({ type: 'unknown', value: null });
    });
  });

  it('answers 404 with exception_message for an unknown run', async () => {
    const id = randomUUID();
    const res = await setFlowState(s, id, { type: 'RUNNING' });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ exception_message: `Flow run with id ${id} not found` });
  });
});
