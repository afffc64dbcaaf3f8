import { clsx } from 'clsx';
import { needsRole, useCan } from '../../api/auth.ts';
import { useUpdateDeployment, type Deployment } from '../../api/deployments.ts';
import { toast } from '../ui/toast.tsx';

/** Pauses or resumes a deployment's schedules (its runs on demand still work). */
export function PausedSwitch({ deployment }: { deployment: Deployment }) {
  const update = useUpdateDeployment();
  const can = useCan('admin');
  const paused = update.isPending ? !deployment.paused : deployment.paused;
  // On = schedules running, as every switch here reads (an "Active" label beside an off switch contradicts itself).
  return (
    <label className={clsx('inline-flex items-center gap-2', !can && 'cursor-not-allowed')} title={can ? undefined : needsRole('admin')}>
      <button
        type="button"
        role="switch"
        aria-checked={!paused}
        aria-label={`Active: ${deployment.name}`}
        disabled={update.isPending || !can}
        onClick={() => update.mutate({ id: deployment.id, body: { paused: !deployment.paused } }, { onSuccess: () => toast(`${deployment.paused ? 'Resumed' : 'Paused'} ${deployment.name}.`) })}
        className={clsx('relative inline-flex h-4 w-7 shrink-0 items-center rounded-full border transition-colors disabled:opacity-60', paused ? 'border-border-strong bg-surface-hover' : 'border-success bg-success')}
      >
        <span className={clsx('inline-block size-3 rounded-full bg-surface-raised shadow transition-transform', paused ? 'translate-x-0.5' : 'translate-x-3.5')} />
      </button>
      <span className={clsx('text-xs', paused ? 'text-state-paused' : 'text-fg-muted')}>{paused ? 'Paused' : 'Active'}</span>
    </label>
  );
}
