import { sql } from 'kysely';
import type { RunFilters } from '../api/models/filters.ts';
import { formatDateTime } from '../lib/time.ts';
import type { Db } from './connection.ts';
import { FilterCompiler } from './filters.ts';

/**
 * Failed and Crashed runs in a time range grouped by their stored signature, the largest
 * groups first: counts per bucket for a sparkline, the flows and deployments affected and
 * the latest run as the example (with its traceback, the last error log line).
 */

export interface FailureGroup {
  signature: string;
  count: number;
  first_seen: string;
  last_seen: string;
  buckets: number[];
  flow_ids: string[];
  deployment_ids: string[];
  example: { run_id: string; run_name: string; flow_run_id: string | null; message: string | null; traceback: string | null };
}

const AFFECTED_MAX = 20;

export async function failureGroups(db: Db, kind: 'flow_run' | 'task_run', body: RunFilters, start: number, end: number, bucketCount: number, limit: number): Promise<{ total: number; groups: FailureGroup[] }> {
  const compiler = new FilterCompiler(db.dialect);
  const where = kind === 'flow_run' ? compiler.flowRunBody(body, 'flow_run') : compiler.taskRunBody(body, 'task_run');
  const col = (c: string) => sql.ref(`${kind}.${c}`);
  const failedIn = sql<boolean>`${col('state_type')} in ('FAILED', 'CRASHED') and ${col('state_timestamp')} >= ${start} and ${col('state_timestamp')} < ${end}`;
  const base = () => db.kysely.selectFrom(kind).where(failedIn).where(where);
  const width = Math.max(1, Math.ceil((end - start) / bucketCount));
  const signature = sql<string>`coalesce(${col('failure_signature')}, '(no message)')`;
  // One pass over the range (an index covers it): per signature, bucket, flow and deployment.
  const q = kind === 'flow_run' ? base().select([col('flow_id').as('flow_id'), col('deployment_id').as('deployment_id')]) : base().leftJoin('flow_run as fr', 'fr.id', 'task_run.flow_run_id').select(['fr.flow_id', 'fr.deployment_id']);
  const rows = await (q as ReturnType<typeof base>)
    .select([
      signature.as('signature'),
      sql<number>`(${col('state_timestamp')} - cast(${start} as bigint)) / cast(${width} as bigint)`.as('bucket'),
      sql<number>`count(*)`.as('n'),
      sql<number>`min(${col('state_timestamp')})`.as('first'),
      sql<number>`max(${col('state_timestamp')})`.as('last'),
    ])
    .groupBy([sql`1`, sql`2`, sql`3`, sql`4`])
    .execute() as unknown as { signature: string; bucket: number; flow_id: string | null; deployment_id: string | null; n: number; first: number; last: number }[];
  const bySignature = new Map<string, { count: number; first: number; last: number; buckets: number[]; flows: Set<string>; deployments: Set<string> }>();
  let total = 0;
  for (const r of rows) {
    const n = Number(r.n);
    total += n;
    let g = bySignature.get(r.signature);
    if (!g) bySignature.set(r.signature, (g = { count: 0, first: Number(r.first), last: Number(r.last), buckets: new Array<number>(bucketCount).fill(0), flows: new Set(), deployments: new Set() }));
    g.count += n;
    g.first = Math.min(g.first, Number(r.first));
    g.last = Math.max(g.last, Number(r.last));
    const b = Number(r.bucket);
    if (b >= 0 && b < bucketCount) g.buckets[b] += n;
    if (r.flow_id) g.flows.add(r.flow_id);
    if (r.deployment_id) g.deployments.add(r.deployment_id);
  }
  const top = [...bySignature.entries()].sort((a, b) => b[1].count - a[1].count || b[1].last - a[1].last).slice(0, limit);
  const groups: FailureGroup[] = [];
  for (const [sig, g] of top) {
    groups.push({
      signature: sig,
      count: g.count,
      first_seen: formatDateTime(g.first),
      last_seen: formatDateTime(g.last),
      buckets: g.buckets,
      flow_ids: [...g.flows].slice(0, AFFECTED_MAX),
      deployment_ids: [...g.deployments].slice(0, AFFECTED_MAX),
      example: await example(db, kind, where, sig, g.last),
    });
  }
  return { total, groups };
}

/** The group's latest run, found by its time (an index lookup, not a sort of the range). */
async function example(db: Db, kind: 'flow_run' | 'task_run', where: ReturnType<FilterCompiler['flowRunBody']>, signature: string, at: number): Promise<FailureGroup['example']> {
  const col = (c: string) => sql.ref(`${kind}.${c}`);
  const states = kind === 'flow_run' ? 'flow_run_state' : 'task_run_state';
  const run = await db.kysely
    .selectFrom(kind)
    .leftJoin(`${states} as s` as 'flow_run_state as s', 's.id', col('state_id') as never)
    .select([sql<string>`${col('id')}`.as('id'), sql<string>`${col('name')}`.as('name'), sql<string | null>`${kind === 'flow_run' ? col('id') : col('flow_run_id')}`.as('flow_run_id'), 's.message'])
    .where(sql<boolean>`${col('state_type')} in ('FAILED', 'CRASHED') and ${col('state_timestamp')} = ${at}`)
    .where(where)
    .where(sql<boolean>`coalesce(${col('failure_signature')}, '(no message)') = ${signature}`)
    .limit(1)
    .executeTakeFirstOrThrow();
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
