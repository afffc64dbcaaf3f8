import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Hourglass } from 'lucide-react';
import { useSetDeploymentsPaused } from '../../api/deployments.ts';
import { buildDelayExplanationsQuery, flowRunKeys, type DelayExplanation, type FlowRun } from '../../api/flow-runs.ts';
import { useFeatureFlags } from '../../api/server.ts';
import { useUpdateWorkPool, useUpdateWorkQueue } from '../../api/work-pools.ts';
import { RequireRole } from '../auth/require-role.tsx';
import { Button } from '../ui/button.tsx';

/** Something a person switched off or a limit holds the run: worth saying even before it is due. */
const HELD = new Set(['deployment_paused', 'work_pool_paused', 'work_queue_paused', 'work_pool_full', 'work_queue_full', 'tag_limit_full', 'global_limit_full', 'awaiting_retry']);

export const isWorthShowing = (e: DelayExplanation | null | undefined): e is DelayExplanation => Boolean(e && (e.late || HELD.has(e.code)));

/** Why a Scheduled or Pending run has not started, or which limit holds a Running one, with the action that resolves it (run page). */
export function DelayExplanationPanel({ run }: { run: FlowRun }) {
  const flags = useFeatureFlags();
  const running = run.state_type === 'RUNNING';
  const asked = running || run.state_type === 'SCHEDULED' || run.state_type === 'PENDING';
  const query = useQuery(buildDelayExplanationsQuery([run.id], asked && Boolean(flags?.has('flow_run_delay_explanation'))));
  const explanation = query.data?.[run.id];
  if (!asked || !isWorthShowing(explanation)) return null;
  return (
    <section
      aria-label={running ? 'What holds this run' : 'Why this run has not started'}
      className="mb-2 flex items-start gap-3 rounded-md border border-state-late/40 bg-state-late/10 px-3 py-2"
    >
      <Hourglass className="mt-0.5 size-5 shrink-0 text-state-late" aria-hidden="true" />
      <div className="min-w-0 flex-1">
        <p className="font-medium">{explanation.title}</p>
        <p className="text-fg-muted">{explanation.detail}</p>
      </div>
      <DelayActionButton explanation={explanation} />
    </section>
  );
}

/** The fix: resume what is paused, or go where the cause is. */
export function DelayActionButton({ explanation }: { explanation: DelayExplanation }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: flowRunKeys.delaysAll() });
  const resumeDeployments = useSetDeploymentsPaused();
  const updatePool = useUpdateWorkPool();
  const updateQueue = useUpdateWorkQueue();
  const action = explanation.action;
  if (!action) return null;
  const pending = resumeDeployments.isPending || updatePool.isPending || updateQueue.isPending;
  const resume = (label: string, run: () => Promise<unknown>) => (
    <RequireRole role="operator">
      <Button variant="primary" disabled={pending} onClick={() => void run().then(refresh)}>
        {label}
      </Button>
    </RequireRole>
  );
  switch (action.kind) {
    case 'resume_deployment':
      return resume('Resume deployment', () => resumeDeployments.mutateAsync({ ids: [action.deployment_id!], paused: false }));
    case 'resume_work_pool':
      return resume('Resume work pool', () => updatePool.mutateAsync({ name: action.work_pool_name!, body: { is_paused: false } }));
    case 'resume_work_queue':
      return resume('Resume work queue', () => updateQueue.mutateAsync({ pool: action.work_pool_name!, name: action.work_queue_name!, body: { is_paused: false } }));
    case 'open_work_pool':
      return (
        <Link to="/work-pools/work-pool/$name" params={{ name: action.work_pool_name! }} className="shrink-0 text-sm text-accent hover:underline">
          Open work pool
        </Link>
      );
    case 'open_global_limits':
      return (
        <Link to="/concurrency-limits" search={{ tab: 'global' }} className="shrink-0 text-sm text-accent hover:underline">
          Open global limits
        </Link>
      );
    case 'show_runs':
      return (
        <span className="flex shrink-0 flex-col items-end gap-0.5 text-sm">
          {action.flow_run_ids!.slice(0, 3).map((id) => (
            <Link key={id} to="/runs/flow-run/$id" params={{ id }} className="font-mono text-xs text-accent hover:underline">
              {id.slice(0, 8)}
            </Link>
          ))}
        </span>
      );
  }
}
