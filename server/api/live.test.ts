import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { makeTaskRun, runningFlowRun, setFlowState, setTaskState } from '../testing/fixtures.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

interface ServerEvent {
  event: string;
  data: any;
}

/** Reads server-sent events from a stream until `until` is satisfied. */
async function openStream(path: string) {
  const controller = new AbortController();
  const res = await fetch(s.url + path, { signal: controller.signal });
  const events: ServerEvent[] = [];
  let raw = '';
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        raw += value;
        let cut: number;
        while ((cut = raw.indexOf('\n\n')) >= 0) {
          const block = raw.slice(0, cut);
          raw = raw.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
      }
    } catch {
      // aborted
    }
  })();
  const waitFor = async (predicate: (e: ServerEvent[]) => boolean, ms = 3000) => {
    const deadline = Date.now() + ms;
    while (!predicate(events)) {
      if (Date.now() > deadline) throw new Error(`timed out; events: ${JSON.stringify(events)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { res, events, waitFor, close: async () => (controller.abort(), await pump) };
}

describe('flow run live stream (extension)', () => {
  it('streams the run\'s and its task runs\' state changes and log arrivals, and nothing of other runs', async () => {
    const run = await runningFlowRun(s);
    const other = await runningFlowRun(s);
    const stream = await openStream(`/api/ui/flow_runs/${run.id}/stream`);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.res.headers.get('access-control-allow-origin')).toBe('*');

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
    expect(logs).toEqual([{ count: 2, latest_timestamp: '2026-03-01T00:00:02+00:00' }]);
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
