import { runPlace } from '../../lib/run-place.ts';
import { lazy, Suspense, useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { buildArtifactsCountQuery } from '../../api/artifacts.ts';
import { buildDeploymentDetailQuery } from '../../api/deployments.ts';
import { buildFlowDetailQuery } from '../../api/flows.ts';
import { buildFlowRunCountQuery, buildFlowRunDetailQuery, type FlowRun } from '../../api/flow-runs.ts';
import { isActiveState, useFlowRunLive } from '../../api/live.ts';
import { buildTaskRunCountQuery, buildTaskRunDetailQuery } from '../../api/task-runs.ts';
import type { FlowRunSearch, FlowRunTab } from '../../lib/run-page-search.ts';
import { Card } from '../ui/card.tsx';
import { TagList } from '../ui/misc.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { StateBadge } from '../ui/state-badge.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { Tabs } from '../ui/tabs.tsx';
import { DateTime, RunDuration } from '../ui/time.tsx';
import { RunArtifacts, runArtifactsFilter } from '../artifacts/run-artifacts.tsx';
import { LogView } from '../logs/log-view.tsx';
import { useRunLogTotal } from '../logs/use-run-log-total.ts';
import { RunAttempts } from '../runs/run-attempts.tsx';
import { TaskRunsTable } from '../task-runs/task-runs-table.tsx';
import { FlowRunActions } from './flow-run-actions.tsx';
import { FlowRunsTable } from './flow-runs-table.tsx';
import { PausedForInputBanner } from './resume-input.tsx';
import { CrashedExplanation } from './crashed-explanation.tsx';
import { DelayExplanationPanel } from './delay-explanation.tsx';
import { DetailsTab, ParametersTab } from './flow-run-tabs.tsx';
import { WatchingAutomations } from '../automations/watching-automations.tsx';

// Heavy parts load on demand: React Flow + elkjs for the graph, the Gantt.
const RunGraph = lazy(() => import('../graph/run-graph.tsx'));
const RunTimeline = lazy(() => import('../timeline/run-timeline.tsx'));

export function FlowRunPage({ id, search, onSearch }: { id: string; search: FlowRunSearch; onSearch: (next: FlowRunSearch) => void }) {
  const run = useQuery(buildFlowRunDetailQuery(id));
  const active = isActiveState(run.data?.state_type);
  useFlowRunLive(id, active);

  if (run.isError) {
    const notFound = (run.error as { status?: number }).status === 404;
    return notFound ? (
      <EmptyState title="Flow run not found">
        No flow run has the id {id}. It may have been deleted. <Link to="/runs" className="text-accent hover:underline">Back to runs</Link>
      </EmptyState>
    ) : (
      <ErrorState error={run.error} onRetry={() => void run.refetch()} title="Could not load the flow run" />
    );
  }
  if (!run.data) return <HeaderSkeleton />;
  return <Loaded run={run.data} search={search} onSearch={onSearch} active={active} />;
}

function HeaderSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading the flow run" className="grid gap-3">
      <Skeleton className="w-40" />
      <Skeleton className="h-6 w-80" />
      <Skeleton className="w-full max-w-2xl" />
    </div>
  );
}

function Loaded({ run, search, onSearch, active }: { run: FlowRun; search: FlowRunSearch; onSearch: (next: FlowRunSearch) => void; active: boolean }) {
  const flow = useQuery(buildFlowDetailQuery(run.flow_id));
  const tab: FlowRunTab = search.tab ?? 'graph';
  const taskFilter = { task_runs: { flow_run_id: { any_: [run.id] } } };
  const subflowFilter = { flow_runs: { parent_flow_run_id: { any_: [run.id] } } };
  const taskCount = useQuery(buildTaskRunCountQuery(taskFilter));
  const subflowCount = useQuery(buildFlowRunCountQuery(subflowFilter));
  const artifactCount = useQuery(buildArtifactsCountQuery(runArtifactsFilter(run.id)));
  const logCount = useRunLogTotal(run.id);
  const setTab = (next: FlowRunTab) => onSearch({ tab: next === 'graph' ? undefined : next, task: search.task });
  const onLogSearch = useCallback((patch: FlowRunSearch) => onSearch({ ...search, ...patch }), [onSearch, search]);
  const setPage = useCallback((page: number) => onSearch({ ...search, page }), [onSearch, search]);

  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: 'Runs', to: '/runs' }, ...(flow.data ? [{ label: flow.data.name, to: '/flows/flow/$id', params: { id: run.flow_id } }] : []), { label: run.name }]}
        title={run.name}
        badge={<StateBadge type={run.state_type} name={run.state_name} />}
        actions={<FlowRunActions run={run} />}
      />
      <RunMeta run={run} flowName={flow.data?.name} />
      <PausedForInputBanner run={run} />
      <CrashedExplanation run={run} />
      <DelayExplanationPanel run={run} />
      {run.state?.message && (
        <p className="mb-4 rounded-md border border-border bg-surface-raised px-3 py-2 font-mono text-xs break-words whitespace-pre-wrap" aria-label="State message">
          {run.state.message}
        </p>
      )}
      <RunAttempts kind="flow-run" run={run} className="mb-4" />
      <WatchingAutomations resourceId={`syntask.flow-run.${run.id}`} newFor={`syntask.flow.${run.flow_id}`} />
      <Card>
        <Tabs
          label="Flow run views"
          value={tab}
          onSelect={setTab}
          items={[
            { id: 'graph', label: 'Graph' },
            { id: 'timeline', label: 'Timeline' },
            { id: 'logs', label: 'Logs', count: logCount },
            { id: 'task-runs', label: 'Task runs', count: taskCount.data },
            { id: 'subflow-runs', label: 'Subflow runs', count: subflowCount.data },
            // Only when the run published any (or the URL asks for the tab).
            ...(artifactCount.data || tab === 'artifacts' ? [{ id: 'artifacts' as const, label: 'Artifacts', count: artifactCount.data }] : []),
            { id: 'parameters', label: 'Parameters' },
            { id: 'details', label: 'Details' },
          ]}
        />
        <div role="tabpanel" aria-label={tab}>
          <Suspense fallback={<Skeleton className="m-3 h-96 w-[calc(100%-1.5rem)]" />}>
            {tab === 'graph' && <RunGraph run={run} selected={search.task} onSelect={(task) => onSearch({ ...search, task })} layout={search.graph ?? 'layered'} onLayout={(graph) => onSearch({ ...search, graph: graph === 'time' ? graph : undefined })} />}
            {tab === 'timeline' && <RunTimeline run={run} />}
          </Suspense>
          {tab === 'logs' && <LogView flowRunId={run.id} liveRunId={run.id} active={active} search={search} onSearch={onLogSearch} downloadName={`${run.name}-logs`} />}
          {tab === 'task-runs' && <TaskRunsTable filter={taskFilter} sort="EXPECTED_START_TIME_ASC" page={search.page ?? 1} pageSize={50} onPage={setPage} emptyText="This run has not started any task yet." />}
          {tab === 'subflow-runs' && (
            <FlowRunsTable filter={subflowFilter} sort="START_TIME_ASC" page={search.page ?? 1} pageSize={50} onPage={setPage} label="Subflow runs" empty={<EmptyState title="No subflow runs">Flows this run calls as subflows appear here.</EmptyState>} />
          )}
          {tab === 'artifacts' && <RunArtifacts flowRunId={run.id} page={search.page ?? 1} onPage={setPage} />}
          {tab === 'parameters' && <ParametersTab run={run} />}
          {tab === 'details' && <DetailsTab run={run} />}
        </div>
      </Card>
    </>
  );
}

function RunMeta({ run, flowName }: { run: FlowRun; flowName?: string }) {
  const parentTask = useQuery({ ...buildTaskRunDetailQuery(run.parent_task_run_id ?? ''), enabled: !!run.parent_task_run_id });
  const deployment = useQuery({ ...buildDeploymentDetailQuery(run.deployment_id ?? ''), enabled: !!run.deployment_id, retry: false });
  const item = 'flex items-center gap-1.5 whitespace-nowrap';
  const label = 'text-fg-muted';
  const place = runPlace(run);
  return (
    <div className="mb-4 flex flex-wrap items-center gap-x-5 gap-y-2 text-sm" aria-label="Run summary">
      <span className={item}>
        <span className={label}>Duration</span> <RunDuration run={run} />
      </span>
      <span className={item}>
        <span className={label}>{run.start_time ? 'Started' : 'Scheduled for'}</span> <DateTime value={run.start_time ?? run.expected_start_time} style="seconds" />
      </span>
      {run.end_time && (
        <span className={item}>
          <span className={label}>Ended</span> <DateTime value={run.end_time} style="seconds" />
        </span>
      )}
      <span className={item}>
        <span className={label}>Flow</span>
        <Link to="/flows/flow/$id" params={{ id: run.flow_id }} className="text-accent hover:underline">
          {flowName ?? '…'}
        </Link>
      </span>
      {run.deployment_id && (
        <span className={item}>
          <span className={label}>Deployment</span>
          <Link to="/deployments/deployment/$id" params={{ id: run.deployment_id }} className="text-accent hover:underline">
            {deployment.data?.name ?? (deployment.isError ? <span className="font-mono text-xs">{run.deployment_id.slice(0, 8)} (deleted)</span> : '…')}
          </Link>
        </span>
      )}
      {run.work_pool_name && (
        <span className={item}>
          <span className={label}>Work pool</span>
          <Link to="/work-pools/work-pool/$name" params={{ name: run.work_pool_name }} className="text-accent hover:underline">
            {run.work_pool_name}
          </Link>
        </span>
      )}
      {place && (
        <span className={item} title={place.detail}>
          <span className={label}>Ran on</span> {place.summary}
        </span>
      )}
      {run.parent_task_run_id && (
        <span className={item}>
          <span className={label}>Parent run</span>
          {parentTask.data?.flow_run_id ? (
            <Link to="/runs/flow-run/$id" params={{ id: parentTask.data.flow_run_id }} className="font-mono text-xs text-accent hover:underline">
              {parentTask.data.flow_run_id.slice(0, 8)}
            </Link>
          ) : (
            <span className="text-fg-muted">…</span>
          )}
        </span>
      )}
      {run.tags.length > 0 && (
        <span className="inline-flex items-center gap-1.5">
          <span className="text-fg-muted">Tags</span>
          <TagList tags={run.tags} />
        </span>
      )}
    </div>
  );
}
