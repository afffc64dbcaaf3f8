import { sql } from 'kysely';
import type { StateTypeName } from '../api/models/states.ts';
import { fromJson } from '../lib/json.ts';
import { formatDateTime, formatNullable, nowMicros } from '../lib/time.ts';
import type { Db } from './connection.ts';
import { HttpError, ObjectNotFound } from '../errors.ts';

interface GraphNode {
  kind: 'flow-run' | 'task-run';
  id: string;
  label: string;
  state_type: StateTypeName | null;
  start_time: string;
  end_time: string | null;
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

/** `GET /flow_runs/{id}/graph-v2` (contract §3.2). */
export async function flowRunGraph(db: Db, flowRunId: string, since: number | null, maxNodes: number, maxArtifacts: number) {
  const k = db.kysely;
  const run = await k.selectFrom('flow_run').select(['id', 'start_time', 'expected_start_time', 'end_time']).where('id', '=', flowRunId).executeTakeFirst();
  if (!run) throw new ObjectNotFound(`Flow run with id ${flowRunId} not found`);

  const { n } = await k
    .selectFrom('task_run')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('flow_run_id', '=', flowRunId)
    .where((eb) => eb.or([eb('state_type', 'is', null), eb('state_type', '!=', 'PENDING')]))
    .executeTakeFirstOrThrow();
  if (Number(n) > maxNodes) throw new HttpError(400, `The graph of flow run ${flowRunId} has more than ${maxNodes} nodes.`);

  const tasks = await k
    .selectFrom('task_run')
    .select(['id', 'name', 'state_type', 'start_time', 'expected_start_time', 'end_time', 'task_inputs'])
    .where('flow_run_id', '=', flowRunId)
    .where((eb) => eb.or([eb('state_type', 'is', null), eb('state_type', '!=', 'PENDING')]))
    .where(sql<boolean>`coalesce(start_time, expected_start_time) is not null`)
    .execute();

  // A subflow replaces the task that started it.
  const subflows = tasks.length
    ? await k
        .selectFrom('flow_run as sub')
        .innerJoin('flow', 'flow.id', 'sub.flow_id')
        .select(['sub.id', 'sub.name', 'sub.parent_task_run_id', 'sub.state_type', 'sub.start_time', 'sub.expected_start_time', 'sub.end_time', 'flow.name as flow_name'])
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
  for (const t of tasks) {
    const sub = subflowByTask.get(t.id);
    const src = sub ?? t;
    const start = src.start_time ?? src.expected_start_time ?? t.start_time ?? t.expected_start_time!;
    let end = src.end_time;
    if (end === null && src.state_type === 'COMPLETED') end = src.expected_start_time;
    if (since !== null && end !== null && end < since) continue;
    work.push({
      taskId: t.id,
      inputs: t.task_inputs,
      start,
      end,
      node: {
        kind: sub ? 'flow-run' : 'task-run',
        id: sub ? sub.id : t.id,
        label: sub ? `${sub.flow_name} / ${sub.name}` : t.name,
        state_type: src.state_type as StateTypeName | null,
        start_time: formatDateTime(start),
        end_time: formatNullable(end),
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
    const parentIds = new Set<string>();
    for (const refs of Object.values(fromJson<Record<string, { input_type: string; id?: string }[]>>(w.inputs, {}))) {
      for (const ref of refs ?? []) {
        if (ref.input_type !== 'task_run' || !ref.id) continue;
        const pid = nodeIdForTask(ref.id);
        if (pid !== w.node.id && byId.has(pid)) parentIds.add(pid);
      }
    }
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

  const states = await k.selectFrom('flow_run_state').select(['id', 'timestamp', 'type', 'name']).where('flow_run_id', '=', flowRunId).orderBy('timestamp').execute();
  const start = run.start_time ?? run.expected_start_time ?? nowMicros();
  return {
    start_time: formatDateTime(start),
    end_time: formatNullable(run.end_time),
    root_node_ids: work.filter((w) => w.node.parents.length === 0).map((w) => w.node.id),
    nodes: work.map((w) => [w.node.id, w.node] as [string, GraphNode]),
    artifacts: graphArtifacts,
    states: states.map((s) => ({ id: s.id, timestamp: formatDateTime(s.timestamp), type: s.type as StateTypeName, name: s.name })),
  };
}
