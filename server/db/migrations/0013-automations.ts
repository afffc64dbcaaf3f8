import type { Kysely } from 'kysely';
import type { DialectName } from '../connection.ts';
import { columnTypes } from '../column-types.ts';

/**
 * Automations (events-automations.md A4–A7). Evaluation state lives in the database, so it
 * survives restarts and every replica sees one truth: `automation_bucket` (open windows and
 * their counts), `automation_child_firing` (composite triggers' remembered child firings),
 * `automation_event_queue` (stored events a trigger covers, not evaluated yet; written in
 * the event's own transaction, so none is lost between storing and evaluating), and
 * `automation_firing` / `automation_action_run` (each firing, its cause and each action's
 * claim, lease and outcome). Evaluation state carries no foreign key to its automation: an
 * evaluation pass racing a delete must not fail on it (deleting cleans up explicitly).
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('automation')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('created', t.datetime, (c) => c.notNull())
    .addColumn('updated', t.datetime, (c) => c.notNull())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('description', t.text, (c) => c.notNull())
    .addColumn('enabled', t.bool, (c) => c.notNull())
    .addColumn('trigger', t.json, (c) => c.notNull())
    .addColumn('actions', t.json, (c) => c.notNull())
    .addColumn('actions_on_trigger', t.json, (c) => c.notNull())
    .addColumn('actions_on_resolve', t.json, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ix_automation_name').on('automation').columns(['name']).execute();
  await db.schema
    .createTable('automation_related_resource')
    .addColumn('automation_id', t.id, (c) => c.notNull().references('automation.id').onDelete('cascade'))
    .addColumn('resource_id', t.text, (c) => c.notNull())
    .addColumn('owned', t.bool, (c) => c.notNull())
    .addPrimaryKeyConstraint('pk_automation_related_resource', ['automation_id', 'resource_id'])
    .execute();
  await db.schema.createIndex('ix_automation_related_resource_resource_id').on('automation_related_resource').columns(['resource_id']).execute();
  await db.schema
    .createTable('automation_bucket')
    .addColumn('automation_id', t.id, (c) => c.notNull())
    .addColumn('trigger_id', t.id, (c) => c.notNull())
    .addColumn('bucketing_key', t.text, (c) => c.notNull())
    .addColumn('start', t.datetime, (c) => c.notNull())
    .addColumn('end', t.datetime, (c) => c.notNull())
    .addColumn('count', t.int, (c) => c.notNull())
    .addColumn('last_event', t.json)
    .addColumn('event_ids', t.json, (c) => c.notNull())
    .addPrimaryKeyConstraint('pk_automation_bucket', ['trigger_id', 'bucketing_key'])
    .execute();
  await db.schema.createIndex('ix_automation_bucket_end').on('automation_bucket').columns(['end']).execute();
  await db.schema
    .createTable('automation_child_firing')
    .addColumn('automation_id', t.id, (c) => c.notNull())
    .addColumn('parent_trigger_id', t.id, (c) => c.notNull())
    .addColumn('child_trigger_id', t.id, (c) => c.notNull())
    .addColumn('fired', t.datetime, (c) => c.notNull())
    .addColumn('firing', t.json, (c) => c.notNull())
    .addPrimaryKeyConstraint('pk_automation_child_firing', ['parent_trigger_id', 'child_trigger_id'])
    .execute();
  await db.schema
    .createTable('automation_event_queue')
    .addColumn('event_id', t.id, (c) => c.primaryKey())
    .addColumn('occurred', t.datetime, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('automation_firing')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('automation_id', t.id, (c) => c.notNull())
    .addColumn('trigger_id', t.id, (c) => c.notNull())
    .addColumn('fired', t.datetime, (c) => c.notNull())
    .addColumn('triggering_labels', t.json, (c) => c.notNull())
    .addColumn('triggering_event', t.json)
    .addColumn('cause_event_ids', t.json, (c) => c.notNull())
    .addColumn('triggered_event_id', t.id, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ix_automation_firing_automation_id_fired').on('automation_firing').columns(['automation_id', 'fired']).execute();
  await db.schema
    .createTable('automation_action_run')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('firing_id', t.id, (c) => c.notNull().references('automation_firing.id').onDelete('cascade'))
    .addColumn('automation_id', t.id, (c) => c.notNull())
    .addColumn('action_index', t.int, (c) => c.notNull())
    .addColumn('action', t.json, (c) => c.notNull())
    .addColumn('triggering_event', t.json)
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('attempts', t.int, (c) => c.notNull())
    .addColumn('locked_until', t.datetime)
    .addColumn('reason', t.text)
    .addColumn('status_code', t.int)
    .addColumn('started', t.datetime)
    .addColumn('finished', t.datetime)
    .addColumn('created', t.datetime, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ix_automation_action_run_firing_id').on('automation_action_run').columns(['firing_id']).execute();
  await db.schema.createIndex('ix_automation_action_run_status').on('automation_action_run').columns(['status', 'locked_until']).execute();
}
