import type BetterSqlite3 from 'better-sqlite3';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { EventFilterT, ReceivedEventT, ResourceSpecT, ResourceT } from '../api/models/events.ts';
import { patternsOf } from '../events/labels.ts';
import { fromJson } from '../lib/json.ts';
import { formatDateTime, nowMicros, parseDateTime } from '../lib/time.ts';
import type { Db, DialectName, Executor } from './connection.ts';
import type { EventTable } from './schema.ts';
import { all, combine, FALSE, type Cond } from './filters.ts';

const DAY = 86_400_000_000;
/** Sorts after every character: `p <= x < p + TOP` holds exactly for the strings that start with p (binary collation). */
const TOP = '\u{10FFFF}';

/** The default window of a filter (A3.1): since the start of the UTC day 180 days ago, until now. */
export function occurredRange(filter: EventFilterT | null | undefined, now = nowMicros()): { since: number; until: number } {
  const since = filter?.occurred?.since ? parseDateTime(filter.occurred.since)! : Math.floor(now / DAY) * DAY - 180 * DAY;
  const until = filter?.occurred?.until ? parseDateTime(filter.occurred.until)! : now;
  return { since, until };
}

const startsWith = (col: RawBuilder<unknown>, prefix: string): Cond => sql<SqlBool>`(${col} >= ${prefix} and ${col} < ${prefix + TOP})`;

function pattern(value: RawBuilder<unknown>, p: string): Cond {
  const negated = p.startsWith('!');
  const body = negated ? p.slice(1) : p;
  const hit = body.endsWith('*') ? startsWith(value, body.slice(0, -1)) : sql<SqlBool>`${value} = ${body}`;
  return negated ? sql<SqlBool>`not ${hit}` : hit;
}

/** A ResourceSpecification against a JSON object column: each label present with a value matching one of its patterns. */
function labels(dialect: DialectName, column: RawBuilder<unknown>, spec: ResourceSpecT | null | undefined): Cond | null {
  if (!spec) return null;
  const each = dialect === 'postgres' ? sql`json_each_text(${column}) as j(key, value)` : sql`json_each(${column}) as j`;
  // Binary order on both databases, so a range is exactly a prefix (PostgreSQL's default collation may not be).
  const value = dialect === 'postgres' ? sql`(j.value collate "C")` : sql`j.value`;
  const conds = Object.entries(spec).map(([label, expected]) => {
    const patterns = patternsOf(expected);
    if (patterns.length === 0) return FALSE;
    return sql<SqlBool>`exists (select 1 from ${each} where j.key = ${label} and ${all(patterns.map((p) => pattern(value, p)), 'or_')})`;
  });
  return combine(conds);
}

type ResourceCriteria = { id?: string[] | null; id_prefix?: string[] | null; labels?: ResourceSpecT | null };

function resourceConds(dialect: DialectName, idCol: RawBuilder<unknown>, jsonCol: RawBuilder<unknown>, c: ResourceCriteria): Cond | null {
  return combine([
    c.id?.length ? sql<SqlBool>`${idCol} in (${sql.join(c.id.map((v) => sql.val(v)))})` : null,
    c.id_prefix?.length ? all(c.id_prefix.map((p) => startsWith(idCol, p)), 'or_') : null,
    labels(dialect, jsonCol, c.labels),
  ]);
}

/**
 * Events with a related resource satisfying all of `conds` (role never empty: related rows
 * only), as ids chosen through event_resource's (resource_id, occurred) index within the
 * window: counting "related to flow X" then reads X's rows, not every event.
 */
const relatedIds = (conds: Cond, since: number, until: number) =>
  sql`select r.event_id from event_resource r where ${conds} and r.occurred >= ${since} and r.occurred <= ${until}`;

/** An EventFilter as a condition on `event e` (A3.1); every given criterion AND-ed. */
export function eventWhere(dialect: DialectName, filter: EventFilterT | null | undefined, now = nowMicros()): Cond {
  const f = filter ?? {};
  const { since, until } = occurredRange(f, now);
  const conds: (Cond | null)[] = [sql<SqlBool>`e.occurred >= ${since}`, sql<SqlBool>`e.occurred <= ${until}`];
  const ev = f.event;
  if (ev) {
    // Empty lists constrain nothing, as in Syntask 2.
    if (ev.prefix?.length) conds.push(all(ev.prefix.map((p) => startsWith(sql`e.event`, p)), 'or_'));
    if (ev.name?.length) conds.push(sql<SqlBool>`e.event in (${sql.join(ev.name.map((v) => sql.val(v)))})`);
    for (const p of ev.exclude_prefix ?? []) conds.push(sql<SqlBool>`not ${startsWith(sql`e.event`, p)}`);
    if (ev.exclude_name?.length) conds.push(sql<SqlBool>`e.event not in (${sql.join(ev.exclude_name.map((v) => sql.val(v)))})`);
  }
  if (f.resource) conds.push(resourceConds(dialect, sql`e.resource_id`, sql`e.resource`, f.resource));
  if (f.related) {
    const r = f.related;
    const related = combine([
      resourceConds(dialect, sql`r.resource_id`, sql`r.resource`, { id: r.id, labels: r.labels }),
      r.role?.length ? sql<SqlBool>`r.role in (${sql.join(r.role.map((v) => sql.val(v)))})` : null,
      r.resources_in_roles?.length ? all(r.resources_in_roles.map(([id, role]) => sql<SqlBool>`(r.resource_id = ${id} and r.role = ${role})`), 'or_') : null,
    ]);
    if (related) conds.push(sql<SqlBool>`e.id in (${relatedIds(related, since, until)})`);
  }
  if (f.any_resource) {
    const primaryOn = (alias: string, c: ResourceCriteria) => resourceConds(dialect, sql.ref(`${alias}.resource_id`), sql.ref(`${alias}.resource`), c) ?? sql<SqlBool>`1=1`;
    const primary = resourceConds(dialect, sql`e.resource_id`, sql`e.resource`, f.any_resource);
    const related = resourceConds(dialect, sql`r.resource_id`, sql`r.resource`, f.any_resource);
    // A union of two indexed lookups (an OR of them would scan every event in the window).
    if (primary && related) conds.push(sql<SqlBool>`e.id in (select p.id from event p where ${primaryOn('p', f.any_resource)} and p.occurred >= ${since} and p.occurred <= ${until} union ${relatedIds(related, since, until)})`);
  }
  if (f.id?.id?.length) conds.push(sql<SqlBool>`e.id in (${sql.join(f.id.id.map((v) => sql.val(v)))})`);
  return all(conds);
}

export const decodeEvent = (r: EventTable): ReceivedEventT => ({
  occurred: formatDateTime(Number(r.occurred)),
  event: r.event,
  resource: fromJson<ResourceT>(r.resource, {}),
  related: fromJson<ReceivedEventT['related']>(r.related, []),
  payload: fromJson<Record<string, unknown>>(r.payload, {}),
  id: r.id,
  follows: r.follows,
  received: formatDateTime(Number(r.received)),
});

const constrains = (v: unknown) => (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null);

/** The related ids when a filter is "related to these resources" and nothing else but its window (empty lists constrain nothing). */
function relatedIdsOnly(filter: EventFilterT | null | undefined): string[] | null {
  const { occurred: _occurred, order: _order, related, ...others } = filter ?? {};
  if (!related || Object.values(others).some((c) => c && Object.values(c).some(constrains))) return null;
  const { id, ...criteria } = related;
  return id?.length && !Object.values(criteria).some(constrains) ? id : null;
}

/**
 * The total of a "related to X" filter from event_resource's covering (resource, time, event)
 * index alone: each related row carries its event's time, so this counts the same events
 * without reading each one by its random id (586–837 ms over a million events before).
 */
function countRelatedTo(db: Db, ids: string[], { since, until }: { since: number; until: number }) {
  const related = resourceConds(db.dialect, sql`r.resource_id`, sql`r.resource`, { id: ids })!;
  return sql<{ n: number }>`select count(distinct x.event_id) as n from (${relatedIds(related, since, until)}) x`.execute(db.kysely);
}

/**
 * A page of a "related to X" filter in time order straight from that index (the general
 * query reads every related event by id, then sorts them: tens of thousands for a busy flow);
 * the event id breaks ties in time, as the index does, so offset pages neither skip nor repeat.
 */
function pageRelatedTo(db: Db, id: string, { since, until }: { since: number; until: number }, order: RawBuilder<unknown>, limit: number, offset: number) {
  return sql<EventTable>`select e.* from (select distinct r.event_id, r.occurred from event_resource r where r.resource_id = ${id} and r.occurred >= ${since} and r.occurred <= ${until} order by r.occurred ${order}, r.event_id ${order} limit ${limit} offset ${offset}) p join event e on e.id = p.event_id order by p.occurred ${order}, p.event_id ${order}`.execute(db.kysely);
}

/** A page of matches and their total (distinct resources when `resource.distinct`). */
export async function queryEvents(db: Db, filter: EventFilterT | null | undefined, limit: number, offset: number, total?: number): Promise<{ events: ReceivedEventT[]; total: number }> {
  const now = nowMicros();
  const where = eventWhere(db.dialect, filter, now);
  const order = filter?.order === 'ASC' ? sql`asc` : sql`desc`;
  const distinct = Boolean(filter?.resource?.distinct);
  const relatedTo = relatedIdsOnly(filter);
  const range = occurredRange(filter, now);
  const rows = relatedTo?.length === 1
    ? await pageRelatedTo(db, relatedTo[0], range, order, limit, offset)
    : distinct
    ? await sql<EventTable>`select * from (select e.*, row_number() over (partition by e.resource_id order by e.occurred ${order}) as rn from event e where ${where}) d where d.rn = 1 order by d.occurred ${order} limit ${limit} offset ${offset}`.execute(db.kysely)
    : await sql<EventTable>`select e.* from event e where ${where} order by e.occurred ${order} limit ${limit} offset ${offset}`.execute(db.kysely);
  let count = total;
  if (count === undefined) {
    const counted = relatedTo
      ? await countRelatedTo(db, relatedTo, range)
      : await sql<{ n: number }>`select count(${distinct ? sql`distinct e.resource_id` : sql`*`}) as n from event e where ${where}`.execute(db.kysely);
    count = Number(counted.rows[0]?.n ?? 0);
  }
  return { events: rows.rows.map(decodeEvent), total: count };
}

const eventRow = (e: ReceivedEventT, received = parseDateTime(e.received)!) => [e.id, parseDateTime(e.occurred)!, e.event, e.resource['syntask.resource.id'], JSON.stringify(e.resource), JSON.stringify(e.related), JSON.stringify(e.payload), e.follows ?? null, received] as const;
const EVENT_COLUMNS = ['id', 'occurred', 'event', 'resource_id', 'resource', 'related', 'payload', 'follows', 'received'] as const;

const prepared = new WeakMap<BetterSqlite3.Database, { event: BetterSqlite3.Statement; related: BetterSqlite3.Statement }>();

/**
 * SQLite: one prepared statement per row inside the caller's transaction on the same
 * connection, about 1.5× the rows per second of building multi-row inserts per batch.
 */
function insertEventsSqlite(raw: BetterSqlite3.Database, events: ReceivedEventT[]): ReceivedEventT[] {
  let s = prepared.get(raw);
  if (!s) {
    s = {
      event: raw.prepare(`insert into event (${EVENT_COLUMNS.join(', ')}) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing`),
      related: raw.prepare('insert into event_resource (event_id, occurred, resource_id, role, resource) values (?, ?, ?, ?, ?)'),
    };
    prepared.set(raw, s);
  }
  const fresh: ReceivedEventT[] = [];
  // A batch shares its `received` (one request): parsed once.
  let receivedText = '';
  let receivedAt = 0;
  for (const e of events) {
    if (e.received !== receivedText) [receivedText, receivedAt] = [e.received, parseDateTime(e.received)!];
    const row = eventRow(e, receivedAt);
    if (s.event.run(...row).changes === 0) continue;
    fresh.push(e);
    for (const r of e.related) s.related.run(e.id, row[1], r['syntask.resource.id'], r['syntask.resource.role'], JSON.stringify(r));
  }
  return fresh;
}

/** Stores events not seen before (by id) with their related resources; returns the new ones. Inside `db.transaction`. */
export async function insertEvents(db: Db, trx: Executor, events: ReceivedEventT[]): Promise<ReceivedEventT[]> {
  if (db.sqlite) return insertEventsSqlite(db.sqlite, events);
  const fresh: ReceivedEventT[] = [];
  for (let i = 0; i < events.length; i += 200) {
    const chunk = events.slice(i, i + 200);
    const inserted = await trx
      .insertInto('event')
      .values(
        chunk.map((e) => {
          const row = eventRow(e);
          return Object.fromEntries(EVENT_COLUMNS.map((c, k) => [c, row[k]])) as never;
        }),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    const ids = new Set(inserted.map((r) => r.id));
    const stored = chunk.filter((e) => ids.has(e.id));
    fresh.push(...stored);
    const related = stored.flatMap((e) => {
      const occurred = parseDateTime(e.occurred)!;
      return e.related.map((r) => ({ event_id: e.id, occurred, resource_id: r['syntask.resource.id'], role: r['syntask.resource.role'], resource: JSON.stringify(r) }));
    });
    for (let j = 0; j < related.length; j += 500) await trx.insertInto('event_resource').values(related.slice(j, j + 500)).execute();
  }
  return fresh;
}

/** Retention: events (and their related rows) that occurred before `cutoff`. */
export async function deleteEventsBefore(db: Db, cutoff: number): Promise<number> {
  return db.transaction(async (trx) => {
    await trx.deleteFrom('event_resource').where('occurred', '<', cutoff).execute();
    const res = await trx.deleteFrom('event').where('occurred', '<', cutoff).executeTakeFirst();
    return Number(res.numDeletedRows);
  });
}

export type Countable = 'day' | 'time' | 'event' | 'resource';
export type TimeUnitName = 'week' | 'day' | 'hour' | 'minute' | 'second';
export interface EventCountRow {
  value: string;
  label: string;
  count: number;
  start_time: string;
  end_time: string;
}

const UNIT_MICROS: Record<TimeUnitName, number> = { week: 7 * DAY, day: DAY, hour: 3_600_000_000, minute: 60_000_000, second: 1_000_000 };
/** Time buckets align to this instant (A3.2). */
const PIVOT = Date.UTC(2024, 3, 1) * 1000;
export const MAX_BUCKETS = 1000;

export class TooManyBuckets extends Error {}

/** Buckets of `interval × unit` from the pivot covering since…until (a future `until` is clamped to the end of the current unit). */
export function timeBuckets(since: number, until: number, unit: TimeUnitName, interval: number, now = nowMicros()): { first: number; size: number; count: number } {
  const unitMicros = UNIT_MICROS[unit];
  const size = Math.max(1, Math.round(interval * unitMicros));
  const end = until > now ? PIVOT + (Math.floor((now - PIVOT) / unitMicros) + 1) * unitMicros - 1 : until;
  const first = PIVOT + Math.floor((since - PIVOT) / size) * size;
  const count = Math.max(0, Math.floor((end - first) / size) + 1);
  if (count > MAX_BUCKETS) {
    throw new TooManyBuckets(`The given interval would create ${count} buckets, which is too many. Please increase the interval or reduce the time range to produce ${MAX_BUCKETS} buckets or fewer.`);
  }
  return { first, size, count };
}

/** `POST /api/events/count-by/{countable}`: every time bucket (empty ones 0), or counts per event name / resource. */
export async function countEvents(db: Db, countable: Countable, filter: EventFilterT, unit: TimeUnitName, interval: number): Promise<EventCountRow[]> {
  const now = nowMicros();
  const where = eventWhere(db.dialect, filter, now);
  if (countable === 'day' || countable === 'time') {
    const { since, until } = occurredRange(filter, now);
    const { first, size, count } = countable === 'day' ? timeBuckets(since, until, 'day', 1, now) : timeBuckets(since, until, unit, interval, now);
    // Integer division on both databases (bound numbers are REAL in SQLite): occurred ≥ since ≥ first, so no negative operands.
    const rows = await sql<{ b: number; n: number }>`select cast((e.occurred - cast(${first} as bigint)) / cast(${size} as bigint) as bigint) as b, count(*) as n from event e where ${where} group by 1`.execute(db.kysely);
    const counts = new Map(rows.rows.map((r) => [Number(r.b), Number(r.n)]));
    return Array.from({ length: count }, (_, i) => {
      const start = first + i * size;
      return { value: String(i), label: formatDateTime(start), count: counts.get(i) ?? 0, start_time: formatDateTime(start), end_time: formatDateTime(start + size - 1) };
    });
  }
  const key = countable === 'event' ? sql`e.event` : sql`e.resource_id`;
  const rows = await sql<{ k: string; n: number; first: number; last: number }>`select ${key} as k, count(*) as n, min(e.occurred) as first, max(e.occurred) as last from event e where ${where} group by ${key}`.execute(db.kysely);
  const labels = new Map<string, string>();
  if (countable === 'resource' && rows.rows.length) {
    // The latest name each resource went by.
    const latest = await sql<{ resource_id: string; resource: string }>`select resource_id, resource from (select e.resource_id, e.resource, row_number() over (partition by e.resource_id order by e.occurred desc) as rn from event e where ${where}) d where d.rn = 1`.execute(db.kysely);
    for (const r of latest.rows) {
      const labelsOf = fromJson<ResourceT>(r.resource, {} as ResourceT);
      labels.set(r.resource_id, labelsOf['syntask.resource.name'] ?? labelsOf['syntask.name'] ?? r.resource_id);
    }
  }
  return rows.rows
    .map((r) => ({ value: r.k, label: labels.get(r.k) ?? r.k, count: Number(r.n), start_time: formatDateTime(Number(r.first)), end_time: formatDateTime(Number(r.last)) }))
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}
