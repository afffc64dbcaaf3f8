import { sql } from 'kysely';
import type { StateTypeName } from '../api/models/states.ts';
import { fromJson } from '../lib/json.ts';
import { formatDateTime, formatNullable, nowMicros } from '../lib/time.ts';
import type { Db } from './connection.ts';
import { decodeTaskRun, estimatedRunTime, selectTaskRuns } from './runs.ts';
import { HttpError, ObjectNotFound } from '../errors.ts';

interface GraphNode {
  kind: 'flow-run' | 'task-run';
  id: string;
  label: string;
  /** Extra: the task key (a subflow node: the key of the task that started it), so clients can group a mapped task's runs. */
  task_key: string;
  state_type: StateTypeName | null;
  start_time: string;
  end_time: string | null;
  /** Extras beyond the contract's node: the run's time actually spent RUNNING, as on TaskRun/FlowRun. */
  total_run_time: number;
  estimated_run_time: number;
  /** When the node entered its current state: a client ticks a RUNNING node's run time from it. */
  state_timestamp: string | null;
  parents: { id: string }[];
  children: { id: string }[];
  artifacts: GraphArtifact[];
}

export interface GraphArtifact {
  id: string;
  created: string;
  key: string | null;
  type: string | null;
  is_latest: boolean;
}

/** Artifacts of a run for its graph; filled in by the artifacts module. */
export type GraphArtifactSource = (db: Db, flowRunId: string, limit: number) => Promise<(GraphArtifact & { task_run_id: string | null })[]>;

let artifactSource: GraphArtifactSource = async () => [];
export function setGraphArtifactSource(source: GraphArtifactSource) {
  artifactSource = source;
}

/** Task runs a task run's `task_inputs` refer to (`{"input_type": "task_run", id}`), each once. */
export function upstreamTaskRunIds(taskInputs: string): string[] {
  const ids = new Set<string>();
  for (const refs of Object.values(fromJson<Record<string, { input_type?: string; id?: string }[] | null>>(taskInputs, {}))) {
    for (const ref of refs ?? []) if (ref?.input_type === 'task_run' && typeof ref.id === 'string') ids.add(ref.id);
  }
  return [...ids];
}

async function runOr404(db: Db, flowRunId: string) {
  const run = await db.kysely.selectFrom('flow_run').select(['id', 'start_time', 'expected_start_time', 'end_time']).where('id', '=', flowRunId).executeTakeFirst();
  if (!run) throw new ObjectNotFound(`Flow run with id ${flowRunId} not found`);
  return run;
}

/** More task runs than a graph may show → 400 (both graph versions). */
async function checkNodeCount(db: Db, flowRunId: string, maxNodes: number, countPending: boolean) {
  let q = db.kysely.selectFrom('task_run').select((eb) => eb.fn.countAll<number>().as('n')).where('flow_run_id', '=', flowRunId);
  if (!countPending) q = q.where((eb) => eb.or([eb('state_type', 'is', null), eb('state_type', '!=', 'PENDING')]));
  const { n } = await q.executeTakeFirstOrThrow();
  if (Number(n) > maxNodes) throw new HttpError(400, `The graph of flow run ${flowRunId} has more than ${maxNodes} nodes.`);
}

/**
 * `GET /flow_runs/{id}/graph` (contract §3.2, superseded by graph-v2): every task run of the
 * run with the task runs its inputs came from, ordered by start (or expected start).
 */
export async function flowRunDependencies(db: Db, flowRunId: string, maxNodes: number) {
  await runOr404(db, flowRunId);
  await checkNodeCount(db, flowRunId, maxNodes, true);
  const rows = await selectTaskRuns(db.kysely).where('task_run.flow_run_id', '=', flowRunId).execute();
  const now = nowMicros();
  const startOf = (r: (typeof rows)[number]) => r.start_time ?? r.expected_start_time ?? Infinity;
  rows.sort((a, b) => startOf(a) - startOf(b) || a.id.localeCompare(b.id));
  return rows.map((row) => {
    const t = decodeTaskRun(row, now);
    return {
      id: t.id,
      name: t.name,
      upstream_dependencies: upstreamTaskRunIds(row.task_inputs).map((id) => ({ input_type: 'task_run' as const, id })),
      state: t.state,
      expected_start_time: t.expected_start_time,
      start_time: t.start_time,
      end_time: t.end_time,
      total_run_time: t.total_run_time,
      estimated_run_time: t.estimated_run_time,
      untrackable_result: t.state?.state_details.untrackable_result ?? false,
    };
  });
}

/** `GET /flow_runs/{id}/graph-v2` (contract §3.2). */
export async function flowRunGraph(db: Db, flowRunId: string, since: number | null, maxNodes: number, maxArtifacts: number) {
  const k = db.kysely;
  const run = await runOr404(db, flowRunId);
  await checkNodeCount(db, flowRunId, maxNodes, false);

  const tasks = await k
    .selectFrom('task_run')
    .select(['id', 'name', 'task_key', 'state_type', 'state_timestamp', 'start_time', 'expected_start_time', 'end_time', 'total_run_time', 'task_inputs'])
    .where('flow_run_id', '=', flowRunId)
    .where((eb) => eb.or([eb('state_type', 'is', null), eb('state_type', '!=', 'PENDING')]))
    .where(sql<boolean>`coalesce(start_time, expected_start_time) is not null`)
    .execute();

  // A subflow replaces the task that started it.
  const subflows = tasks.length
    ? await k
        .selectFrom('flow_run as sub')
        .innerJoin('flow', 'flow.id', 'sub.flow_id')
        .select([
          'sub.id',
          'sub.name',
          'sub.parent_task_run_id',
          'sub.state_type',
          'sub.state_timestamp',
          'sub.start_time',
          'sub.expected_start_time',
          'sub.end_time',
          'sub.total_run_time',
          'flow.name as flow_name',
        ])
        .where('sub.parent_task_run_id', 'in', k.selectFrom('task_run').select('id').where('flow_run_id', '=', flowRunId))
        .execute()
    : [];
  const subflowByTask = new Map(subflows.map((s) => [s.parent_task_run_id!, s]));

  const nodeIdForTask = (taskId: string) => subflowByTask.get(taskId)?.id ?? taskId;
  interface Work {
    node: GraphNode;
    start: number;
    end: number | null;
    taskId: string;
    inputs: string;
  }
  const work: Work[] = [];
  const now = nowMicros();
  for (const t of tasks) {
    const sub = subflowByTask.get(t.id);
    const src = sub ?? t;
    const start = src.start_time ?? src.expected_start_time ?? t.start_time ?? t.expected_start_time!;
    let end = src.end_time;
    if (end === null && src.state_type === 'COMPLETED') end = src.expected_start_time;
    work.push({
      taskId: t.id,
      inputs: t.task_inputs,
      start,
      end,
      node: {
        kind: sub ? 'flow-run' : 'task-run',
        id: sub ? sub.id : t.id,
        label: sub ? `${sub.flow_name} / ${sub.name}` : t.name,
        task_key: t.task_key,
        state_type: src.state_type as StateTypeName | null,
        start_time: formatDateTime(start),
        end_time: formatNullable(end),
        // Start to end spans the waits between attempts; these are the time it actually ran.
        total_run_time: src.total_run_time,
        estimated_run_time: estimatedRunTime(src, now),
        state_timestamp: formatNullable(src.state_timestamp),
        parents: [],
        children: [],
        artifacts: [],
      },
    });
  }
  work.sort((a, b) => a.start - b.start || (a.end ?? Infinity) - (b.end ?? Infinity));
  const byId = new Map(work.map((w) => [w.node.id, w]));
  const order = new Map(work.map((w, i) => [w.node.id, i]));

  for (const w of work) {
    const parentIds = new Set(upstreamTaskRunIds(w.inputs).map(nodeIdForTask).filter((pid) => pid !== w.node.id && byId.has(pid)));
    for (const pid of parentIds) {
      w.node.parents.push({ id: pid });
      byId.get(pid)!.node.children.push({ id: w.node.id });
    }
  }
  const byStart = (a: { id: string }, b: { id: string }) => order.get(a.id)! - order.get(b.id)!;
  for (const w of work) {
    w.node.parents.sort(byStart);
    w.node.children.sort(byStart);
  }

  const graphArtifacts: GraphArtifact[] = [];
  const nodeByTask = new Map(work.map((w) => [w.taskId, w.node]));
  for (const { task_run_id, ...artifact } of await artifactSource(db, flowRunId, maxArtifacts)) {
    const node = task_run_id ? nodeByTask.get(task_run_id) : undefined;
    (node ? node.artifacts : graphArtifacts).push(artifact);
  }

  // `since` leaves out nodes that ended before it, after edges and artifacts were worked out
  // over all of them: a new node still names its finished parents (a client merges it in).
  const shown = since === null ? work : work.filter((w) => w.end === null || w.end >= since);
  const states = await k.selectFrom('flow_run_state').select(['id', 'timestamp', 'type', 'name']).where('flow_run_id', '=', flowRunId).orderBy('timestamp').execute();
  const start = run.start_time ?? run.expected_start_time ?? nowMicros();
  return {
    start_time: formatDateTime(start),
    end_time: formatNullable(run.end_time),
    root_node_ids: shown.filter((w) => w.node.parents.length === 0).map((w) => w.node.id),
    nodes: shown.map((w) => [w.node.id, w.node] as [string, GraphNode]),
    artifacts: graphArtifacts,
    states: states.map((s) => ({ id: s.id, timestamp: formatDateTime(s.timestamp), type: s.type as StateTypeName, name: s.name })),
  };
}
