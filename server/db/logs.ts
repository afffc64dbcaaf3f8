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

export async function filterLogs(db: Db, filter: LogFilterT | null | undefined, sort: string | undefined, limit: number, offset: number) {
  const rows = await db.kysely
    .selectFrom('log')
    .selectAll()
    .where(logWhere(db, filter))
    .orderBy('log.timestamp', sort === 'TIMESTAMP_DESC' ? 'desc' : 'asc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(decodeLog);
}
