import type { ReactNode } from 'react';
import { PlayCircle, Trash2 } from 'lucide-react';
import { RequireRole } from '../auth/require-role.tsx';
import { Button } from './button.tsx';

export interface BulkActionsProps {
  /** How many rows are selected. */
  count: number;
  /** Shows "Change state" (operators). */
  onChangeState?: () => void;
  /** Shows "Delete" (admins). */
  onDelete?: () => void;
  /** Shows "Clear selection" at the end. */
  onClear?: () => void;
  /** A list's own actions, before the common ones (flow runs: Cancel; deployments: Pause, Resume). */
  children?: ReactNode;
}

/** The toolbar over a list with selected rows: its own actions, then the common, role-gated ones. */
export function BulkActions({ count, onChangeState, onDelete, onClear, children }: BulkActionsProps) {
  return (
    <div role="toolbar" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 border-b border-border bg-accent/5 px-3 py-2">
      <span className="font-medium tabular-nums">{count} selected</span>
      {children}
      {onChangeState && (
        <RequireRole role="operator">
          <Button onClick={onChangeState}>
            <PlayCircle aria-hidden="true" />
            Change state
          </Button>
        </RequireRole>
      )}
      {onDelete && (
        <RequireRole role="admin">
          <Button onClick={onDelete}>
            <Trash2 aria-hidden="true" />
            Delete
          </Button>
        </RequireRole>
      )}
      {onClear && (
        <Button className="ml-auto" onClick={onClear}>
          Clear selection
        </Button>
      )}
    </div>
  );
}
