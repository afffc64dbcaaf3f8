import { useState } from 'react';
import { CalendarClock, Pencil, Plus, Trash2 } from 'lucide-react';
import { useCreateSchedule, useDeleteSchedule, useUpdateSchedule, type Deployment, type DeploymentSchedule } from '../../api/deployments.ts';
import { describeSchedule, scheduleKind } from '../../lib/schedules.ts';
import { needsRole, useCan } from '../../api/auth.ts';
import { RequireRole } from '../auth/require-role.tsx';
import { Button } from '../ui/button.tsx';
import { Card, CardHeader } from '../ui/card.tsx';
import { Checkbox } from '../ui/form.tsx';
import { toast } from '../ui/toast.tsx';
import { ConfirmDialog } from '../flow-runs/state-dialog.tsx';
import { ScheduleEditor, type ScheduleDraft } from './schedule-editor.tsx';

const KIND_LABELS = { cron: 'Cron', interval: 'Interval', rrule: 'RRule' } as const;

/** A deployment's schedules: add, edit, delete and switch each on or off. */
export function SchedulesSection({ deployment }: { deployment: Deployment }) {
  const [editing, setEditing] = useState<DeploymentSchedule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<DeploymentSchedule | null>(null);
  const create = useCreateSchedule();
  const update = useUpdateSchedule();
  const remove = useDeleteSchedule();
  const can = useCan('admin');
  const [error, setError] = useState<string | null>(null);
  const id = deployment.id;
  const done = (message: string) => ({
    onSuccess: () => {
      toast(message);
      setEditing(null);
      setError(null);
    },
    onError: (e: Error) => setError(e.message),
  });
  const save = (draft: ScheduleDraft) => {
    if (editing === 'new') create.mutate({ id, schedule: draft.schedule, active: draft.active }, done('Schedule added.'));
    else if (editing) update.mutate({ id, scheduleId: editing.id, body: { schedule: draft.schedule, active: draft.active } }, done('Schedule saved.'));
  };

  return (
    <Card aria-label="Schedules" className="mb-4">
      <CardHeader
        title={`Schedules${deployment.schedules.length ? ` (${deployment.schedules.length})` : ''}`}
        actions={
          editing === null && (
            <RequireRole role="admin">
              <Button onClick={() => (setEditing('new'), setError(null))}>
                <Plus aria-hidden="true" />
                Add schedule
              </Button>
            </RequireRole>
          )
        }
      />
      <div className="grid gap-2 p-3">
        {deployment.schedules.length === 0 && editing === null && (
          <p className="flex items-center gap-2 text-fg-muted">
            <CalendarClock className="size-4" aria-hidden="true" />
            No schedule: runs start only when someone triggers them. Add a cron, interval or RRule schedule to run it automatically.
          </p>
        )}
        {deployment.paused && deployment.schedules.length > 0 && <p className="text-xs text-state-paused">The deployment is paused: its schedules create no runs until it is resumed.</p>}
        <ul className="grid gap-1">
          {deployment.schedules.map((s) =>
            editing !== null && editing !== 'new' && editing.id === s.id ? (
              <li key={s.id}>
                <ScheduleEditor existing={s} busy={update.isPending} error={error} onSave={save} onCancel={() => setEditing(null)} />
              </li>
            ) : (
              <li key={s.id} className="flex flex-wrap items-center gap-3 rounded-md border border-border px-3 py-2">
                <span className="rounded bg-surface-hover px-1.5 text-xs text-fg-muted">{KIND_LABELS[scheduleKind(s.schedule)]}</span>
                <span className={s.active ? 'font-medium' : 'text-fg-muted'}>{describeSchedule(s.schedule)}</span>
                {'cron' in s.schedule && <code className="font-mono text-xs text-fg-muted">{s.schedule.cron}</code>}
                <label className="ml-auto inline-flex items-center gap-1.5 text-xs" title={can ? undefined : needsRole('admin')}>
                  <Checkbox
                    aria-label={`Active: ${describeSchedule(s.schedule)}`}
                    checked={s.active}
                    disabled={update.isPending || !can}
                    onChange={(e) => update.mutate({ id, scheduleId: s.id, body: { active: e.target.checked } }, { onSuccess: () => toast(e.target.checked ? 'Schedule on.' : 'Schedule off.') })}
                  />
                  Active
                </label>
                <RequireRole role="admin">
                  <Button aria-label={`Edit schedule ${describeSchedule(s.schedule)}`} disabled={editing !== null} onClick={() => (setEditing(s), setError(null))}>
                    <Pencil aria-hidden="true" />
                    Edit
                  </Button>
                </RequireRole>
                <RequireRole role="admin">
                  <Button aria-label={`Delete schedule ${describeSchedule(s.schedule)}`} onClick={() => setDeleting(s)}>
                    <Trash2 aria-hidden="true" />
                  </Button>
                </RequireRole>
              </li>
            ),
          )}
        </ul>
        {editing === 'new' && <ScheduleEditor busy={create.isPending} error={error} onSave={save} onCancel={() => setEditing(null)} />}
      </div>
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title="Delete schedule"
        confirmLabel="Delete schedule"
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ id, scheduleId: deleting.id }, { onSuccess: () => (toast('Schedule deleted.'), setDeleting(null)) })}
      >
        Delete the schedule “{deleting ? describeSchedule(deleting.schedule) : ''}”? Its upcoming scheduled runs are removed.
      </ConfirmDialog>
    </Card>
  );
}
