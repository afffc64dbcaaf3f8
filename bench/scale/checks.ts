import pg from 'pg';
import { formatDateTime } from '../../server/lib/time.ts';
import type { ReceivedRequest } from '../../server/testing/http-receiver.ts';
import type { Acknowledged } from './load.ts';

/** The scale test's assertions, read from the database and the notification receiver. */

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

const TERMINAL = ['COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED'];

export async function missingWrites(db: pg.Client, ack: Acknowledged): Promise<Check> {
  const missing: string[] = [];
  const count = async (label: string, query: string, values: string[]) => {
    if (values.length === 0) return;
    const found = Number((await db.query(query, [values])).rows[0].n);
    const expected = new Set(values).size;
    if (found !== expected) missing.push(`${label}: ${expected - found} of ${expected}`);
  };
  await count('flow runs', 'select count(*) as n from flow_run where id = any($1)', ack.flowRuns);
  await count('task runs', 'select count(*) as n from task_run where id = any($1)', ack.taskRuns);
  await count('flow run states', 'select count(*) as n from flow_run_state where id = any($1)', ack.flowStates);
  await count('task run states', 'select count(*) as n from task_run_state where id = any($1)', ack.taskStates);
  await count('log lines', 'select count(distinct message) as n from log where message = any($1)', ack.logMessages);
  const total = ack.flowRuns.length + ack.taskRuns.length + ack.flowStates.length + ack.taskStates.length + ack.logMessages.length;
  return { name: 'every write acknowledged with 2xx is in the database', ok: missing.length === 0, detail: missing.length ? `missing ${missing.join('; ')}` : `${total} writes found` };
}

/** Worker runs: each executed at most once (one marker nonce), finished, or stranded by the kill. */
export async function workerRuns(db: pg.Client, ids: string[], killAt: number): Promise<Check[]> {
  const runs = (await db.query('select id, state_type, state_timestamp, run_count from flow_run where id = any($1)', [ids])).rows as { id: string; state_type: string; state_timestamp: number; run_count: number }[];
  const markers = (await db.query("select flow_run_id, message from log where flow_run_id = any($1) and message like 'marker %'", [ids])).rows as { flow_run_id: string; message: string }[];
  const nonces = new Map<string, Set<string>>();
  for (const m of markers) {
    const set = nonces.get(m.flow_run_id) ?? new Set();
    set.add(m.message.split(' ')[2]);
    nonces.set(m.flow_run_id, set);
  }
  const twice = runs.filter((r) => (nonces.get(r.id)?.size ?? 0) > 1);
  const completedWithout = runs.filter((r) => r.state_type === 'COMPLETED' && (nonces.get(r.id)?.size ?? 0) !== 1);
  // A claim (PENDING) committed by the replica that was killed before it answered: the worker never
  // learns it won, and PENDING → PENDING is refused on its retry. Such a run waits for an operator.
  const near = (t: number) => Math.abs(t / 1000 - killAt) < 3000;
  const stranded = runs.filter((r) => r.state_type === 'PENDING' && near(Number(r.state_timestamp)));
  const unfinished = runs.filter((r) => !TERMINAL.includes(r.state_type) && !stranded.includes(r));
  const recounted = runs.filter((r) => r.run_count > 1);
  return [
    { name: 'no flow run executed twice (one marker nonce per run)', ok: twice.length === 0 && completedWithout.length === 0, detail: `${runs.length} worker runs, ${twice.length} executed twice, ${completedWithout.length} completed without exactly one marker; run_count > 1 on ${recounted.length} (a RUNNING proposal re-sent after the kill)` },
    { name: 'every worker run finished', ok: unfinished.length === 0 && runs.length === ids.length, detail: `${runs.filter((r) => TERMINAL.includes(r.state_type)).length}/${ids.length} terminal; ${stranded.length} left PENDING by a claim answered by the killed replica; unfinished: ${unfinished.map((r) => `${r.id}:${r.state_type}`).join(', ') || 'none'}` },
  ];
}

export async function lateRuns(db: pg.Client, overdue: string[]): Promise<Check> {
  const rows = (await db.query("select flow_run_id, count(*) as n from flow_run_state where name = 'Late' group by flow_run_id")).rows as { flow_run_id: string; n: string }[];
  const twice = rows.filter((r) => Number(r.n) > 1);
  const marked = new Set(rows.map((r) => r.flow_run_id));
  const notMarked = overdue.filter((id) => !marked.has(id));
  return { name: 'each overdue run got exactly one Late state', ok: twice.length === 0 && notMarked.length === 0, detail: `${rows.length} runs marked Late, ${twice.length} twice, ${notMarked.length} of ${overdue.length} overdue not marked` };
}

/**
 * Notifications: one delivery per queued message (state). A repeat is allowed only with the
 * same delivery id for a message first sent before the kill (its sender died before recording it).
 */
export async function notifications(db: pg.Client, received: ReceivedRequest[], killAt: number): Promise<Check[]> {
  const states = (await db.query("select s.flow_run_id, s.timestamp from flow_run_state s join flow_run fr on fr.id = s.flow_run_id where s.name = 'Completed' and fr.tags::jsonb ? 'notify'")).rows as { flow_run_id: string; timestamp: number }[];
  const expected = new Set(states.map((s) => `${s.flow_run_id}|${formatDateTime(Number(s.timestamp))}`));
  const byKey = new Map<string, ReceivedRequest[]>();
  for (const r of received) {
    const key = String(JSON.parse(r.body).body);
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  const missing = [...expected].filter((k) => !byKey.has(k));
  const unexpected = [...byKey.keys()].filter((k) => !expected.has(k));
  let allowed = 0;
  const repeats: string[] = [];
  for (const [key, posts] of byKey) {
    if (posts.length === 1) continue;
    const ids = new Set(posts.map((p) => p.headers['syntask-delivery-id']));
    if (ids.size === 1 && posts[0].at <= killAt + 500) allowed += 1;
    else repeats.push(`${key} ×${posts.length} (${ids.size} delivery ids)`);
  }
  const queued = Number((await db.query('select count(*) as n from flow_run_notification_queue')).rows[0].n);
  return [
    {
      name: 'each notification delivered once (raw posts)',
      ok: missing.length === 0 && unexpected.length === 0 && repeats.length === 0,
      detail: `${expected.size} expected, ${received.length} posts; missing ${missing.length}, unexpected ${unexpected.length}, repeated ${repeats.length}${repeats.length ? `: ${repeats.slice(0, 3).join('; ')}` : ''}; ${allowed} repeated with the same delivery id after the kill (allowed)`,
    },
    { name: 'notification queue drained', ok: queued === 0, detail: `${queued} left` },
  ];
}
