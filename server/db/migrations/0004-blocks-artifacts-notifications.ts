import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../connection.ts';
import { columnTypes } from '../column-types.ts';

/** Blocks (types, schemas, documents and their references), artifacts, notification policies and their queue. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const base = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('created', t.datetime, (c) => c.notNull())
      .addColumn('updated', t.datetime, (c) => c.notNull());

  await base('block_type')
    .addColumn('name', t.text, (c) => c.notNull().unique())
    .addColumn('slug', t.text, (c) => c.notNull().unique())
    .addColumn('logo_url', sql`text`)
    .addColumn('documentation_url', sql`text`)
    .addColumn('description', sql`text`)
    .addColumn('code_example', sql`text`)
    .addColumn('is_protected', t.bool, (c) => c.notNull().defaultTo(0))
    .execute();

  await base('block_schema')
    .addColumn('checksum', t.text, (c) => c.notNull())
    .addColumn('fields', t.json, (c) => c.notNull())
    .addColumn('block_type_id', t.id, (c) => c.notNull().references('block_type.id').onDelete('cascade'))
    .addColumn('capabilities', t.tags, (c) => c.notNull())
    .addColumn('version', t.text, (c) => c.notNull())
    .addUniqueConstraint('uq_block_schema_checksum_version', ['checksum', 'version'])
    .execute();

  // `data` holds the AES-256-GCM ciphertext of the document's own values (references live in block_document_reference).
  await base('block_document')
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('data', sql`text`, (c) => c.notNull())
    .addColumn('block_schema_id', t.id, (c) => c.notNull().references('block_schema.id').onDelete('cascade'))
    .addColumn('block_type_id', t.id, (c) => c.notNull().references('block_type.id').onDelete('cascade'))
    .addColumn('is_anonymous', t.bool, (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('uq_block_document_type_name', ['block_type_id', 'name'])
    .execute();

  await base('block_document_reference')
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('parent_block_document_id', t.id, (c) => c.notNull().references('block_document.id').onDelete('cascade'))
    .addColumn('reference_block_document_id', t.id, (c) => c.notNull().references('block_document.id').onDelete('cascade'))
    .addUniqueConstraint('uq_block_document_reference_parent_name', ['parent_block_document_id', 'name'])
    .execute();

  // Artifacts outlive their runs (no foreign keys), as results and reports usually should.
  const artifactColumns = <T extends ReturnType<typeof base>>(b: T) =>
    b
      .addColumn('type', t.text)
      .addColumn('description', sql`text`)
      .addColumn('data', t.json)
      .addColumn('metadata_', t.json)
      .addColumn('flow_run_id', t.id)
      .addColumn('task_run_id', t.id);
  await artifactColumns(base('artifact').addColumn('key', t.text)).execute();
  await artifactColumns(base('artifact_collection').addColumn('key', t.text, (c) => c.notNull().unique()).addColumn('latest_id', t.id, (c) => c.notNull())).execute();

  await base('flow_run_notification_policy')
    .addColumn('is_active', t.bool, (c) => c.notNull().defaultTo(1))
    .addColumn('state_names', t.tags, (c) => c.notNull())
    .addColumn('tags', t.tags, (c) => c.notNull())
    .addColumn('block_document_id', t.id, (c) => c.notNull().references('block_document.id').onDelete('cascade'))
    .addColumn('message_template', sql`text`)
    .execute();

  // Durable queue of notifications to send: a restart (or another server) picks up what is left.
  await base('flow_run_notification_queue')
    .addColumn('flow_run_notification_policy_id', t.id, (c) => c.notNull().references('flow_run_notification_policy.id').onDelete('cascade'))
    .addColumn('flow_run_state_id', t.id, (c) => c.notNull().references('flow_run_state.id').onDelete('cascade'))
    .addColumn('attempts', t.int, (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', t.datetime, (c) => c.notNull())
    .addColumn('locked_until', t.datetime)
    .execute();

  // Every filter and sort of these resources has an index.
  const idx = (name: string, table: string, columns: string[]) => db.schema.createIndex(name).on(table).columns(columns).execute();
  await idx('ix_block_schema_block_type_id_created', 'block_schema', ['block_type_id', 'created']);
  await idx('ix_block_schema_created', 'block_schema', ['created']);
  await idx('ix_block_schema_version', 'block_schema', ['version']);
  await idx('ix_block_document_name', 'block_document', ['name']);
  await idx('ix_block_document_is_anonymous_name', 'block_document', ['is_anonymous', 'name']);
  await idx('ix_block_document_block_schema_id', 'block_document', ['block_schema_id']);
  await idx('ix_block_document_reference_reference_id', 'block_document_reference', ['reference_block_document_id']);
  await idx('ix_artifact_key_created', 'artifact', ['key', 'created']);
  await idx('ix_artifact_created', 'artifact', ['created']);
  await idx('ix_artifact_updated', 'artifact', ['updated']);
  await idx('ix_artifact_type', 'artifact', ['type']);
  await idx('ix_artifact_flow_run_id_created', 'artifact', ['flow_run_id', 'created']);
  await idx('ix_artifact_task_run_id', 'artifact', ['task_run_id']);
  await idx('ix_artifact_collection_created', 'artifact_collection', ['created']);
  await idx('ix_artifact_collection_updated', 'artifact_collection', ['updated']);
  await idx('ix_artifact_collection_type', 'artifact_collection', ['type']);
  await idx('ix_artifact_collection_latest_id', 'artifact_collection', ['latest_id']);
  await idx('ix_artifact_collection_flow_run_id', 'artifact_collection', ['flow_run_id']);
  await idx('ix_artifact_collection_task_run_id', 'artifact_collection', ['task_run_id']);
  await idx('ix_flow_run_notification_policy_is_active', 'flow_run_notification_policy', ['is_active']);
  await idx('ix_flow_run_notification_policy_block_document_id', 'flow_run_notification_policy', ['block_document_id']);
  await idx('ix_flow_run_notification_queue_next_attempt_at', 'flow_run_notification_queue', ['next_attempt_at']);
  await idx('ix_flow_run_notification_queue_policy_id', 'flow_run_notification_queue', ['flow_run_notification_policy_id']);
  await idx('ix_flow_run_notification_queue_state_id', 'flow_run_notification_queue', ['flow_run_state_id']);
  if (dialect === 'postgres') await sql`create index ix_block_schema_capabilities on block_schema using gin (capabilities jsonb_path_ops)`.execute(db);
}
