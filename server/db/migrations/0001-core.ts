import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../connection.ts';
import { columnTypes } from '../column-types.ts';

/** Flows, flow runs, task runs, their states, the task cache, logs, tag limits, CSRF tokens. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const base = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('created', t.datetime, (c) => c.notNull())
      .addColumn('updated', t.datetime, (c) => c.notNull());

  await base('flow').addColumn('name', t.text, (c) => c.notNull().unique()).addColumn('tags', t.tags, (c) => c.notNull()).execute();

  const runColumns = <T extends ReturnType<typeof base>>(b: T) =>
    b
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('state_id', t.id)
      .addColumn('state_type', t.text)
      .addColumn('state_name', t.text)
      .addColumn('state_timestamp', t.datetime)
      .addColumn('run_count', t.int, (c) => c.notNull().defaultTo(0))
      .addColumn('expected_start_time', t.datetime)
      .addColumn('next_scheduled_start_time', t.datetime)
      .addColumn('start_time', t.datetime)
      .addColumn('end_time', t.datetime)
      .addColumn('total_run_time', t.float, (c) => c.notNull().defaultTo(0))
      .addColumn('empirical_policy', t.json, (c) => c.notNull())
      .addColumn('tags', t.tags, (c) => c.notNull());

  await runColumns(base('flow_run'))
    .addColumn('flow_id', t.id, (c) => c.notNull().references('flow.id').onDelete('cascade'))
    .addColumn('deployment_id', t.id)
    .addColumn('deployment_version', t.text)
    .addColumn('work_queue_id', t.id)
    .addColumn('work_queue_name', t.text)
    .addColumn('flow_version', t.text)
    .addColumn('parameters', t.json, (c) => c.notNull())
    .addColumn('idempotency_key', t.text)
    .addColumn('context', t.json, (c) => c.notNull())
    // SQLite accepts a forward reference here; PostgreSQL gets the constraint below.
    .addColumn('parent_task_run_id', t.id, (c) => (dialect === 'sqlite' ? c.references('task_run.id').onDelete('set null') : c))
    .addColumn('auto_scheduled', t.bool, (c) => c.notNull().defaultTo(0))
    .addColumn('infrastructure_document_id', t.id)
    .addColumn('infrastructure_pid', t.text)
    .addColumn('created_by', t.json)
    .addColumn('job_variables', t.json)
    .execute();

  await runColumns(base('task_run'))
    .addColumn('flow_run_id', t.id, (c) => c.references('flow_run.id').onDelete('cascade'))
    .addColumn('task_key', t.text, (c) => c.notNull())
    .addColumn('dynamic_key', t.text, (c) => c.notNull())
    .addColumn('cache_key', t.text)
    .addColumn('cache_expiration', t.datetime)
    .addColumn('task_version', t.text)
    .addColumn('task_inputs', t.json, (c) => c.notNull())
    .addColumn('flow_run_run_count', t.int, (c) => c.notNull().defaultTo(0))
    .execute();

  // Subflow runs outlive their parent task run (contract §3.17): the link becomes null.
  if (dialect === 'postgres') {
    await sql`alter table flow_run add constraint fk_flow_run_parent_task_run foreign key (parent_task_run_id) references task_run (id) on delete set null`.execute(db);
  }

  for (const [table, parent, parentTable] of [
    ['flow_run_state', 'flow_run_id', 'flow_run'],
    ['task_run_state', 'task_run_id', 'task_run'],
  ] as const) {
    await base(table)
      .addColumn(parent, t.id, (c) => c.notNull().references(`${parentTable}.id`).onDelete('cascade'))
      .addColumn('type', t.text, (c) => c.notNull())
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('timestamp', t.datetime, (c) => c.notNull())
      .addColumn('message', sql`text`)
      .addColumn('data', t.json)
      .addColumn('state_details', t.json, (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`ix_${table}_${parent}_timestamp`).on(table).columns([parent, 'timestamp']).execute();
  }

  await base('task_run_state_cache')
    .addColumn('cache_key', t.text, (c) => c.notNull())
    .addColumn('cache_expiration', t.datetime)
    .addColumn('task_run_state_id', t.id, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ix_task_run_state_cache_key').on('task_run_state_cache').columns(['cache_key', 'created']).execute();

  // Logs are never read by id and their v4 ids are server-made: in SQLite a unique index on
  // random UUIDs costs 7x the insert throughput, so the id is a plain column there.
  const logTable =
    dialect === 'sqlite'
      ? db.schema
          .createTable('log')
          .addColumn('id', t.id, (c) => c.notNull())
          .addColumn('created', t.datetime, (c) => c.notNull())
          .addColumn('updated', t.datetime, (c) => c.notNull())
      : base('log');
  await logTable
    .addColumn('name', sql`text`, (c) => c.notNull())
    .addColumn('level', t.int, (c) => c.notNull())
    .addColumn('message', sql`text`, (c) => c.notNull())
    .addColumn('timestamp', t.datetime, (c) => c.notNull())
    .addColumn('flow_run_id', t.id)
    .addColumn('task_run_id', t.id)
    .execute();
  await db.schema.createIndex('ix_log_flow_run_id_timestamp').on('log').columns(['flow_run_id', 'timestamp']).execute();
  await db.schema.createIndex('ix_log_task_run_id_timestamp').on('log').columns(['task_run_id', 'timestamp']).where(sql.ref('task_run_id'), 'is not', null).execute();
  await db.schema.createIndex('ix_log_timestamp').on('log').column('timestamp').execute();

  await base('concurrency_limit')
    .addColumn('tag', t.text, (c) => c.notNull().unique())
    .addColumn('concurrency_limit', t.int, (c) => c.notNull())
    .addColumn('active_slots', t.json, (c) => c.notNull())
    .execute();

  await base('csrf_token')
    .addColumn('token', sql`text`, (c) => c.notNull())
    .addColumn('client', t.text, (c) => c.notNull().unique())
    .addColumn('expiration', t.datetime, (c) => c.notNull())
    .execute();

  // Every filter and sort of the contract on runs has an index.
  const idx = (name: string, table: string, columns: string[]) => db.schema.createIndex(name).on(table).columns(columns).execute();
  await db.schema.createIndex('uq_flow_run_flow_id_idempotency_key').on('flow_run').columns(['flow_id', 'idempotency_key']).unique().execute();
  await idx('ix_flow_run_flow_id', 'flow_run', ['flow_id']);
  await idx('ix_flow_run_state_type', 'flow_run', ['state_type']);
  await idx('ix_flow_run_state_name', 'flow_run', ['state_name']);
  await idx('ix_flow_run_name', 'flow_run', ['name']);
  await idx('ix_flow_run_expected_start_time', 'flow_run', ['expected_start_time']);
  await idx('ix_flow_run_next_scheduled_start_time', 'flow_run', ['next_scheduled_start_time']);
  await idx('ix_flow_run_end_time', 'flow_run', ['end_time']);
  await idx('ix_flow_run_deployment_id', 'flow_run', ['deployment_id']);
  await idx('ix_flow_run_work_queue_id', 'flow_run', ['work_queue_id']);
  await idx('ix_flow_run_work_queue_name', 'flow_run', ['work_queue_name']);
  await idx('ix_flow_run_parent_task_run_id', 'flow_run', ['parent_task_run_id']);
  await idx('ix_flow_run_flow_version', 'flow_run', ['flow_version']);
  await sql`create index ix_flow_run_start_time_coalesce on flow_run ((coalesce(start_time, expected_start_time)))`.execute(db);

  await db.schema.createIndex('uq_task_run_flow_run_task_dynamic').on('task_run').columns(['flow_run_id', 'task_key', 'dynamic_key']).unique().execute();
  await sql`create unique index uq_task_run_autonomous on task_run (task_key, dynamic_key) where flow_run_id is null`.execute(db);
  await idx('ix_task_run_state_type', 'task_run', ['state_type']);
  await idx('ix_task_run_name', 'task_run', ['name']);
  await idx('ix_task_run_expected_start_time', 'task_run', ['expected_start_time']);
  await idx('ix_task_run_start_time', 'task_run', ['start_time']);
  // Task runs are written several times per second per worker: indexes that are null for most
  // of a run's life are partial, so those writes skip them (cache lookups use task_run_state_cache).
  await db.schema.createIndex('ix_task_run_next_scheduled_start_time').on('task_run').column('next_scheduled_start_time').where(sql.ref('next_scheduled_start_time'), 'is not', null).execute();
  await db.schema.createIndex('ix_task_run_end_time').on('task_run').column('end_time').where(sql.ref('end_time'), 'is not', null).execute();

  if (dialect === 'postgres') {
    await sql`create index ix_flow_tags on flow using gin (tags jsonb_path_ops)`.execute(db);
    await sql`create index ix_flow_run_tags on flow_run using gin (tags jsonb_path_ops)`.execute(db);
    await sql`create index ix_task_run_tags on task_run using gin (tags jsonb_path_ops)`.execute(db);
  }
}
