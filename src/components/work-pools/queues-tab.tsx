import { useState } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Pause, Pencil, Play, Plus, Trash2 } from 'lucide-react';
import { ApiError } from '../../api/client.ts';
import { useCreateWorkQueue, useDeleteWorkQueue, useUpdateWorkQueue, type WorkPool, type WorkQueue } from '../../api/work-pools.ts';
import { parseLimit, queueServerErrors, validateQueue, type QueueDraft, type QueueErrors } from '../../lib/work-pool-form.ts';
import { RequireRole } from '../auth/require-role.tsx';
import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { Input, Textarea } from '../ui/form.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { SkeletonRows, Table, td, th } from '../ui/table.tsx';
import { RelativeTime } from '../ui/time.tsx';
import { toast } from '../ui/toast.tsx';
import { ConfirmDialog } from '../flow-runs/state-dialog.tsx';
import { FormField } from './pool-details-fields.tsx';
import { StatusLabel } from './status.tsx';

type Editing = { mode: 'create' } | { mode: 'edit'; queue: WorkQueue };

/** The pool's queues by priority (1 is polled first), with pause/resume, create, edit and delete. */
export function QueuesTab({ pool, query }: { pool: WorkPool; query: UseQueryResult<WorkQueue[]> }) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<WorkQueue | null>(null);
  const update = useUpdateWorkQueue();
  const remove = useDeleteWorkQueue();
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} title="Could not load the queues" />;
  return (
    <>
      <div className="flex items-center justify-between gap-2 border-b border-border px-3 py-2">
        <p className="text-xs text-fg-muted">Workers take runs from queues in priority order (1 first); a queue's limit caps its pending and running runs.</p>
        <RequireRole role="admin">
          <Button variant="primary" onClick={() => setEditing({ mode: 'create' })}>
            <Plus aria-hidden="true" />
            Create queue
          </Button>
        </RequireRole>
      </div>
      {query.isSuccess && query.data.length === 0 ? (
        <EmptyState title="No queues">Create a queue; deployments send their runs to one of the pool's queues (the default queue when they name none).</EmptyState>
      ) : (
        <Table
          label="Work queues"
          head={
            <>
              <th className={th + ' text-right'}>Priority</th>
              <th className={th}>Queue</th>
              <th className={th}>Status</th>
              <th className={th + ' text-right'}>Concurrency</th>
              <th className={th}>Last polled</th>
              <th className={th}>
                <span className="sr-only">Actions</span>
              </th>
            </>
          }
        >
          {query.isPending ? (
            <SkeletonRows columns={6} rows={2} />
          ) : (
            query.data.map((q) => {
              const isDefault = q.id === pool.default_queue_id;
              return (
                <tr key={q.id}>
                  <td className={td + ' text-right tabular-nums'}>{q.priority}</td>
                  <td className={td + ' max-w-72 py-1.5'}>
                    <span className="font-medium">{q.name}</span>
                    {isDefault && <span className="ml-1.5 rounded border border-border px-1 text-xs text-fg-muted">default</span>}
                    {q.description && <span className="block truncate text-xs text-fg-muted">{q.description}</span>}
                  </td>
                  <td className={td}>
                    <StatusLabel status={q.status} />
                  </td>
                  <td className={td + ' text-right tabular-nums'}>{q.concurrency_limit ?? <span className="text-fg-muted">unlimited</span>}</td>
                  <td className={td}>{q.last_polled ? <RelativeTime value={q.last_polled} /> : <span className="text-fg-muted">never</span>}</td>
                  <td className={td}>
                    <div className="flex justify-end gap-1">
                      <RequireRole role="admin">
                        <Button
                          aria-label={`${q.is_paused ? 'Resume' : 'Pause'} queue ${q.name}`}
                          title={q.is_paused ? 'Resume' : 'Pause'}
                          disabled={update.isPending}
                          onClick={() => update.mutate({ pool: pool.name, name: q.name, body: { is_paused: !q.is_paused } }, { onSuccess: () => toast(`${q.is_paused ? 'Resumed' : 'Paused'} queue ${q.name}.`) })}
                        >
                          {q.is_paused ? <Play aria-hidden="true" /> : <Pause aria-hidden="true" />}
                        </Button>
                      </RequireRole>
                      <RequireRole role="admin">
                        <Button aria-label={`Edit queue ${q.name}`} title="Edit" onClick={() => setEditing({ mode: 'edit', queue: q })}>
                          <Pencil aria-hidden="true" />
                        </Button>
                      </RequireRole>
                      <RequireRole role="admin">
                        <Button aria-label={`Delete queue ${q.name}`} title={isDefault ? "The pool's default queue cannot be deleted" : 'Delete'} disabled={isDefault} onClick={() => setDeleting(q)}>
                          <Trash2 aria-hidden="true" />
                        </Button>
                      </RequireRole>
                    </div>
                  </td>
                </tr>
              );
            })
          )}
        </Table>
      )}
      {editing && <QueueDialog pool={pool.name} editing={editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title="Delete queue"
        confirmLabel="Delete queue"
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ pool: pool.name, name: deleting.name }, { onSuccess: () => (toast(`Deleted queue ${deleting.name}.`), setDeleting(null)) })}
      >
        Delete queue <span className="font-medium text-fg">{deleting?.name}</span>? Deployments and runs that use it lose their queue until they are given another one.
      </ConfirmDialog>
    </>
  );
}

const draftOf = (q?: WorkQueue): QueueDraft => ({ name: q?.name ?? '', description: q?.description ?? '', priority: q ? String(q.priority) : '', concurrency: q?.concurrency_limit === null || q?.concurrency_limit === undefined ? '' : String(q.concurrency_limit) });

function QueueDialog({ pool, editing, onClose }: { pool: string; editing: Editing; onClose: () => void }) {
  const original = editing.mode === 'edit' ? editing.queue : undefined;
  const [draft, setDraft] = useState<QueueDraft>(() => draftOf(original));
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<QueueErrors>({});
  const create = useCreateWorkQueue();
  const update = useUpdateWorkQueue();
  const local = validateQueue(draft);
  const errors: QueueErrors = { ...(attempted ? local : {}), ...serverErrors };
  const set = (patch: Partial<QueueDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setServerErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
  };
  const busy = create.isPending || update.isPending;
  const onError = (error: Error) => error instanceof ApiError && setServerErrors(queueServerErrors(error, draft.name));
  const save = () => {
    setAttempted(true);
    if (Object.keys(local).length) return;
    const limit = parseLimit(draft.concurrency);
    const body = { description: draft.description, priority: draft.priority.trim() ? Number(draft.priority) : undefined, concurrency_limit: 'value' in limit ? limit.value : null };
    if (original) {
      update.mutate({ pool, name: original.name, body: { ...body, ...(draft.name !== original.name ? { name: draft.name } : {}) } }, { onSuccess: () => (toast(`Saved queue ${draft.name}.`), onClose()), onError });
    } else {
      create.mutate({ pool, body: { name: draft.name, ...body } }, { onSuccess: (q) => (toast(`Created queue ${q.name} (priority ${q.priority}).`), onClose()), onError });
    }
  };
  const invalid = (id: string, e?: string) => ({ 'aria-invalid': Boolean(e), 'aria-describedby': e ? `${id}-error` : undefined });
  return (
    <Dialog
      open
      onClose={onClose}
      title={original ? `Edit queue ${original.name}` : 'Create queue'}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={busy} onClick={save}>
            {busy ? 'Saving…' : original ? 'Save queue' : 'Create queue'}
          </Button>
        </>
      }
    >
      <form
        className="grid gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <FormField id="queue-name" label="Name" error={errors.name}>
          <Input id="queue-name" value={draft.name} autoComplete="off" onChange={(e) => set({ name: e.target.value })} className="w-full" {...invalid('queue-name', errors.name)} />
        </FormField>
        <FormField id="queue-description" label="Description" error={errors.description}>
          <Textarea id="queue-description" rows={2} value={draft.description} onChange={(e) => set({ description: e.target.value })} className="w-full" />
        </FormField>
        <FormField id="queue-priority" label="Priority" hint="1 is polled first. Empty: the next free priority. A taken one moves the others down." error={errors.priority}>
          <Input id="queue-priority" inputMode="numeric" value={draft.priority} onChange={(e) => set({ priority: e.target.value })} className="w-32" {...invalid('queue-priority', errors.priority)} />
        </FormField>
        <FormField id="queue-concurrency" label="Concurrency limit" hint="Most pending or running runs from this queue. Empty for no limit." error={errors.concurrency}>
          <Input id="queue-concurrency" inputMode="numeric" placeholder="Unlimited" value={draft.concurrency} onChange={(e) => set({ concurrency: e.target.value })} className="w-32" {...invalid('queue-concurrency', errors.concurrency)} />
        </FormField>
        {/* Enter in a field submits. */}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
