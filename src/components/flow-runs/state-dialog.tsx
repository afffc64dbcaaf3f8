import { useState } from 'react';
import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { Input, Select } from '../ui/form.tsx';
import type { StateProposal, StateType } from '../../api/flow-runs.ts';
import { STATE_TYPES } from '../../lib/run-filters.ts';
import { titleCase } from '../ui/state-badge.tsx';


/** "Change state": any state type with an optional reason (sent as the state message). */
export function StateDialog({ open, onClose, onSubmit, count, busy }: { open: boolean; onClose: () => void; onSubmit: (state: StateProposal) => void; count?: number; busy?: boolean }) {
  const [type, setType] = useState<StateType>('COMPLETED');
  const [reason, setReason] = useState('');
  const subject = count === undefined ? 'this run' : `${count} selected run${count === 1 ? '' : 's'}`;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Change state"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={busy} onClick={() => onSubmit({ type, message: reason.trim() || null })}>
            Change state
          </Button>
        </>
      }
    >
      <p className="mb-3 text-fg-muted">Moves {subject} to a new state, bypassing the orchestration rules.</p>
      <div className="grid gap-3">
        <label className="grid gap-1">
          <span className="font-medium">New state</span>
          <Select value={type} onChange={(e) => setType(e.target.value as StateType)}>
            {STATE_TYPES.map((t) => (
              <option key={t} value={t}>
                {titleCase(t)}
              </option>
            ))}
          </Select>
        </label>
        <label className="grid gap-1">
          <span className="font-medium">Reason (optional)</span>
          <Input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Shown as the state's message" maxLength={500} />
        </label>
      </div>
    </Dialog>
  );
}

/** A confirmation for destructive actions. */
export function ConfirmDialog({ open, onClose, onConfirm, title, children, confirmLabel, busy }: { open: boolean; onClose: () => void; onConfirm: () => void; title: string; children: React.ReactNode; confirmLabel: string; busy?: boolean }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      footer={
        <>
          <Button onClick={onClose}>Keep</Button>
          <Button variant="primary" className="!bg-danger !text-accent-fg" disabled={busy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className="text-fg-muted">{children}</div>
    </Dialog>
  );
}
