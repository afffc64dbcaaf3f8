import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { ArtifactCollectionFilterT, ArtifactCollectionT, ArtifactCreateT, ArtifactFilterT, ArtifactT, ArtifactUpdateT } from '../api/models/artifacts.ts';
import type { DeploymentFilterT, FlowFilterT, FlowRunFilterT, TaskRunFilterT } from '../api/models/filters.ts';
import { fromJsonNullable, toJson } from '../lib/json.ts';
import { formatDateTime, nowMicros } from '../lib/time.ts';
import type { RunKind, StateRecord } from '../orchestration/context.ts';
import type { Db, Executor } from './connection.ts';
import { all, combine, FilterCompiler, type Cond } from './filters.ts';
import type { GraphArtifactSource } from './graph.ts';
import type { ArtifactCollectionTable, ArtifactTable } from './schema.ts';

/** Artifacts and their latest-per-key collections (contract §3.11), result artifacts of states (§2). */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const present = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;

const METADATA_VALUE_MAX = 500;
const KEY_RE = /^[a-z0-9-]*$/;

/** Metadata values over 500 characters are cut to 500 + "...". */
export function truncateMetadata(metadata: Record<string, string> | null | undefined): Record<string, string> | null {
  if (!metadata) return null;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(metadata)) {
    const chars = [...v];
    Object.defineProperty(out, k, { value: chars.length > METADATA_VALUE_MAX ? chars.slice(0, METADATA_VALUE_MAX).join('') + '...' : v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export const decodeArtifact = (row: Selectable<ArtifactTable>): ArtifactT => ({
  id: row.id,
  created: formatDateTime(row.created),
  updated: formatDateTime(row.updated),
  key: row.key,
  type: row.type,
  description: row.description,
  data: fromJsonNullable(row.data),
  metadata_: fromJsonNullable(row.metadata_),
  flow_run_id: row.flow_run_id,
  task_run_id: row.task_run_id,
});

const decodeCollection = (row: Selectable<ArtifactCollectionTable>): ArtifactCollectionT => ({ ...decodeArtifact(row), key: row.key, latest_id: row.latest_id });

/** The copy of an artifact a collection keeps. */
const collectionCopy = (a: Selectable<ArtifactTable>) => ({ latest_id: a.id, type: a.type, description: a.description, data: a.data, metadata_: a.metadata_, flow_run_id: a.flow_run_id, task_run_id: a.task_run_id });

/** Stores an artifact; a keyed one becomes its key's latest. */
export async function insertArtifact(db: Executor, input: ArtifactCreateT, now = nowMicros()): Promise<Selectable<ArtifactTable>> {
  let flowRunId = input.flow_run_id ?? null;
  if (!flowRunId && input.task_run_id) {
    flowRunId = (await db.selectFrom('task_run').select('flow_run_id').where('id', '=', input.task_run_id).executeTakeFirst())?.flow_run_id ?? null;
  }
  const row: Selectable<ArtifactTable> = {
    id: randomUUID(),
    created: now,
    updated: now,
    key: input.key ?? null,
    type: input.type ?? null,
    description: input.description ?? null,
    data: input.data === undefined || input.data === null ? null : toJson(input.data),
    metadata_: input.metadata_ ? toJson(truncateMetadata(input.metadata_)) : null,
    flow_run_id: flowRunId,
    task_run_id: input.task_run_id ?? null,
  };
  await db.insertInto('artifact').values(row).execute();
  if (row.key !== null) {
    const copy = collectionCopy(row);
    await db
      .insertInto('artifact_collection')
      .values({ id: randomUUID(), created: now, updated: now, key: row.key, ...copy })
      .onConflict((oc) => oc.column('key').doUpdateSet({ ...copy, updated: now }))
      .execute();
  }
  return row;
}

export async function readArtifact(db: Executor, id: string) {
  const row = await db.selectFrom('artifact').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? decodeArtifact(row) : null;
}

export async function readLatestArtifact(db: Executor, key: string) {
  const row = await db.selectFrom('artifact_collection').innerJoin('artifact', 'artifact.id', 'artifact_collection.latest_id').selectAll('artifact').where('artifact_collection.key', '=', key).executeTakeFirst();
  return row ? decodeArtifact(row) : null;
}

export async function updateArtifact(db: Executor, id: string, patch: ArtifactUpdateT): Promise<boolean> {
  const set: Record<string, unknown> = { updated: nowMicros() };
  if (patch.data !== undefined) set.data = patch.data === null ? null : toJson(patch.data);
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.metadata_ !== undefined) set.metadata_ = patch.metadata_ === null ? null : toJson(truncateMetadata(patch.metadata_));
  const res = await db.updateTable('artifact').set(set).where('id', '=', id).executeTakeFirst();
  if (!res.numUpdatedRows) return false;
  await db.updateTable('artifact_collection').set(set).where('latest_id', '=', id).execute();
  return true;
}

/** Deletes an artifact; when it was its key's latest, the previous version becomes the latest. */
export async function deleteArtifact(db: Executor, id: string): Promise<boolean> {
  const row = await db.selectFrom('artifact').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return false;
  await db.deleteFrom('artifact').where('id', '=', id).execute();
  if (row.key === null) return true;
  const collection = await db.selectFrom('artifact_collection').select(['id', 'latest_id']).where('key', '=', row.key).executeTakeFirst();
  if (!collection || collection.latest_id !== id) return true;
  const previous = await db.selectFrom('artifact').selectAll().where('key', '=', row.key).orderBy('created', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (previous) await db.updateTable('artifact_collection').set({ ...collectionCopy(previous), updated: nowMicros() }).where('id', '=', collection.id).execute();
  else await db.deleteFrom('artifact_collection').where('id', '=', collection.id).execute();
  return true;
}

// ---- filters ----------------------------------------------------------------------

export interface ArtifactFilterBody {
  flow_runs?: FlowRunFilterT | null;
  task_runs?: TaskRunFilterT | null;
  flows?: FlowFilterT | null;
  deployments?: DeploymentFilterT | null;
}

function artifactCond(fc: FilterCompiler, f: (ArtifactFilterT & ArtifactCollectionFilterT) | null | undefined, a: string): Cond | null {
  if (!f) return null;
  const key = f.key;
  return combine(
    [
      present(f.id?.any_) ? fc.inList(a, 'id', f.id.any_) : null,
      present(f.latest_id?.any_) ? fc.inList(a, 'latest_id', f.latest_id.any_) : null,
      present(key?.any_) ? fc.inList(a, 'key', key.any_) : null,
      present(key?.like_) ? fc.like(a, 'key', key.like_) : null,
      present(key?.exists_) ? fc.isNull(a, 'key', !key.exists_) : null,
      present(f.flow_run_id?.any_) ? fc.inList(a, 'flow_run_id', f.flow_run_id.any_) : null,
      present(f.task_run_id?.any_) ? fc.inList(a, 'task_run_id', f.task_run_id.any_) : null,
      present(f.type?.any_) ? fc.inList(a, 'type', f.type.any_) : null,
      present(f.type?.not_any_) ? fc.notInList(a, 'type', f.type.not_any_) : null,
    ],
    f.operator,
  );
}

/** Own criteria, plus runs (and their flow and deployment) through `flow_run_id`, task runs through `task_run_id`. */
function artifactBodyCond(db: Db, own: (ArtifactFilterT & ArtifactCollectionFilterT) | null | undefined, body: ArtifactFilterBody, a: string): Cond {
  const fc = new FilterCompiler(db.dialect);
  const conds: (Cond | null)[] = [artifactCond(fc, own, a)];
  if (present(body.flow_runs) || present(body.flows) || present(body.deployments)) {
    const fr = fc.alias('fr');
    conds.push(fc.exists(sql`flow_run as ${sql.id(fr)}`, all([sql`${fc.col(fr, 'id')} = ${fc.col(a, 'flow_run_id')}`, fc.flowRunBody({ flow_runs: body.flow_runs, flows: body.flows, deployments: body.deployments }, fr)])));
  }
  if (present(body.task_runs)) {
    const tr = fc.alias('tr');
    conds.push(fc.exists(sql`task_run as ${sql.id(tr)}`, all([sql`${fc.col(tr, 'id')} = ${fc.col(a, 'task_run_id')}`, fc.taskRun(body.task_runs, tr)])));
  }
  return all(conds);
}

/** The ORDER BY of a sort; artifacts without a key come last in both key orders, on both databases. */
function orderBy(table: 'artifact' | 'artifact_collection', sort: string | null | undefined) {
  const col = (c: string) => sql.ref(`${table}.${c}`);
  switch (sort) {
    case 'CREATED_DESC':
      return sql`${col('created')} desc`;
    case 'UPDATED_DESC':
      return sql`${col('updated')} desc`;
    case 'KEY_DESC':
      return sql`${col('key')} desc nulls last`;
    case 'KEY_ASC':
      return sql`${col('key')} asc nulls last`;
    default:
      return sql`${col('id')} desc`;
  }
}

export async function filterArtifacts(db: Db, body: ArtifactFilterBody & { artifacts?: ArtifactFilterT | null; sort?: string | null }, limit: number, offset: number) {
  const rows = await db.kysely
    .selectFrom('artifact')
    .selectAll()
    .where(artifactBodyCond(db, body.artifacts as never, body, 'artifact'))
    .orderBy(orderBy('artifact', body.sort))
    .orderBy('artifact.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(decodeArtifact);
}

export async function countArtifacts(db: Db, body: ArtifactFilterBody & { artifacts?: ArtifactFilterT | null }) {
  const row = await db.kysely
    .selectFrom('artifact')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(artifactBodyCond(db, body.artifacts as never, body, 'artifact'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function filterArtifactCollections(db: Db, body: ArtifactFilterBody & { artifacts?: ArtifactCollectionFilterT | null; sort?: string | null }, limit: number, offset: number) {
  const rows = await db.kysely
    .selectFrom('artifact_collection')
    .selectAll()
    .where(artifactBodyCond(db, body.artifacts as never, body, 'artifact_collection'))
    .orderBy(orderBy('artifact_collection', body.sort))
    .orderBy('artifact_collection.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(decodeCollection);
}

export async function countArtifactCollections(db: Db, body: ArtifactFilterBody & { artifacts?: ArtifactCollectionFilterT | null }) {
  const row = await db.kysely
    .selectFrom('artifact_collection')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(artifactBodyCond(db, body.artifacts as never, body, 'artifact_collection'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- result artifacts and the graph -------------------------------------------------

/**
 * A state's `data` that is not null, `{"type":"unpersisted"}` or a `reference` becomes a
 * result artifact of the run (contract §2). Its `artifact_key`, `artifact_type` and
 * `artifact_description` keys are removed from the state's data (in place) and become the
 * artifact's key (when it is a valid key), type (default "result") and description.
 */
export function takeResultArtifact(kind: RunKind, runId: string, state: StateRecord): ArtifactCreateT | null {
  const data = state.data;
  if (data === null || data === undefined) return null;
  if (isObject(data) && (data.type === 'unpersisted' || data.type === 'reference')) return null;
  let key: string | null = null;
  let type = 'result';
  let description: string | null = null;
  let value: unknown = data;
  if (isObject(data) && ('artifact_key' in data || 'artifact_type' in data || 'artifact_description' in data)) {
    const { artifact_key, artifact_type, artifact_description, ...rest } = data;
    if (typeof artifact_key === 'string' && artifact_key && artifact_key.length <= 500 && KEY_RE.test(artifact_key)) key = artifact_key;
    if (typeof artifact_type === 'string' && artifact_type) type = artifact_type;
    if (typeof artifact_description === 'string' && artifact_description) description = artifact_description;
    value = rest;
    state.data = rest;
  }
  return {
    key,
    type,
    description,
    data: value,
    flow_run_id: kind === 'flow' ? runId : (state.details.flow_run_id ?? null),
    task_run_id: kind === 'task' ? runId : null,
  };
}

/** Artifacts of a flow run for graph-v2: all but results, oldest first; `is_latest` = no key or latest of its key. */
export const graphArtifacts: GraphArtifactSource = async (db, flowRunId, limit) => {
  const rows = await db.kysely
    .selectFrom('artifact')
    .leftJoin('artifact_collection as c', 'c.latest_id', 'artifact.id')
    .select(['artifact.id', 'artifact.created', 'artifact.key', 'artifact.type', 'artifact.task_run_id', 'c.id as collection_id'])
    .where('artifact.flow_run_id', '=', flowRunId)
    .where((eb) => eb.or([eb('artifact.type', 'is', null), eb('artifact.type', '!=', 'result')]))
    .orderBy('artifact.created')
    .orderBy('artifact.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, created: formatDateTime(r.created), key: r.key, type: r.type, is_latest: r.key === null || r.collection_id !== null, task_run_id: r.task_run_id }));
};
