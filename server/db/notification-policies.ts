import { randomUUID } from 'node:crypto';
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import { fromJson, toJson } from '../lib/json.ts';
import { formatDateTime, nowMicros } from '../lib/time.ts';
import type { DialectName, Executor } from './connection.ts';
import type { Database, FlowRunNotificationPolicyTable } from './schema.ts';

/** Flow run notification policies (contract §3.13) and the queue of notifications to send. */

export interface NotificationPolicy {
  id: string;
  created: string;
  updated: string;
  is_active: boolean;
  state_names: string[];
  tags: string[];
  block_document_id: string;
  message_template: string | null;
}

export const POLICY_NOT_FOUND = 'Flow run notification policy not found';

export const decodePolicy = (row: Selectable<FlowRunNotificationPolicyTable>): NotificationPolicy => ({
  id: row.id,
  created: formatDateTime(row.created),
  updated: formatDateTime(row.updated),
  is_active: Boolean(row.is_active),
  state_names: fromJson(row.state_names, []),
  tags: fromJson(row.tags, []),
  block_document_id: row.block_document_id,
  message_template: row.message_template,
});

export interface PolicyInput {
  is_active?: boolean;
  state_names?: string[];
  tags?: string[];
  block_document_id: string;
  message_template?: string | null;
}

export async function insertPolicy(db: Executor, input: PolicyInput) {
  const now = nowMicros();
  const row = {
    id: randomUUID(),
    created: now,
    updated: now,
    is_active: input.is_active === false ? 0 : 1,
    state_names: toJson(input.state_names ?? []),
    tags: toJson(input.tags ?? []),
    block_document_id: input.block_document_id,
    message_template: input.message_template ?? null,
  };
  await db.insertInto('flow_run_notification_policy').values(row).execute();
  return decodePolicy(row);
}

export async function readPolicy(db: Executor, id: string) {
  const row = await db.selectFrom('flow_run_notification_policy').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? decodePolicy(row) : null;
}

export async function updatePolicy(db: Executor, id: string, patch: { [K in keyof PolicyInput]?: PolicyInput[K] | null }): Promise<boolean> {
  const set: Record<string, unknown> = { updated: nowMicros() };
  if (patch.is_active !== undefined && patch.is_active !== null) set.is_active = patch.is_active ? 1 : 0;
  if (patch.state_names !== undefined && patch.state_names !== null) set.state_names = toJson(patch.state_names);
  if (patch.tags !== undefined && patch.tags !== null) set.tags = toJson(patch.tags);
  if (patch.block_document_id !== undefined && patch.block_document_id !== null) set.block_document_id = patch.block_document_id;
  if (patch.message_template !== undefined) set.message_template = patch.message_template;
  const res = await db.updateTable('flow_run_notification_policy').set(set).where('id', '=', id).executeTakeFirst();
  return Boolean(res.numUpdatedRows);
}

/** `is_active` defaults to `{eq_: false}` when the filter object is sent (contract §4). */
export async function filterPolicies(db: Executor, filter: { is_active?: { eq_?: boolean | null } | null } | null | undefined, limit: number, offset: number) {
  let q = db.selectFrom('flow_run_notification_policy').selectAll();
  if (filter) {
    const isActive = 'is_active' in filter ? filter.is_active : { eq_: false };
    if (isActive && isActive.eq_ !== null && isActive.eq_ !== undefined) q = q.where('is_active', '=', isActive.eq_ ? 1 : 0);
  }
  const rows = await q.orderBy('id').limit(limit).offset(offset).execute();
  return rows.map(decodePolicy);
}

export async function activePolicies(db: Executor) {
  const rows = await db.selectFrom('flow_run_notification_policy').selectAll().where('is_active', '=', 1).execute();
  return rows.map(decodePolicy);
}

/** Policies matching a written flow run state: its name (or no names listed) and a shared tag (or no tags listed). */
export const matchPolicies = (policies: NotificationPolicy[], stateName: string, runTags: string[]) =>
  policies.filter((p) => (p.state_names.length === 0 || p.state_names.includes(stateName)) && (p.tags.length === 0 || p.tags.some((t) => runTags.includes(t))));

// ---- queue ------------------------------------------------------------------------

export async function enqueueNotifications(db: Executor, policyIds: string[], stateId: string) {
  if (policyIds.length === 0) return;
  const now = nowMicros();
  await db
    .insertInto('flow_run_notification_queue')
    .values(policyIds.map((policyId) => ({ id: randomUUID(), created: now, updated: now, flow_run_notification_policy_id: policyId, flow_run_state_id: stateId, attempts: 0, next_attempt_at: now, locked_until: null })))
    .execute();
}

/**
 * Claims up to `limit` due notifications for one attempt each, in one statement: on
 * PostgreSQL rows another replica is claiming are skipped (never waited for, never taken
 * twice); the lease lets another replica retry a message whose claimer died.
 */
export async function claimDueNotifications(db: Executor, dialect: DialectName, now: number, leaseUntil: number, limit: number) {
  const unlocked = (eb: ExpressionBuilder<Database, 'flow_run_notification_queue'>) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]);
  let due = db.selectFrom('flow_run_notification_queue').select('id').where('next_attempt_at', '<=', now).where(unlocked).orderBy('next_attempt_at').limit(limit);
  if (dialect === 'postgres') due = due.forUpdate().skipLocked();
  return db
    .updateTable('flow_run_notification_queue')
    .set({ locked_until: leaseUntil, attempts: sql`attempts + 1`, updated: now })
    .where('id', 'in', due)
    .where(unlocked)
    .returningAll()
    .execute();
}

/** Queues a message per active policy matching a flow run state (in the state's transaction, so none is lost or doubled). */
export async function queueFlowRunNotifications(db: Executor, runTags: string[], stateId: string, stateName: string): Promise<number> {
  // Cheap when no policy is active: one small indexed query per flow run state.
  const matching = matchPolicies(await activePolicies(db), stateName, runTags);
  await enqueueNotifications(
    db,
    matching.map((p) => p.id),
    stateId,
  );
  return matching.length;
}

/** When the next message may be claimed: its next attempt, or later when another server holds its lease. */
export async function earliestDueNotification(db: Executor): Promise<number | null> {
  const row = await db
    .selectFrom('flow_run_notification_queue')
    .select(sql<number | null>`min(case when locked_until > next_attempt_at then locked_until else next_attempt_at end)`.as('next'))
    .executeTakeFirst();
  return row?.next === null || row?.next === undefined ? null : Number(row.next);
}

/** What a notification message is made of: the policy, the run, its flow and the state. */
export async function notificationContext(db: Executor, policyId: string, stateId: string) {
  const row = await db
    .selectFrom('flow_run_state as s')
    .innerJoin('flow_run as fr', 'fr.id', 's.flow_run_id')
    .innerJoin('flow as f', 'f.id', 'fr.flow_id')
    .select(['s.id as state_id', 's.type', 's.name as state_name', 's.timestamp', 's.message', 'fr.id as flow_run_id', 'fr.name as flow_run_name', 'fr.parameters', 'f.id as flow_id', 'f.name as flow_name'])
    .where('s.id', '=', stateId)
    .executeTakeFirst();
  const policy = await readPolicy(db, policyId);
  return row && policy ? { policy, run: row } : null;
}
