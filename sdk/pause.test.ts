import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVAL_SCHEMA, flowRunInput, PAUSED_KEYSET, resumeFlowRun } from '../server/testing/fixtures.ts';
import { startTestServer, type TestServer } from '../server/testing/harness.ts';
import { SyntaskClient, type FlowRunT } from './client.ts';
import { flow, FlowRunSuspended, getRunLogger, pauseFlowRun, RunFailedError, suspendFlowRun, z } from './index.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  process.env.SYNTASK_API_URL = s.api;
  process.env.SYNTASK_LOGGING_TO_CONSOLE = 'false';
});
afterAll(() => s.close());

const runsOf = async (flowName: string) => (await s.post('/api/flow_runs/filter', { flows: { name: { any_: [flowName] } }, sort: 'EXPECTED_START_TIME_DESC', limit: 1 })).body as FlowRunT[];

/** Waits until the flow's latest run is PAUSED (the flow itself keeps running in this process). */
async function pausedRun(flowName: string): Promise<FlowRunT> {
  for (let i = 0; i < 200; i++) {
    const [run] = await runsOf(flowName);
    if (run?.state_type === 'PAUSED') return run;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${flowName} never paused`);
}

const inputValue = (runId: string, key: string) => flowRunInput(s, runId, key);
const resume = (runId: string, run_input?: unknown) => resumeFlowRun(s, runId, run_input);

const Approval = z.object({
  reason: z.string().min(3),
  choice: z.enum(['ship', 'hold']),
  note: z.string().nullable().default(null),
});

describe('pauseFlowRun', () => {
  it('waits for typed input: the schema in Pydantic shape, invalid input is rejected, valid input is returned parsed', async () => {
    const approve = flow({ name: 'sdk-pause-input' }, async () => {
      const answer = await pauseFlowRun({ timeout: 60, waitForInput: Approval.meta({ title: 'Approval' }), description: 'Ship **v2**?' });
      getRunLogger().info(`got ${answer.choice}`);
      return answer;
    });
    const result = approve();
    const run = await pausedRun('sdk-pause-input');
    expect(run.state).toMatchObject({ name: 'Paused', state_details: { pause_key: '1', pause_reschedule: false, run_input_keyset: PAUSED_KEYSET } });
    expect(Date.parse(run.state!.state_details.pause_timeout!)).toBeGreaterThan(Date.now() + 50_000);
    const schema = await inputValue(run.id, 'paused-1-schema');
    expect(schema).toMatchObject(APPROVAL_SCHEMA);
    expect(await inputValue(run.id, 'paused-1-description')).toBe('Ship **v2**?');

    const rejected = await resume(run.id, { reason: 'no', choice: 'maybe' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'REJECT', state: { type: 'PAUSED' } });
    expect(rejected.body.details.reason).toMatch(/field 'choice'/);
    await new Promise((r) => setTimeout(r, 400));
    expect((await s.get(`/api/flow_runs/${run.id}`)).body.state_type).toBe('PAUSED');

    expect((await resume(run.id, { reason: 'all green', choice: 'ship' })).status).toBe(201);
    // Parsed by zod: the default filled in.
    expect(await result).toEqual({ reason: 'all green', choice: 'ship', note: null });
    const done = (await s.get(`/api/flow_runs/${run.id}`)).body;
    expect(done).toMatchObject({ state_type: 'COMPLETED', run_count: 1 });
    const states = (await s.get(`/api/flow_run_states/?flow_run_id=${run.id}`)).body.map((st: { name: string }) => st.name);
    expect(states).toEqual(['Pending', 'Running', 'Paused', 'Running', 'Completed']);
  });

  it('without waitForInput it just pauses and resumes; each pause has its own key', async () => {
    const twice = flow({ name: 'sdk-pause-plain' }, async () => {
      const first = await pauseFlowRun({ timeout: 60 });
      await pauseFlowRun({ timeout: 60 });
      return { first: first ?? null };
    });
    const result = twice();
    const first = await pausedRun('sdk-pause-plain');
    expect(first.state?.state_details).toMatchObject({ pause_key: '1', run_input_keyset: null });
    expect((await resume(first.id)).body.status).toBe('ACCEPT');
    const second = await pausedRun('sdk-pause-plain');
    expect(second.state?.state_details.pause_key).toBe('2');
    await resume(second.id);
    expect(await result).toEqual({ first: null });
    expect((await s.post(`/api/flow_runs/${first.id}/input/filter`, { prefix: '', limit: 10 })).body).toEqual([]);
  });

  it('a non-object schema is asked for as {value} and returned unwrapped', async () => {
    const choose = flow({ name: 'sdk-pause-enum' }, async () => pauseFlowRun({ timeout: 60, waitForInput: z.enum(['red', 'blue']) }));
    const result = choose();
    const run = await pausedRun('sdk-pause-enum');
    expect(await inputValue(run.id, 'paused-1-schema')).toMatchObject({ title: 'RunInput', properties: { value: { enum: ['red', 'blue'] } }, required: ['value'] });
    expect((await resume(run.id, { value: 'green' })).body.status).toBe('REJECT');
    expect((await resume(run.id, { value: 'blue' })).body.status).toBe('ACCEPT');
    expect(await result).toBe('blue');
  });

  it('a pause that times out fails the run', async () => {
    const waits = flow({ name: 'sdk-pause-timeout' }, async () => pauseFlowRun({ timeout: 1 }));
    await expect(waits()).rejects.toThrow(RunFailedError);
    const [run] = await runsOf('sdk-pause-timeout');
    expect(run).toMatchObject({ state_type: 'FAILED' });
    expect(run.state?.message).toMatch(/paused and never resumed/);
  });

  it('outside a flow run it refuses', async () => {
    await expect(pauseFlowRun()).rejects.toThrow(/inside a flow/);
  });
});

describe('suspendFlowRun', () => {
  const steps: string[] = [];
  const release = flow({ name: 'sdk-suspend-input' }, async () => {
    steps.push('start');
    const answer = await suspendFlowRun({ timeout: 60, waitForInput: Approval, description: 'Release?' });
    steps.push(`answer ${answer.choice}`);
    return answer.reason;
  });

  it('needs a deployment (the run is rescheduled to resume)', async () => {
    await expect(release()).rejects.toThrow(RunFailedError);
    const [run] = await runsOf('sdk-suspend-input');
    expect(run.state?.message).toMatch(/cannot be suspended: Cannot pause flows without a deployment/);
  });

  it('stops the process with the run Suspended; resumed with input, it reruns and the suspension returns the input', async () => {
    steps.length = 0;
    const client = new SyntaskClient(s.api);
    const flowId = (await s.post('/api/flows/', { name: 'sdk-suspend-input' })).body.id;
    // A worker would start this run of a deployment; the test plays the worker.
    const created = (await s.post('/api/flow_runs/', { flow_id: flowId, deployment_id: crypto.randomUUID(), state: { type: 'PENDING' } })).body as FlowRunT;
    await expect(release.executeRun(created, client)).rejects.toBeInstanceOf(FlowRunSuspended);
    const suspended = (await s.get(`/api/flow_runs/${created.id}`)).body as FlowRunT;
    expect(suspended.state).toMatchObject({ type: 'PAUSED', name: 'Suspended', state_details: { pause_reschedule: true, pause_key: '1', run_input_keyset: { response: 'suspended-1-response' } } });
    expect(await inputValue(created.id, 'suspended-1-description')).toBe('Release?');

    expect((await resume(created.id, { reason: 'x', choice: 'ship' })).body.status).toBe('REJECT');
    const resumed = await resume(created.id, { reason: 'quarter end', choice: 'hold' });
    expect(resumed.body).toMatchObject({ status: 'ACCEPT', state: { type: 'SCHEDULED', name: 'Resuming' } });

    const rerun = (await s.get(`/api/flow_runs/${created.id}`)).body as FlowRunT;
    expect(await release.executeRun(rerun, client)).toBe('quarter end');
    expect(steps).toEqual(['start', 'start', 'answer hold']);
    const done = (await s.get(`/api/flow_runs/${created.id}`)).body as FlowRunT;
    expect(done.state_type).toBe('COMPLETED');
  });
});
