import { sql } from 'kysely';
import type { Static } from 'typebox';
import type { FailureGroup as FailureGroupModel } from '../api/failures.ts';
import type { RunFilters } from '../api/models/filters.ts';
import { formatDateTime } from '../lib/time.ts';
import type { Db } from './connection.ts';
import { failureHours, HOUR_MICROS, NO_MESSAGE, type FailureKind } from './failure-rollup.ts';
import { FilterCompiler } from './filters.ts';

/**
 * Failed and Crashed runs in a time range grouped by their stored signature, the largest
 * groups first: counts per bucket for a sparkline, the flows and deployments affected and
 * the latest run as the example (with its traceback, the last error log line). Unfiltered
 * ranges read whole hours from the rollup (db/failure-rollup.ts), so a week of 100k failures
 * is a few thousand rows; hours whose failures cross a bucket boundary are counted from the runs.
 */

/** The answer's shape is the route's model (one schema, one type). */
export type FailureGroup = Static<typeof FailureGroupModel>;

const AFFECTED_MAX = 20;

interface Group {
  count: number;
  first: number;
  last: number;
  buckets: number[];
  flows: Set<string>;
  deployments: Set<string>;
}

/** Groups being summed up from the rollup's hours and the runs at the range's edges. */
class Tally {
  readonly groups = new Map<string, Group>();
  total = 0;
  constructor(private readonly bucketCount: number) {}

  add(signature: string, n: number, first: number, last: number, bucket: number, flows: Iterable<string | null>, deployments: Iterable<string | null>) {
    this.total += n;
    let g = this.groups.get(signature);
    if (!g) this.groups.set(signature, (g = { count: 0, first, last, buckets: new Array<number>(this.bucketCount).fill(0), flows: new Set(), deployments: new Set() }));
    g.count += n;
    g.first = Math.min(g.first, first);
    g.last = Math.max(g.last, last);
    if (bucket >= 0 && bucket < this.bucketCount) g.buckets[bucket] += n;
    for (const f of flows) if (f) g.flows.add(f);
    for (const d of deployments) if (d) g.deployments.add(d);
  }
}

const split = (ids: string | null) => (ids ? ids.split(',') : []);

/** Hours as runs of consecutive hours, `[from, to)` each, so neighbours are read in one query. */
function spans(hours: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const h of hours.sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last[1] === h) last[1] = h + 1;
    else out.push([h, h + 1]);
  }
  return out;
}

/** Any filter at all (an empty object filters nothing): those read the runs, not the rollup. */
function filters(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'object' || Array.isArray(value)) return true;
  return Object.values(value).some(filters);
}

export async function failureGroups(db: Db, kind: FailureKind, body: RunFilters, start: number, end: number, bucketCount: number, limit: number): Promise<{ total: number; groups: FailureGroup[] }> {
  const compiler = new FilterCompiler(db.dialect);
  const where = kind === 'flow_run' ? compiler.flowRunBody(body, 'flow_run') : compiler.taskRunBody(body, 'task_run');
  const width = Math.max(1, Math.ceil((end - start) / bucketCount));
  const tally = new Tally(bucketCount);
  // Whole hours come from the rollup, the part-hours at either end from the runs themselves.
  const firstHour = Math.ceil(start / HOUR_MICROS);
  const endHour = Math.floor(end / HOUR_MICROS);
  if (!filters(body) && endHour > firstHour) {
    const bucketOf = (t: number) => Math.floor((t - start) / width);
    const rows = await failureHours(db, kind, firstHour, endHour);
    // A row whose first and last failure share a bucket is exact; an hour with a row across a
    // bucket boundary is counted again from its runs instead (all of its rows, so none twice).
    const recount = new Set(rows.filter((r) => bucketOf(Number(r.first)) !== bucketOf(Number(r.last))).map((r) => Number(r.hour)));
    for (const r of rows) {
      if (recount.has(Number(r.hour))) continue;
      tally.add(r.signature, Number(r.n), Number(r.first), Number(r.last), bucketOf(Number(r.first)), split(r.flow_ids), split(r.deployment_ids));
    }
    for (const [from, to] of spans([...recount])) await tallyRuns(db, kind, where, from * HOUR_MICROS, to * HOUR_MICROS, start, width, tally);
    if (start < firstHour * HOUR_MICROS) await tallyRuns(db, kind, where, start, firstHour * HOUR_MICROS, start, width, tally);
    if (endHour * HOUR_MICROS < end) await tallyRuns(db, kind, where, endHour * HOUR_MICROS, end, start, width, tally);
  } else {
    await tallyRuns(db, kind, where, start, end, start, width, tally);
  }
  const top = [...tally.groups.entries()].sort((a, b) => b[1].count - a[1].count || b[1].last - a[1].last).slice(0, limit);
  const groups: FailureGroup[] = [];
  for (const [sig, g] of top) {
    const latest = await example(db, kind, where, sig, g.last);
    if (!latest) continue;
    groups.push({
      signature: sig,
      count: g.count,
      first_seen: formatDateTime(g.first),
      last_seen: formatDateTime(g.last),
      buckets: g.buckets,
      flow_ids: [...g.flows].slice(0, AFFECTED_MAX),
      deployment_ids: [...g.deployments].slice(0, AFFECTED_MAX),
      example: latest,
    });
  }
  return { total: tally.total, groups };
}

/** Failed runs of [from, to) that match `where`, in one pass (an index covers it): per signature, bucket, flow and deployment. */
async function tallyRuns(db: Db, kind: FailureKind, where: ReturnType<FilterCompiler['flowRunBody']>, from: number, to: number, start: number, width: number, tally: Tally) {
  const col = (c: string) => sql.ref(`${kind}.${c}`);
  const failedIn = sql<boolean>`${col('state_type')} in ('FAILED', 'CRASHED') and ${col('state_timestamp')} >= ${from} and ${col('state_timestamp')} < ${to}`;
  const base = () => db.kysely.selectFrom(kind).where(failedIn).where(where);
  const signature = sql<string>`coalesce(${col('failure_signature')}, ${sql.lit(NO_MESSAGE)})`;
  const q = kind === 'flow_run' ? base().select([col('flow_id').as('flow_id'), col('deployment_id').as('deployment_id')]) : base().leftJoin('flow_run as fr', 'fr.id', 'task_run.flow_run_id').select(['fr.flow_id', 'fr.deployment_id']);
  const rows = (await (q as ReturnType<typeof base>)
    .select([
      signature.as('signature'),
      sql<number>`(${col('state_timestamp')} - cast(${start} as bigint)) / cast(${width} as bigint)`.as('bucket'),
      sql<number>`count(*)`.as('n'),
      sql<number>`min(${col('state_timestamp')})`.as('first'),
      sql<number>`max(${col('state_timestamp')})`.as('last'),
    ])
    .groupBy([sql`1`, sql`2`, sql`3`, sql`4`])
    .execute()) as unknown as { signature: string; bucket: number; flow_id: string | null; deployment_id: string | null; n: number; first: number; last: number }[];
  for (const r of rows) tally.add(r.signature, Number(r.n), Number(r.first), Number(r.last), Math.floor(Number(r.bucket)), [r.flow_id], [r.deployment_id]);
}

/** The group's latest run, found by its time (an index lookup, not a sort of the range). */
async function example(db: Db, kind: FailureKind, where: ReturnType<FilterCompiler['flowRunBody']>, signature: string, at: number): Promise<FailureGroup['example'] | null> {
  const col = (c: string) => sql.ref(`${kind}.${c}`);
  const states = kind === 'flow_run' ? 'flow_run_state' : 'task_run_state';
  const run = await db.kysely
    .selectFrom(kind)
    .leftJoin(`${states} as s` as 'flow_run_state as s', 's.id', col('state_id') as never)
    .select([sql<string>`${col('id')}`.as('id'), sql<string>`${col('name')}`.as('name'), sql<string | null>`${kind === 'flow_run' ? col('id') : col('flow_run_id')}`.as('flow_run_id'), 's.message'])
    .where(sql<boolean>`${col('state_type')} in ('FAILED', 'CRASHED') and ${col('state_timestamp')} = ${at}`)
    .where(where)
    .where(sql<boolean>`coalesce(${col('failure_signature')}, ${sql.lit(NO_MESSAGE)}) = ${signature}`)
    .limit(1)
    .executeTakeFirst();
  // Retried or deleted since the tally was read (a moment ago): the group is left out.
  if (!run) return null;
  // The engine logs the error with its stack when a run fails.
  const logColumn = kind === 'flow_run' ? 'flow_run_id' : 'task_run_id';
  const traceback = await db.kysely
    .selectFrom('log')
    .select('message')
    .where(logColumn, '=', run.id)
    .where('level', '>=', 40)
    .orderBy('timestamp', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { run_id: run.id, run_name: run.name, flow_run_id: run.flow_run_id, message: run.message, traceback: traceback?.message ?? null };
}
