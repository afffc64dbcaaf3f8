import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Ban, GitCompare, MoreHorizontal, Pause, Play, PlayCircle, RotateCcw, Trash2 } from 'lucide-react';
import { buildCompareBaselineQuery, cancelProposal, retryProposal, useDeleteFlowRun, useResumeFlowRun, useRunAgain, useSetFlowRunState, type FlowRun } from '../../api/flow-runs.ts';
import { waitingKeyset } from '../../api/flow-run-input.ts';
import { isActiveState } from '../../api/live.ts';
import { RequireRole } from '../auth/require-role.tsx';
import { Button } from '../ui/button.tsx';
import { CopyButton } from '../ui/misc.tsx';
import { MenuItem, Popover } from '../ui/popover.tsx';
import { toast } from '../ui/toast.tsx';
import { ResumeWithInputDialog } from './resume-input.tsx';
import { ConfirmDialog, StateDialog } from './state-dialog.tsx';

/** Retry, cancel, pause/resume, change state, delete, run again, copy id. */
export function FlowRunActions({ run }: { run: FlowRun }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const setState = useSetFlowRunState();
  const resume = useResumeFlowRun();
  const remove = useDeleteFlowRun();
  const again = useRunAgain();
  const [dialog, setDialog] = useState<'state' | 'delete' | 'cancel' | 'input' | null>(null);
  // A run paused for input resumes through its input form, not in one click.
  const keyset = waitingKeyset(run);
  const active = isActiveState(run.state_type);
  const propose = (state: Parameters<typeof setState.mutate>[0]['state'], done: string) =>
    setState.mutate(
      { id: run.id, state },
      {
        onSuccess: (result) => {
          if (result.status === 'ACCEPT' || result.state?.type === state.type || (result.status === 'REJECT' && result.state && result.state.id !== run.state_id)) toast(done);
          else toast(`The server did not change the state: ${'reason' in result.details && result.details.reason ? result.details.reason : result.status}`, 'error');
          setDialog(null);
        },
      },
    );

  return (
    <>
      {!active && (
        <RequireRole role="operator">
          <Button variant="primary" disabled={setState.isPending} onClick={() => propose(retryProposal, 'Retry scheduled.')}>
            <RotateCcw aria-hidden="true" />
            Retry
          </Button>
        </RequireRole>
      )}
      {active && run.state_type !== 'CANCELLING' && (
        <RequireRole role="operator">
          <Button onClick={() => setDialog('cancel')}>
            <Ban aria-hidden="true" />
            Cancel
          </Button>
        </RequireRole>
      )}
      {run.state_type === 'RUNNING' && (
        <RequireRole role="operator">
          <Button disabled={setState.isPending} onClick={() => propose({ type: 'PAUSED', message: 'Paused from the UI' }, 'Run paused.')}>
            <Pause aria-hidden="true" />
            Pause
          </Button>
        </RequireRole>
      )}
      {run.state_type === 'PAUSED' && (
        <RequireRole role="operator">
          <Button
            disabled={resume.isPending}
            onClick={() =>
              keyset ? setDialog('input') : resume.mutate(run.id, { onSuccess: (r) => toast(r.status === 'ACCEPT' ? 'Run resumed.' : `Not resumed: ${'reason' in r.details ? r.details.reason : r.status}`, r.status === 'ACCEPT' ? 'success' : 'error') })
            }
          >
            <Play aria-hidden="true" />
            {keyset ? 'Resume…' : 'Resume'}
          </Button>
        </RequireRole>
      )}
      <CopyButton value={run.id} />
      <Popover label={<MoreHorizontal aria-hidden="true" />} buttonLabel="More actions" align="end">
        {(close) => (
          <div role="menu" aria-label="More actions">
            <RequireRole role="operator" block>
              <MenuItem
                onSelect={() => {
                  close();
                  // A deployment's run goes through its custom-run form (a worker picks it up); a run from code is re-created as is.
                  if (run.deployment_id) void navigate({ to: '/deployments/deployment/$id/run', params: { id: run.deployment_id }, search: { from: run.id } });
                  else again.mutate(run, { onSuccess: (created) => (toast(`Started ${created.name}.`), void navigate({ to: '/runs/flow-run/$id', params: { id: created.id } })) });
                }}
              >
                <PlayCircle aria-hidden="true" />
                Run again with these parameters
              </MenuItem>
            </RequireRole>
            <MenuItem
              onSelect={() => {
                close();
                // Against the last successful run of the same deployment (or flow), else the runs list to pick one.
                void queryClient.fetchQuery(buildCompareBaselineQuery(run)).then((baseline) =>
                  baseline ? navigate({ to: '/runs/compare', search: { left: baseline.id, right: run.id } }) : (toast('No other completed run to compare with: select two runs on the runs page.'), undefined),
                );
              }}
            >
              <GitCompare aria-hidden="true" />
              Compare with…
            </MenuItem>
            <RequireRole role="operator" block>
              <MenuItem onSelect={() => (close(), setDialog('state'))}>
                <PlayCircle aria-hidden="true" />
                Change state…
              </MenuItem>
            </RequireRole>
            <RequireRole role="admin" block>
              <MenuItem danger onSelect={() => (close(), setDialog('delete'))}>
                <Trash2 aria-hidden="true" />
                Delete…
              </MenuItem>
            </RequireRole>
          </div>
        )}
      </Popover>
      <ConfirmDialog open={dialog === 'cancel'} onClose={() => setDialog(null)} title="Cancel this run" confirmLabel="Cancel run" busy={setState.isPending} onConfirm={() => propose(cancelProposal, 'Cancellation requested.')}>
        A scheduled run is cancelled at once; a running one is asked to stop and moves to Cancelled when its worker confirms.
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'delete'}
        onClose={() => setDialog(null)}
        title="Delete this run"
        confirmLabel="Delete run"
        busy={remove.isPending}
        onConfirm={() => remove.mutate(run.id, { onSuccess: () => (toast(`Deleted ${run.name}.`), void navigate({ to: '/runs' })) })}
      >
        Delete {run.name} with its task runs and states? Its subflow runs stay. This cannot be undone.
      </ConfirmDialog>
      {keyset && <ResumeWithInputDialog run={run} keyset={keyset} open={dialog === 'input'} onClose={() => setDialog(null)} />}
      <StateDialog open={dialog === 'state'} onClose={() => setDialog(null)} busy={setState.isPending} onSubmit={(state) => propose(state, `State changed to ${state.type.toLowerCase()}.`)} />
    </>
  );
}
