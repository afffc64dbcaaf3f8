import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../connection.ts';
import { columnTypes } from '../column-types.ts';

/** Deployments and their schedules, work pools, queues and workers. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const base = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('created', t.datetime, (c) => c.notNull())
      .addColumn('updated', t.datetime, (c) => c.notNull());

  await base('work_pool')
    .addColumn('name', t.text, (c) => c.notNull().unique())
    .addColumn('description', sql`text`)
    .addColumn('type', t.text, (c) => c.notNull())
    .addColumn('base_job_template', t.json, (c) => c.notNull())
    .addColumn('is_paused', t.bool, (c) => c.notNull().defaultTo(0))
    .addColumn('concurrency_limit', t.int)
    .addColumn('status', t.text)
    .addColumn('default_queue_id', t.id)
    .execute();

  await base('work_queue')
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('description', sql`text`, (c) => c.notNull().defaultTo(''))
    .addColumn('is_paused', t.bool, (c) => c.notNull().defaultTo(0))
    .addColumn('concurrency_limit', t.int)
    .addColumn('priority', t.int, (c) => c.notNull())
    .addColumn('work_pool_id', t.id, (c) => c.notNull().references('work_pool.id').onDelete('cascade'))
    .addColumn('filter', t.json)
    .addColumn('last_polled', t.datetime)
    .addColumn('status', t.text, (c) => c.notNull())
    .addUniqueConstraint('uq_work_queue_pool_name', ['work_pool_id', 'name'])
    .execute();

  await base('worker')
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('work_pool_id', t.id, (c) => c.notNull().references('work_pool.id').onDelete('cascade'))
    .addColumn('last_heartbeat_time', t.datetime, (c) => c.notNull())
    .addColumn('heartbeat_interval_seconds', t.int)
    .addColumn('status', t.text, (c) => c.notNull())
    .addUniqueConstraint('uq_worker_pool_name', ['work_pool_id', 'name'])
    .execute();

  await base('deployment')
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('flow_id', t.id, (c) => c.notNull().references('flow.id').onDelete('cascade'))
    .addColumn('version', t.text)
    .addColumn('description', sql`text`)
    .addColumn('path', sql`text`)
    .addColumn('entrypoint', sql`text`)
    .addColumn('manifest_path', sql`text`)
    .addColumn('pull_steps', t.json)
    .addColumn('paused', t.bool, (c) => c.notNull().defaultTo(0))
    .addColumn('infra_overrides', t.json, (c) => c.notNull())
    .addColumn('parameters', t.json, (c) => c.notNull())
    .addColumn('tags', t.tags, (c) => c.notNull())
    .addColumn('parameter_openapi_schema', t.json)
    .addColumn('enforce_parameter_schema', t.bool, (c) => c.notNull().defaultTo(0))
    .addColumn('work_queue_id', t.id)
    .addColumn('work_queue_name', t.text)
    .addColumn('last_polled', t.datetime)
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('storage_document_id', t.id)
    .addColumn('infrastructure_document_id', t.id)
    .addColumn('created_by', t.json)
    .addColumn('updated_by', t.json)
    .addUniqueConstraint('uq_deployment_flow_name', ['flow_id', 'name'])
    .execute();

  await base('deployment_schedule')
    .addColumn('deployment_id', t.id, (c) => c.notNull().references('deployment.id').onDelete('cascade'))
    .addColumn('schedule', t.json, (c) => c.notNull())
    .addColumn('active', t.bool, (c) => c.notNull().defaultTo(1))
    .addColumn('max_active_runs', t.int)
    .addColumn('max_scheduled_runs', t.int)
    .addColumn('catchup', t.bool, (c) => c.notNull().defaultTo(0))
    .execute();

  const idx = (name: string, table: string, columns: string[]) => db.schema.createIndex(name).on(table).columns(columns).execute();
  await idx('ix_deployment_flow_id', 'deployment', ['flow_id']);
  await idx('ix_deployment_name', 'deployment', ['name']);
  await idx('ix_deployment_work_queue_id', 'deployment', ['work_queue_id']);
  await idx('ix_deployment_work_queue_name', 'deployment', ['work_queue_name']);
  await idx('ix_deployment_paused', 'deployment', ['paused']);
  await idx('ix_deployment_schedule_deployment_id', 'deployment_schedule', ['deployment_id', 'updated']);
  await idx('ix_work_queue_work_pool_id_priority', 'work_queue', ['work_pool_id', 'priority']);
  await idx('ix_worker_work_pool_id_heartbeat', 'worker', ['work_pool_id', 'last_heartbeat_time']);
  if (dialect === 'postgres') await sql`create index ix_deployment_tags on deployment using gin (tags jsonb_path_ops)`.execute(db);
}
