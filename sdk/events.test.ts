import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/testing/harness.ts';
import { flow, task } from './index.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  process.env.SYNTASK_API_URL = s.api;
  process.env.SYNTASK_LOGGING_TO_CONSOLE = 'false';
});
afterAll(() => s.close());

describe('task run state events from the SDK (A2.2)', () => {
  it('sends one event per task run state, with the flow run, flow and tags related, before the flow returns', async () => {
    const flaky = task({ name: 'flaky', retries: 1, tags: ['etl', 'b-tag'] }, async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('first try fails');
      return 1;
    });
    let attempts = 0;
    const f = flow({ name: 'sdk-events' }, async () => flaky());
    await f();
    const run = (await s.post('/api/flow_runs/filter', { flows: { name: { any_: ['sdk-events'] } }, limit: 1 })).body[0];
    const taskRun = (await s.post('/api/task_runs/filter', { flow_runs: { id: { any_: [run.id] } } })).body[0];
    await s.ctx.eventLog.drain();
    const page = await s.post('/api/events/filter', { filter: { resource: { id: [`syntask.task-run.${taskRun.id}`] }, order: 'ASC' } });
    expect(page.body.events.map((e: { event: string }) => e.event)).toEqual([
      'syntask.task-run.Pending',
      'syntask.task-run.Running',
      'syntask.task-run.AwaitingRetry',
      'syntask.task-run.Retrying',
      'syntask.task-run.Completed',
    ]);
    const states = (await s.get(`/api/task_run_states/?task_run_id=${taskRun.id}`)).body as { id: string }[];
    expect(page.body.events.map((e: { id: string }) => e.id)).toEqual(states.map((st) => st.id));
    const retry = page.body.events[2];
    expect(retry.payload.intended).toEqual({ from: 'RUNNING', to: 'FAILED' });
    expect(retry.follows).toBe(page.body.events[1].id);
    expect(retry.resource).toMatchObject({ 'syntask.resource.name': taskRun.name, 'syntask.state-type': 'SCHEDULED', 'syntask.state-message': expect.stringContaining('first try fails') });
    expect(retry.related).toEqual([
      { 'syntask.resource.id': `syntask.flow-run.${run.id}`, 'syntask.resource.role': 'flow-run', 'syntask.resource.name': run.name },
      { 'syntask.resource.id': `syntask.flow.${run.flow_id}`, 'syntask.resource.role': 'flow', 'syntask.resource.name': 'sdk-events' },
      { 'syntask.resource.id': 'syntask.tag.b-tag', 'syntask.resource.role': 'tag' },
      { 'syntask.resource.id': 'syntask.tag.etl', 'syntask.resource.role': 'tag' },
    ]);
  });
});

describe('automations through the client (as Syntask 2 clients manage them)', () => {
  it('creates, reads by name, pauses, resumes and deletes owned automations', async () => {
    const { SyntaskClient } = await import('./client.ts');
    const client = new SyntaskClient(s.api);
    const created = await client.createAutomation({ name: 'sdk-made', trigger: { type: 'event', posture: 'Reactive', expect: ['acme.x'] }, actions: [{ type: 'do-nothing' }], owner_resource: 'syntask.deployment.sdk-owner' });
    expect(created.trigger).toMatchObject({ type: 'event', threshold: 1, within: 0 });
    expect((await client.readAutomationsByName('sdk-made')).map((a) => a.id)).toEqual([created.id]);
    await client.pauseAutomation(created.id);
    expect((await client.readAutomation(created.id)).enabled).toBe(false);
    await client.resumeAutomation(created.id);
    expect((await client.readAutomation(created.id)).enabled).toBe(true);
    await client.deleteResourceOwnedAutomations('syntask.deployment.sdk-owner');
    await expect(client.readAutomation(created.id)).rejects.toMatchObject({ status: 404 });
  });
});
