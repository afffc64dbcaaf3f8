import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { ChevronDown, Pencil, Play, Rocket, SlidersHorizontal, Trash2 } from 'lucide-react';
import { useDeleteDeployments, type Deployment } from '../../api/deployments.ts';
import { RequireRole } from '../auth/require-role.tsx';
import { buttonClassName } from '../ui/button.tsx';
import { Button } from '../ui/button.tsx';
import { CopyButton } from '../ui/misc.tsx';
import { toast } from '../ui/toast.tsx';
import { ConfirmDialog } from '../flow-runs/state-dialog.tsx';
import { PausedSwitch } from './paused-switch.tsx';
import { useQuickRun } from './use-quick-run.ts';

/**
 * Run ▾ (quick run with the defaults, or the custom-run form), pause, edit, delete. A quick
 * run whose required parameters have no value opens the form instead.
 */
export function DeploymentActions({ deployment: d, flowName }: { deployment: Deployment; flowName?: string }) {
  const navigate = useNavigate();
  const quick = useQuickRun();
  const remove = useDeleteDeployments();
  const [confirm, setConfirm] = useState(false);
  return (
    <>
      <RunMenu busy={quick.busy} onQuick={() => quick.start(d)} onCustom={() => void navigate({ to: '/deployments/deployment/$id/run', params: { id: d.id } })} />
      <PausedSwitch deployment={d} />
      <RequireRole role="admin">
        <Link to="/deployments/deployment/$id/edit" params={{ id: d.id }} className={buttonClassName()}>
          <Pencil aria-hidden="true" />
          Edit
        </Link>
      </RequireRole>
      <CopyButton value={d.id} />
      <RequireRole role="admin">
        <Button aria-label="Delete deployment" onClick={() => setConfirm(true)}>
          <Trash2 aria-hidden="true" />
          Delete
        </Button>
      </RequireRole>
      <ConfirmDialog
        open={confirm}
        onClose={() => setConfirm(false)}
        title="Delete deployment"
        confirmLabel="Delete deployment"
        busy={remove.isPending}
        onConfirm={() => remove.mutate([d.id], { onSuccess: () => (toast(`Deleted ${d.name}.`), void navigate({ to: '/deployments' })) })}
      >
        Delete {flowName ? `${flowName}/` : ''}
        {d.name}? Its scheduled runs are deleted too; past runs stay. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}

const ITEM = 'flex h-7 w-full items-center gap-2 rounded px-2 text-left hover:bg-surface-hover [&_svg]:size-3.5';

/** The primary "Run ▾" button and its menu; closes on Escape or a click outside. */
function RunMenu({ busy, onQuick, onCustom }: { busy: boolean; onQuick: () => void; onCustom: () => void }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => ref.current && !ref.current.contains(e.target as Node) && setOpen(false);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  const pick = (action: () => void) => {
    setOpen(false);
    action();
  };
  return (
    <div ref={ref} className="relative">
      <RequireRole role="operator">
        <Button variant="primary" aria-haspopup="menu" aria-expanded={open} disabled={busy} onClick={() => setOpen((o) => !o)}>
          <Play aria-hidden="true" />
          {busy ? 'Starting…' : 'Run'}
          <ChevronDown aria-hidden="true" />
        </Button>
      </RequireRole>
      {open && (
        <div role="menu" aria-label="Run" className="absolute top-full right-0 z-30 mt-1 min-w-64 rounded-md border border-border bg-surface-raised p-1 shadow-lg">
          <button type="button" role="menuitem" className={ITEM} onClick={() => pick(onQuick)}>
            <Rocket aria-hidden="true" />
            Quick run
            <span className="ml-auto text-xs text-fg-muted">with the defaults</span>
          </button>
          <button type="button" role="menuitem" className={ITEM} onClick={() => pick(onCustom)}>
            <SlidersHorizontal aria-hidden="true" />
            Custom run…
          </button>
        </div>
      )}
    </div>
  );
}
