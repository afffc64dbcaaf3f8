import { HeartCrack } from 'lucide-react';
import type { FlowRun } from '../../api/flow-runs.ts';

/** How the server's heartbeat check words a Crashed state (server/services/crashed-runs.ts). */
const NO_HEARTBEAT = /^No heartbeat since /;

/** Above a Crashed run's state message: what Crashed means here, in words a user can act on. */
export function CrashedExplanation({ run }: { run: FlowRun }) {
  if (run.state_type !== 'CRASHED') return null;
  const silent = NO_HEARTBEAT.test(run.state?.message ?? '');
  return (
    <section aria-label="Why this run crashed" className="mb-2 flex items-start gap-3 rounded-md border border-state-crashed/40 bg-state-crashed/10 px-3 py-2">
      <HeartCrack className="mt-0.5 size-5 shrink-0 text-state-crashed" aria-hidden="true" />
      <div className="min-w-0">
        <p className="font-medium">{silent ? 'The run stopped sending heartbeats' : 'The run crashed'}</p>
        <p className="text-fg-muted">
          {silent
            ? 'Its process, or the worker that started it, went away without reporting a final state, so the server marked it Crashed after three missed heartbeats. The message below says when the last one came and from where.'
            : 'Its process or infrastructure stopped before the run reported a final state.'}
          {run.deployment_id && ' Retry the run to start it again.'}
        </p>
      </div>
    </section>
  );
}
