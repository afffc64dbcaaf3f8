import { useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { Pause, Play, Trash2 } from 'lucide-react';
import { useDeleteWorkPool, useUpdateWorkPool, type WorkPool } from '../../api/work-pools.ts';
import { RequireRole } from '../auth/require-role.tsx';
import { Button } from '../ui/button.tsx';
import { toast } from '../ui/toast.tsx';
import { ConfirmDialog } from '../flow-runs/state-dialog.tsx';

/** Pause or resume a pool: a paused pool hands out no runs. */
export function PausePoolButton({ pool, compact }: { pool: WorkPool; compact?: boolean }) {
  const update = useUpdateWorkPool();
  const paused = pool.is_paused;
  const label = `${paused ? 'Resume' : 'Pause'}${compact ? ` ${pool.name}` : ' work pool'}`;
  return (
    <RequireRole role="admin">
      <Button
        aria-label={label}
        title={label}
        disabled={update.isPending}
        onClick={() => update.mutate({ name: pool.name, body: { is_paused: !paused } }, { onSuccess: () => toast(`${paused ? 'Resumed' : 'Paused'} ${pool.name}.`) })}
      >
        {paused ? <Play aria-hidden="true" /> : <Pause aria-hidden="true" />}
        {!compact && (paused ? 'Resume' : 'Pause')}
      </Button>
    </RequireRole>
  );
}

/** Delete with a confirmation that says what goes with the pool; `after` runs once it is gone. */
export function DeletePoolButton({ pool, compact, after }: { pool: WorkPool; compact?: boolean; after?: () => void }) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteWorkPool();
  const navigate = useNavigate();
  return (
    <>
      <RequireRole role="admin">
        <Button aria-label={compact ? `Delete ${pool.name}` : 'Delete work pool'} title={`Delete ${pool.name}`} onClick={() => setOpen(true)}>
          <Trash2 aria-hidden="true" />
          {!compact && 'Delete'}
        </Button>
      </RequireRole>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title="Delete work pool"
        confirmLabel="Delete work pool"
        busy={remove.isPending}
        onConfirm={() =>
          remove.mutate(pool.name, {
            onSuccess: () => {
              setOpen(false);
              toast(`Deleted ${pool.name}.`);
              if (after) after();
              else void navigate({ to: '/work-pools' });
            },
          })
        }
      >
        Delete <span className="font-medium text-fg">{pool.name}</span>? Its queues and worker records go with it; its deployments stay but no worker picks up their runs until they target
        another pool. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
