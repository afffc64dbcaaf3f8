import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { buildFlowRunsQuery, type FlowRun } from '../../api/flow-runs.ts';

/** Flow runs by id in one request, to name the runs that made a page of artifacts. */
export function useFlowRunsById(ids: (string | null)[]): Map<string, FlowRun> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))].sort();
  const runs = useQuery({ ...buildFlowRunsQuery({ flow_runs: { id: { any_: unique } }, limit: Math.max(1, Math.min(200, unique.length)) }), enabled: unique.length > 0 });
  return new Map((runs.data ?? []).map((r) => [r.id, r]));
}

/** A link to the flow run that made an artifact, by name once known (a deleted run shows its id). */
export function FlowRunLink({ id, run }: { id: string | null; run?: FlowRun }) {
  if (!id) return <span className="text-fg-muted">—</span>;
  return (
    <Link to="/runs/flow-run/$id" params={{ id }} className="text-accent hover:underline">
      {run?.name ?? id.slice(0, 8)}
    </Link>
  );
}
