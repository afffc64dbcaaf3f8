import { randomUUID } from 'node:crypto';
import type { ReceivedEventT } from '../server/api/models/events.ts';
import { openDatabase } from '../server/db/connection.ts';
import { insertEvents } from '../server/db/events.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { formatDateTime } from '../server/lib/time.ts';
import type { Figure } from './api.ts';
import { parallel, percentile, post, startBenchServer, tempHome } from './lib.ts';

const NAMES = ['syntask.flow-run.Pending', 'syntask.flow-run.Running', 'syntask.flow-run.Completed', 'syntask.flow-run.Failed', 'acme.order.shipped', 'acme.order.returned'];
const FLOWS = Array.from({ length: 50 }, () => randomUUID());

/** An event like the server's flow-run ones: a run resource, its flow and two tags related. */
function makeEvent(i: number, occurredMicros: number, received = occurredMicros): ReceivedEventT {
  const run = `syntask.flow-run.${randomUUID()}`;
  const flow = FLOWS[i % FLOWS.length];
  return {
    occurred: formatDateTime(occurredMicros),
    event: NAMES[i % NAMES.length],
    resource: { 'syntask.resource.id': run, 'syntask.resource.name': `run-${i}`, 'syntask.state-type': 'COMPLETED' },
    related: [
      { 'syntask.resource.id': `syntask.flow.${flow}`, 'syntask.resource.role': 'flow', 'syntask.resource.name': `flow-${i % FLOWS.length}` },
      { 'syntask.resource.id': `syntask.tag.team-${i % 7}`, 'syntask.resource.role': 'tag' },
      { 'syntask.resource.id': 'syntask.tag.prod', 'syntask.resource.role': 'tag' },
    ],
    payload: { intended: { from: 'RUNNING', to: 'COMPLETED' } },
    id: randomUUID(),
    follows: null,
    received: formatDateTime(received),
  };
}

async function timed(times: number, fn: () => Promise<unknown>) {
  const timings: number[] = [];
  for (let i = 0; i < times + 3; i++) {
    const t = performance.now();
    await fn();
    if (i >= 3) timings.push(performance.now() - t);
  }
  return timings.sort((a, b) => a - b);
}

/**
 * Events at scale (SQLite): 1,000,000 stored events over 7 days (seeded straight into the
 * database), then ingest through `POST /api/events` from 4 clients, and query latencies.
 * BENCH_EVENTS sets the stored count.
 */
export async function eventsBench(stored = Number(process.env.BENCH_EVENTS ?? 1_000_000), ingest = 100_000): Promise<Figure[]> {
  const home = tempHome();
  const db = await openDatabase(`sqlite:///${home}/syntask.db`);
  await migrateToLatest(db);
  const now = Date.now() * 1000;
  const week = 7 * 86_400e6;
  for (let start = 0; start < stored; start += 5000) {
    const batch = Array.from({ length: Math.min(5000, stored - start) }, (_, k) => makeEvent(start + k, now - Math.floor(((start + k) / stored) * week)));
    await db.transaction((trx) => insertEvents(db, trx, batch));
  }
  await db.close();
  const server = await startBenchServer(home);
  try {
    // Ingest: 4 clients, batches of 500 (the SDK sends up to 200; the websocket one per frame).
    const perClient = ingest / 4;
    const t0 = performance.now();
    await parallel(4, async () => {
      for (let sent = 0; sent < perClient; sent += 500) {
        const batch = Array.from({ length: 500 }, (_, k) => {
          const e = makeEvent(sent + k, Date.now() * 1000);
          return { occurred: e.occurred, event: e.event, resource: e.resource, related: e.related, payload: e.payload, id: e.id };
        });
        const res = await post(server.url, '/api/events', batch);
        if (res.status !== 204) throw new Error(`POST /api/events answered ${res.status}`);
      }
    });
    const ingestPerSecond = ingest / ((performance.now() - t0) / 1000);

    const flow = `syntask.flow.${FLOWS[3]}`;
    const filter = (f: object) => () => post(server.url, '/api/events/filter', { filter: f, limit: 50 });
    const day = { since: new Date(now / 1000 - 86_400_000).toISOString() };
    const latest = await timed(20, filter({}));
    const byPrefix = await timed(20, filter({ event: { prefix: ['acme.order.'] } }));
    const byRelated = await timed(20, filter({ related: { id: [flow] } }));
    const byResource = await timed(20, filter({ any_resource: { id: [flow] }, occurred: day }));
    const countDays = await timed(10, () => post(server.url, '/api/events/count-by/day', { filter: { occurred: { since: new Date(now / 1000 - 7 * 86_400_000).toISOString() } } }));
    const countHours = await timed(10, () => post(server.url, '/api/events/count-by/time', { filter: { occurred: day }, time_unit: 'hour' }));
    const label = `${(stored + ingest).toLocaleString('en')} events`;
    return [
      { name: 'event ingest, POST /api/events (4 clients × 500 per batch, SQLite)', value: ingestPerSecond, unit: 'events/s', target: '≥ 20,000/s', ok: ingestPerSecond >= 20_000 },
      { name: `/api/events/filter p95, newest 50 (${label})`, value: percentile(latest, 95), unit: 'ms' },
      { name: `/api/events/filter p95, event prefix (${label})`, value: percentile(byPrefix, 95), unit: 'ms' },
      { name: `/api/events/filter p95, related flow (${label})`, value: percentile(byRelated, 95), unit: 'ms' },
      { name: `/api/events/filter p95, any resource, last 24 h (${label})`, value: percentile(byResource, 95), unit: 'ms' },
      { name: `/api/events/count-by/day p95, 7 days (${label})`, value: percentile(countDays, 95), unit: 'ms' },
      { name: `/api/events/count-by/time p95, hourly, 24 h (${label})`, value: percentile(countHours, 95), unit: 'ms' },
    ];
  } finally {
    await server.stop();
  }
}
