import { randomUUID } from 'node:crypto';
import type { Figure } from './api.ts';
import { percentile, post, startBenchServer } from './lib.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Trigger latency: a server with its services on (SQLite), one reactive automation that fires
 * on every `bench.ping` event, 200 events sent 10 per second. Latency = the action's start
 * minus the event's `received` (event stored, evaluated, action claimed), read back from the
 * automation's firings.
 */
export async function automationsBench(count = 200, perSecond = 10): Promise<Figure[]> {
  const server = await startBenchServer(undefined, { SYNTASK_API_SERVICES_ENABLED: 'true' });
  try {
    const created = await post<{ id: string }>(server.url, '/api/automations/', { name: 'bench', trigger: { type: 'event', posture: 'Reactive', expect: ['bench.ping'], threshold: 1, within: 0 }, actions: [{ type: 'do-nothing' }] });
    if (created.status !== 201) throw new Error(`create automation: ${created.status}`);
    for (let i = 0; i < count; i++) {
      const res = await post(server.url, '/api/events', [{ occurred: new Date().toISOString(), event: 'bench.ping', resource: { 'syntask.resource.id': `bench.${i}` }, id: randomUUID() }]);
      if (res.status !== 204) throw new Error(`POST /api/events answered ${res.status}`);
      await sleep(1000 / perSecond);
    }
    type Firing = { triggering_event: { received: string } | null; actions: { started: string | null; status: string }[] };
    let firings: Firing[] = [];
    for (let waited = 0; waited < 30_000; waited += 250) {
      firings = (await (await fetch(`${server.url}/api/automations/${created.body.id}/firings?limit=200`)).json()) as Firing[];
      if (firings.length >= count && firings.every((f) => f.actions[0]?.status === 'executed')) break;
      await sleep(250);
    }
    const latencies = firings.filter((f) => f.triggering_event && f.actions[0]?.started).map((f) => Date.parse(f.actions[0].started!) - Date.parse(f.triggering_event!.received)).sort((a, b) => a - b);
    const p95 = percentile(latencies, 95);
    return [
      { name: `trigger latency p50, event stored → action started (${latencies.length} of ${count} events at ${perSecond}/s, SQLite)`, value: percentile(latencies, 50), unit: 'ms' },
      { name: 'trigger latency p95, event stored → action started', value: p95, unit: 'ms', target: '≤ 1,000 ms', ok: p95 <= 1000 && latencies.length === count },
    ];
  } finally {
    await server.stop();
  }
}
