import { clsx } from 'clsx';
import { needsRole, useCan } from '../../api/auth.ts';
import { useSetAutomationEnabled, type Automation } from '../../api/automations.ts';
import { toast } from '../ui/toast.tsx';

/** Turns an automation on or off (`PATCH {enabled}`); the server may refuse to enable one that would loop. */
export function EnabledSwitch({ automation }: { automation: Pick<Automation, 'id' | 'name' | 'enabled'> }) {
  const update = useSetAutomationEnabled();
  const can = useCan('admin');
  const enabled = update.isPending ? !automation.enabled : automation.enabled;
  return (
    <label className={clsx('inline-flex items-center gap-2', !can && 'cursor-not-allowed')} title={can ? undefined : needsRole('admin')}>
      <button
        type="button"
        role="switch"
        aria-checked={enabled}
        aria-label={`Enabled: ${automation.name}`}
        disabled={update.isPending || !can}
        onClick={() => update.mutate({ id: automation.id, enabled: !automation.enabled }, { onSuccess: () => toast(`${automation.enabled ? 'Disabled' : 'Enabled'} ${automation.name}.`) })}
        className={clsx('relative inline-flex h-4 w-7 shrink-0 items-center rounded-full border transition-colors disabled:opacity-60', enabled ? 'border-success bg-success' : 'border-border-strong bg-surface-hover')}
      >
        <span className={clsx('inline-block size-3 rounded-full bg-surface-raised shadow transition-transform', enabled ? 'translate-x-3.5' : 'translate-x-0.5')} />
      </button>
      <span className="text-xs text-fg-muted">{enabled ? 'Enabled' : 'Disabled'}</span>
    </label>
  );
}
