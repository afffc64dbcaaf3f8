import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { LogFilterT } from '../api/models/filters.ts';
import type { LogCreateT, LogT } from '../api/models/logs.ts';
import { formatDateTime, nowMicros, parseDateTime } from '../lib/time.ts';
import type { Db } from './connection.ts';
import { all, FilterCompiler } from './filters.ts';
import type { LogTable } from './schema.ts';

const CHUNK = 500;

export const decodeLog = (r: Selectable<LogTable>): LogT => ({
  id: r.id,
  created: formatDateTime(r.created),
  updated: formatDateTime(r.updated),
  name: r.name,
  level: r.level,
  message: r.message,
  timestamp: formatDateTime(r.timestamp),
  flow_run_id: r.flow_run_id,
  task_run_id: r.task_run_id,
});

export async function insertLogs(db: Db, logs: LogCreateT[]): Promise<void> {
  if (logs.length === 0) return;
  const now = nowMicros();
  const rows = logs.map((l) => ({
    id: randomUUID(),
    created: now,
    updated: now,
    name: l.name,
    level: l.level,
    message: l.message,
    timestamp: parseDateTime(l.timestamp)!,
    flow_run_id: l.flow_run_id ?? null,
    task_run_id: l.task_run_id ?? null,
  }));
  await db.transaction(async (trx) => {
    for (let i = 0; i < rows.length; i += CHUNK) await trx.insertInto('log').values(rows.slice(i, i + CHUNK)).execute();
  });
}

export function logWhere(db: Db, filter: LogFilterT | null | undefined) {
  return all([new FilterCompiler(db.dialect).log(filter, 'log')]);
}

/** A page of logs stops once its messages add up to this much (at least one line is always whole). */
export const LOG_PAGE_BYTES = 4 * 1024 * 1024;
const INLINE_CHARS = 16_384;

/**
 * One query reads every row with at most INLINE_CHARS of its message; only the few longer
 * messages that may fit the page budget are read whole afterwards, so a page of 1 MB
 * messages never loads 200 MB. The budget counts JSON-encoded bytes (a control character
 * is six). `truncated`: rows were left off to stay within LOG_PAGE_BYTES.
 */
export async function filterLogs(db: Db, filter: LogFilterT | null | undefined, sort: string | undefined, limit: number, offset: number): Promise<{ logs: LogT[]; truncated: boolean }> {
  const rows = await db.kysely
    .selectFrom('log')
    .select(['id', 'created', 'updated', 'name', 'level', 'timestamp', 'flow_run_id', 'task_run_id'])
    .select((eb) => [eb.fn<string>('substr', ['message', eb.val(1), eb.val(INLINE_CHARS)]).as('message'), eb.fn<number>('length', ['message']).as('message_length')])
    .where(logWhere(db, filter))
    .orderBy('log.timestamp', sort === 'TIMESTAMP_DESC' ? 'desc' : 'asc')
    .limit(limit)
    .offset(offset)
    .execute();
  const isLong = (r: (typeof rows)[number]) => Number(r.message_length) > INLINE_CHARS;
  // A long message counts at least its length until it is read; then its encoded size.
  const size = (r: (typeof rows)[number]) => Buffer.byteLength(JSON.stringify(r.message)) + (isLong(r) && r.message.length <= INLINE_CHARS ? Number(r.message_length) - INLINE_CHARS : 0);
  let page = withinBudget(rows, size);
  const long = page.filter(isLong).map((r) => r.id);
  if (long.length) {
    const full = new Map((await db.kysely.selectFrom('log').select(['id', 'message']).where('id', 'in', long).execute()).map((r) => [r.id, r.message]));
    for (const r of page) if (full.has(r.id)) r.message = full.get(r.id)!;
    page = withinBudget(page, size);
  }
  return { logs: page.map(({ message_length: _, ...r }) => decodeLog(r)), truncated: page.length < rows.length };
}

/** The leading rows whose sizes fit LOG_PAGE_BYTES; the first row always (so every line can be read). */
export function withinBudget<T>(rows: T[], size: (row: T) => number, budget = LOG_PAGE_BYTES): T[] {
  let left = budget;
  let kept = 0;
  for (const r of rows) {
    const s = size(r);
    if (kept > 0 && s > left) break;
    left -= s;
    kept += 1;
  }
  return rows.slice(0, kept);
}
