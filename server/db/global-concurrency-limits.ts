import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { formatDateTime, nowMicros } from '../lib/time.ts';
import type { Db, Executor } from './connection.ts';
import type { ConcurrencyLimitV2Table } from './schema.ts';

/**
 * Global concurrency limits (v2). A decaying limit frees `slot_decay_per_second` slots per
 * second: instead of a background job, `active_slots` is the count at `slots_decayed_at`
 * and every read or write settles it to "now". Writes that depend on the count lock the
 * rows (PostgreSQL `FOR UPDATE`, in name order so two requests never deadlock; SQLite runs
 * one transaction at a time on its one connection).
 */

type Row = Selectable<ConcurrencyLimitV2Table>;
export interface MinimalLimit {
  id: string;
  name: string;
  limit: number;
}

const INT_MAX = 2147483647;
/** Each release moves the average occupancy 1/(limit × 2) of the way to the new sample. */
const OCCUPANCY_SAMPLES_MULTIPLIER = 2;
const MIN_OCCUPANCY_SECONDS = 0.1;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Slots held at `now`. The anchor only moves by whole freed slots, so a partly decayed slot keeps its progress. */
export function settle(row: Pick<Row, 'active_slots' | 'slot_decay_per_second' | 'slots_decayed_at'>, now: number) {
  const decay = row.slot_decay_per_second;
  if (decay <= 0 || row.active_slots <= 0) return { active_slots: Math.max(0, row.active_slots), slots_decayed_at: now };
  const freed = Math.floor((decay * Math.max(0, now - row.slots_decayed_at)) / 1e6);
  if (freed >= row.active_slots) return { active_slots: 0, slots_decayed_at: now };
  return { active_slots: row.active_slots - freed, slots_decayed_at: row.slots_decayed_at + Math.round((freed / decay) * 1e6) };
}

export function decodeGlobalLimit(r: Row, now = nowMicros()) {
  return {
    id: r.id,
    created: formatDateTime(r.created),
    updated: formatDateTime(r.updated),
    active: Boolean(r.active),
    name: r.name,
    limit: r.limit,
    active_slots: settle(r, now).active_slots,
    denied_slots: r.denied_slots,
    slot_decay_per_second: r.slot_decay_per_second,
    avg_slot_occupancy_seconds: r.avg_slot_occupancy_seconds,
  };
}

const minimal = (r: Row): MinimalLimit => ({ id: r.id, name: r.name, limit: r.limit });

/** A path's `{id_or_name}`: a UUID addresses the id, anything else the name. */
export const byIdOrName = (idOrName: string) => (UUID_RE.test(idOrName) ? (['id', idOrName.toLowerCase()] as const) : (['name', idOrName] as const));

export function readGlobalLimit(db: Executor, idOrName: string) {
  const [column, value] = byIdOrName(idOrName);
  return db.selectFrom('concurrency_limit_v2').selectAll().where(column, '=', value).executeTakeFirst();
}

export async function nameTaken(db: Executor, name: string, exceptId?: string) {
  let q = db.selectFrom('concurrency_limit_v2').select('id').where('name', '=', name);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export interface LimitValues {
  name: string;
  limit: number;
  active?: boolean;
  active_slots?: number;
  denied_slots?: number;
  slot_decay_per_second?: number;
}

function newRow(v: LimitValues, now: number): Row {
  return {
    id: randomUUID(),
    created: now,
    updated: now,
    active: v.active === false ? 0 : 1,
    name: v.name,
    limit: v.limit,
    active_slots: v.active_slots ?? 0,
    denied_slots: v.denied_slots ?? 0,
    slot_decay_per_second: v.slot_decay_per_second ?? 0,
    avg_slot_occupancy_seconds: 2.0,
    slots_decayed_at: now,
  };
}

export async function insertGlobalLimit(db: Executor, v: LimitValues): Promise<Row> {
  const row = newRow(v, nowMicros());
  await db.insertInto('concurrency_limit_v2').values(row).execute();
  return row;
}

async function lock(db: Db, trx: Executor, column: 'id' | 'name', values: string[]) {
  let q = trx.selectFrom('concurrency_limit_v2').selectAll().where(column, 'in', values).orderBy('name');
  if (db.dialect === 'postgres') q = q.forUpdate();
  return q.execute();
}

/** PATCH: writes the keys sent (null = unchanged); a new slot count or decay restarts the decay clock. Null when missing. */
export function updateGlobalLimit(db: Db, idOrName: string, patch: Partial<LimitValues>, onNameTaken: () => Error) {
  return db.transaction(async (trx) => {
    const [column, value] = byIdOrName(idOrName);
    const [row] = await lock(db, trx, column, [value]);
    if (!row) return null;
    if (patch.name != null && patch.name !== row.name && (await nameTaken(trx, patch.name, row.id))) throw onNameTaken();
    const now = nowMicros();
    const decay = patch.slot_decay_per_second ?? row.slot_decay_per_second;
    const settled = settle(row, now);
    const set: Partial<Row> = { updated: now, active_slots: settled.active_slots, slots_decayed_at: decay === row.slot_decay_per_second ? settled.slots_decayed_at : now };
    if (patch.active_slots != null) Object.assign(set, { active_slots: patch.active_slots, slots_decayed_at: now });
    if (patch.active != null) set.active = patch.active ? 1 : 0;
    if (patch.name != null) set.name = patch.name;
    if (patch.limit != null) set.limit = patch.limit;
    if (patch.denied_slots != null) set.denied_slots = patch.denied_slots;
    if (patch.slot_decay_per_second != null) set.slot_decay_per_second = patch.slot_decay_per_second;
    await trx.updateTable('concurrency_limit_v2').set(set).where('id', '=', row.id).execute();
    return row.id;
  });
}

export type IncrementOutcome =
  | { kind: 'acquired'; limits: MinimalLimit[] }
  | { kind: 'over-limit'; names: string[] }
  | { kind: 'no-decay'; names: string[] }
  | { kind: 'locked'; names: string[]; retryAfterSeconds: number };

/** Seconds until `slots` more fit into a full limit: exact for decaying limits, estimated from the average occupancy otherwise. */
function waitSeconds(row: Row, settled: { active_slots: number; slots_decayed_at: number }, slots: number, now: number) {
  const missing = settled.active_slots + slots - row.limit;
  if (row.slot_decay_per_second > 0) return (settled.slots_decayed_at - now) / 1e6 + missing / row.slot_decay_per_second;
  return (row.avg_slot_occupancy_seconds * missing) / Math.max(1, row.limit);
}

const inOrder = (rows: Row[], names: string[]) => names.flatMap((n) => rows.filter((r) => r.name === n).map(minimal));

/**
 * Takes `slots` of every active named limit, or none. Unknown names become inactive limits
 * of 1 (committed on their own, so the locking transaction below only ever locks in name order).
 */
export async function incrementSlots(db: Db, names: string[], slots: number, mode: 'concurrency' | 'rate_limit'): Promise<IncrementOutcome> {
  const unique = [...new Set(names)];
  const known = new Set((await db.kysely.selectFrom('concurrency_limit_v2').select('name').where('name', 'in', unique).execute()).map((r) => r.name));
  const missing = unique.filter((n) => !known.has(n));
  if (missing.length) {
    const now = nowMicros();
    await db.kysely
      .insertInto('concurrency_limit_v2')
      .values(missing.map((name) => newRow({ name, limit: 1, active: false }, now)))
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  }
  return db.transaction(async (trx): Promise<IncrementOutcome> => {
    const rows = await lock(db, trx, 'name', unique);
    const active = rows.filter((r) => r.active);
    const tooSmall = active.filter((r) => r.limit < slots);
    if (tooSmall.length) return { kind: 'over-limit', names: tooSmall.map((r) => r.name) };
    const noDecay = active.filter((r) => r.slot_decay_per_second <= 0);
    if (mode === 'rate_limit' && noDecay.length) return { kind: 'no-decay', names: noDecay.map((r) => r.name) };
    const now = nowMicros();
    const settled = active.map((row) => ({ row, ...settle(row, now) }));
    const full = settled.filter((s) => s.active_slots + slots > s.row.limit);
    if (full.length === 0) {
      for (const s of settled) {
        await trx.updateTable('concurrency_limit_v2').set({ active_slots: s.active_slots + slots, slots_decayed_at: s.slots_decayed_at, updated: now }).where('id', '=', s.row.id).execute();
      }
      return { kind: 'acquired', limits: inOrder(rows, unique) };
    }
    for (const s of full) {
      await trx.updateTable('concurrency_limit_v2').set({ denied_slots: Math.min(INT_MAX, s.row.denied_slots + slots), updated: now }).where('id', '=', s.row.id).execute();
    }
    const retryAfterSeconds = Math.max(...full.map((s) => waitSeconds(s.row, s, slots, now)));
    return { kind: 'locked', names: full.map((s) => s.row.name), retryAfterSeconds };
  });
}

/** Gives back `slots` of every active named limit (never below 0); `occupancySeconds` feeds the average occupancy. */
export function decrementSlots(db: Db, names: string[], slots: number, occupancySeconds: number | null): Promise<MinimalLimit[]> {
  const unique = [...new Set(names)];
  return db.transaction(async (trx) => {
    const rows = await lock(db, trx, 'name', unique);
    const now = nowMicros();
    for (const row of rows.filter((r) => r.active)) {
      const settled = settle(row, now);
      const left = Math.max(0, settled.active_slots - slots);
      const set: Partial<Row> = { active_slots: left, slots_decayed_at: left === 0 ? now : settled.slots_decayed_at, updated: now };
      if (occupancySeconds !== null && occupancySeconds > 0) {
        const sample = Math.max(occupancySeconds / slots, MIN_OCCUPANCY_SECONDS);
        set.avg_slot_occupancy_seconds = row.avg_slot_occupancy_seconds + (sample - row.avg_slot_occupancy_seconds) / (Math.max(1, row.limit) * OCCUPANCY_SAMPLES_MULTIPLIER);
      }
      await trx.updateTable('concurrency_limit_v2').set(set).where('id', '=', row.id).execute();
    }
    return inOrder(rows, unique);
  });
}

/**
 * Remembers that `flowRunId` waits for the limits that refused it (kept from its first
 * refusal), or forgets it once it got its slots: what a run page reads to say what holds it.
 */
export async function noteWaiter(db: Db, flowRunId: string, outcome: IncrementOutcome): Promise<void> {
  const k = db.kysely;
  if (!(await k.selectFrom('flow_run').select('id').where('id', '=', flowRunId).executeTakeFirst())) return;
  if (outcome.kind === 'acquired') {
    await k.deleteFrom('concurrency_limit_v2_waiter').where('flow_run_id', '=', flowRunId).execute();
    return;
  }
  if (outcome.kind !== 'locked') return;
  const limits = await k.selectFrom('concurrency_limit_v2').select('id').where('name', 'in', outcome.names).execute();
  if (limits.length === 0) return;
  const since = nowMicros();
  await k
    .insertInto('concurrency_limit_v2_waiter')
    .values(limits.map((l) => ({ limit_id: l.id, flow_run_id: flowRunId, since })))
    .onConflict((oc) => oc.columns(['flow_run_id', 'limit_id']).doNothing())
    .execute();
}

