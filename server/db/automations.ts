import { randomUUID } from 'node:crypto';
import { sql, type Expression, type Selectable, type SqlBool } from 'kysely';
import type { AutomationFilterT, AutomationT } from '../api/models/automations.ts';
import type { ReceivedEventT } from '../api/models/events.ts';
import { relatedResources, type Definition } from '../automations/definition.ts';
import { fromJson, toJson } from '../lib/json.ts';
import { formatDateTime, formatNullable, nowMicros, parseDateTime } from '../lib/time.ts';
import type { Executor } from './connection.ts';
import type { AutomationActionRunTable, AutomationTable } from './schema.ts';

/** Automations (A4, A7) and their firings. */

export function decodeAutomation(r: Selectable<AutomationTable>): AutomationT {
  return {
    id: r.id,
    created: formatDateTime(r.created),
    updated: formatDateTime(r.updated),
    name: r.name,
    description: r.description,
    enabled: Boolean(r.enabled),
    trigger: fromJson(r.trigger, null as never),
    actions: fromJson(r.actions, []),
    actions_on_trigger: fromJson(r.actions_on_trigger, []),
    actions_on_resolve: fromJson(r.actions_on_resolve, []),
  };
}

const columns = (def: Definition) => ({
  name: def.name,
  description: def.description,
  enabled: def.enabled ? 1 : 0,
  trigger: toJson(def.trigger),
  actions: toJson(def.actions),
  actions_on_trigger: toJson(def.actions_on_trigger),
  actions_on_resolve: toJson(def.actions_on_resolve),
});

async function relate(trx: Executor, id: string, def: Definition, owner: string | null) {
  await trx.deleteFrom('automation_related_resource').where('automation_id', '=', id).where('owned', '=', 0).execute();
  const rows = relatedResources(def)
    .filter((r) => r !== owner)
    .map((resource_id) => ({ automation_id: id, resource_id, owned: 0 }));
  if (owner) rows.push({ automation_id: id, resource_id: owner, owned: 1 });
  if (rows.length) await trx.insertInto('automation_related_resource').values(rows).onConflict((oc) => oc.doNothing()).execute();
}

export async function insertAutomation(trx: Executor, def: Definition, owner: string | null): Promise<AutomationT> {
  const now = nowMicros();
  const row = { id: randomUUID(), created: now, updated: now, ...columns(def) };
  await trx.insertInto('automation').values(row).execute();
  await relate(trx, row.id, def, owner);
  return decodeAutomation(row);
}

export async function replaceAutomation(trx: Executor, id: string, def: Definition): Promise<boolean> {
  const res = await trx.updateTable('automation').set({ ...columns(def), updated: nowMicros() }).where('id', '=', id).executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) return false;
  // A new trigger tree has new ids: the old one's windows and remembered firings mean nothing now.
  await trx.deleteFrom('automation_bucket').where('automation_id', '=', id).execute();
  await trx.deleteFrom('automation_child_firing').where('automation_id', '=', id).execute();
  await relate(trx, id, def, null);
  return true;
}

export async function setAutomationEnabled(trx: Executor, id: string, enabled: boolean): Promise<void> {
  await trx.updateTable('automation').set({ enabled: enabled ? 1 : 0, updated: nowMicros() }).where('id', '=', id).execute();
}

export async function readAutomation(db: Executor, id: string): Promise<AutomationT | null> {
  const row = await db.selectFrom('automation').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? decodeAutomation(row) : null;
}

/** Deletes an automation with its evaluation state and firings. */
export async function deleteAutomations(trx: Executor, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  for (const table of ['automation_bucket', 'automation_child_firing', 'automation_firing'] as const) await trx.deleteFrom(table).where('automation_id', 'in', ids).execute();
  await trx.deleteFrom('automation_action_run').where('automation_id', 'in', ids).execute();
  const res = await trx.deleteFrom('automation').where('id', 'in', ids).executeTakeFirst();
  return Number(res.numDeletedRows);
}

export async function enabledAutomations(db: Executor): Promise<AutomationT[]> {
  return (await db.selectFrom('automation').selectAll().where('enabled', '=', 1).execute()).map(decodeAutomation);
}

const SORTS = {
  CREATED_DESC: ['created', 'desc'],
  UPDATED_DESC: ['updated', 'desc'],
  NAME_ASC: ['name', 'asc'],
  NAME_DESC: ['name', 'desc'],
} as const;

export async function filterAutomations(db: Executor, filter: AutomationFilterT | null | undefined, sort: keyof typeof SORTS, limit: number, offset: number): Promise<AutomationT[]> {
  const names = filter?.name?.any_;
  const before = filter?.created?.before_ ? parseDateTime(filter.created.before_) : null;
  let q = db.selectFrom('automation').selectAll();
  if (names || before !== null) {
    q = q.where((eb) => {
      const parts: Expression<SqlBool>[] = [];
      if (names) parts.push(names.length ? eb('name', 'in', names) : sql<SqlBool>`1 = 0`);
      if (before !== null) parts.push(eb('created', '<=', before));
      return filter?.operator === 'or_' ? eb.or(parts) : eb.and(parts);
    });
  }
  const [column, direction] = SORTS[sort];
  return (await q.orderBy(column, direction).orderBy('id').limit(limit).offset(offset).execute()).map(decodeAutomation);
}

export async function countAutomations(db: Executor): Promise<number> {
  const row = await db.selectFrom('automation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function automationsRelatedTo(db: Executor, resourceId: string): Promise<AutomationT[]> {
  const rows = await db
    .selectFrom('automation')
    .selectAll('automation')
    .where('id', 'in', db.selectFrom('automation_related_resource').select('automation_id').where('resource_id', '=', resourceId))
    .orderBy('name')
    .execute();
  return rows.map(decodeAutomation);
}

export async function deleteOwnedBy(trx: Executor, resourceId: string): Promise<string[]> {
  const now = nowMicros();
  const ids = (
    await trx
      .selectFrom('automation_related_resource')
      .innerJoin('automation', 'automation.id', 'automation_related_resource.automation_id')
      .select('automation.id')
      .where('resource_id', '=', resourceId)
      .where('owned', '=', 1)
      .where('automation.created', '<', now)
      .execute()
  ).map((r) => r.id);
  await deleteAutomations(trx, ids);
  return ids;
}

/** Retention: firings (with their actions' outcomes) older than `cutoff`, as events age out. */
export async function deleteFiringsBefore(db: Executor, cutoff: number): Promise<number> {
  const old = db.selectFrom('automation_firing').select('id').where('fired', '<', cutoff);
  await db.deleteFrom('automation_action_run').where('firing_id', 'in', old).execute();
  const res = await db.deleteFrom('automation_firing').where('fired', '<', cutoff).executeTakeFirst();
  return Number(res.numDeletedRows);
}

export async function lastFired(db: Executor, ids: string[]): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = Object.fromEntries(ids.map((id) => [id, null]));
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('automation_firing').select(['automation_id']).select((eb) => eb.fn.max('fired').as('fired')).where('automation_id', 'in', ids).groupBy('automation_id').execute();
  for (const r of rows) out[r.automation_id] = formatNullable(Number(r.fired));
  return out;
}

export type ActionRunRow = Selectable<AutomationActionRunTable>;

export async function readFirings(db: Executor, automationId: string, limit: number) {
  const firings = await db.selectFrom('automation_firing').selectAll().where('automation_id', '=', automationId).orderBy('fired', 'desc').orderBy('id').limit(limit).execute();
  const runs = firings.length
    ? await db
        .selectFrom('automation_action_run')
        .selectAll()
        .where(
          'firing_id',
          'in',
          firings.map((f) => f.id),
        )
        .orderBy('action_index')
        .execute()
    : [];
  return firings.map((f) => ({
    id: f.id,
    automation_id: f.automation_id,
    trigger_id: f.trigger_id,
    fired: formatDateTime(f.fired),
    triggering_labels: fromJson<Record<string, string>>(f.triggering_labels, {}),
    triggering_event: fromJson<ReceivedEventT | null>(f.triggering_event, null),
    cause_event_ids: fromJson<string[]>(f.cause_event_ids, []),
    actions: runs
      .filter((r) => r.firing_id === f.id)
      .map((r) => ({
        id: r.id,
        action_index: r.action_index,
        action_type: fromJson<{ type: string }>(r.action, { type: '?' }).type,
        status: r.status as 'pending' | 'running' | 'executed' | 'failed',
        reason: r.reason,
        status_code: r.status_code,
        started: formatNullable(r.started),
        finished: formatNullable(r.finished),
      })),
  }));
}

