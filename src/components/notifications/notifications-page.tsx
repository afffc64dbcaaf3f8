import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Bell, Pencil, Send, Trash2 } from 'lucide-react';
import type { BlockDocument } from '../../api/block-references.ts';
import { buildNotificationPoliciesQuery, buildNotifyBlocksQuery, useDeleteNotificationPolicy, useTestNotificationPolicy, useUpdateNotificationPolicy, type NotificationPolicy } from '../../api/notification-policies.ts';
import { needsRole, useCan } from '../../api/auth.ts';
import { useFeatureFlags } from '../../api/server.ts';
import { STATE_NAMES } from '../../lib/states.ts';
import { NewButton, RequireRole } from '../auth/require-role.tsx';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { TagList } from '../ui/misc.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { StateBadge } from '../ui/state-badge.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { toast } from '../ui/toast.tsx';
import { ConfirmDialog } from '../flow-runs/state-dialog.tsx';
import { NEW_NOTIFY_BLOCK_PATH, PolicyDialog } from './policy-dialog.tsx';

const TYPE_OF_NAME = new Map(STATE_NAMES.map((s) => [s.name, s.type]));

/** `/notifications`: flow run notification policies, each sending a message through a block when runs enter chosen states. */
export function NotificationsPage() {
  const policies = useQuery(buildNotificationPoliciesQuery());
  const blocks = useQuery(buildNotifyBlocksQuery());
  const blocksById = useMemo(() => new Map((blocks.data ?? []).map((b) => [b.id, b])), [blocks.data]);
  const canTest = useFeatureFlags()?.has('notification_policy_test') ?? false;
  const [editing, setEditing] = useState<NotificationPolicy | 'new' | null>(null);
  const [deleting, setDeleting] = useState<NotificationPolicy | null>(null);
  const remove = useDeleteNotificationPolicy();
  const rows = policies.data ?? [];
  const newButton = (
    <NewButton role="admin" onClick={() => setEditing('new')}>
      New notification
    </NewButton>
  );

  return (
    <>
      <PageHeader
        title="Notifications"
        description="Messages sent through a block (webhook, Slack…) when flow runs enter chosen states."
        count={policies.data?.length}
        actions={newButton}
      />
      {policies.isError ? (
        <Card>
          <ErrorState error={policies.error} onRetry={() => void policies.refetch()} title="Could not load notifications" />
        </Card>
      ) : policies.isPending ? (
        <div aria-busy="true" className="grid gap-3">
          {[0, 1].map((i) => (
            <Card key={i} className="p-4">
              <Skeleton className="w-96" />
              <Skeleton className="mt-3 w-64" />
            </Card>
          ))}
        </div>
      ) : rows.length === 0 ? (
        <Card>
          <EmptyState icon={Bell} title="No notifications yet" action={newButton}>
            A notification sends a message when a flow run enters a state you choose, for example Failed or Crashed, optionally only for runs with some tags. It needs a block that can send it:{' '}
            <Link to={NEW_NOTIFY_BLOCK_PATH as never} className="text-accent hover:underline">
              create a webhook notification block
            </Link>{' '}
            first.
          </EmptyState>
        </Card>
      ) : (
        <ul aria-label="Notifications" className="grid gap-3">
          {rows.map((p) => (
            <li key={p.id}>
              <PolicyCard policy={p} block={blocksById.get(p.block_document_id)} blocksLoading={blocks.isPending} canTest={canTest} onEdit={() => setEditing(p)} onDelete={() => setDeleting(p)} />
            </li>
          ))}
        </ul>
      )}
      <PolicyDialog open={editing !== null} onClose={() => setEditing(null)} policy={editing === 'new' || editing === null ? undefined : editing} />
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title="Delete notification"
        confirmLabel="Delete notification"
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => (toast('Deleted the notification.'), setDeleting(null)) })}
      >
        Delete this notification? Runs entering its states will no longer send a message. The block stays.
      </ConfirmDialog>
    </>
  );
}

function PolicyCard({ policy: p, block, blocksLoading, canTest, onEdit, onDelete }: { policy: NotificationPolicy; block?: BlockDocument; blocksLoading: boolean; canTest: boolean; onEdit: () => void; onDelete: () => void }) {
  const toggle = useUpdateNotificationPolicy();
  const test = useTestNotificationPolicy();
  const canEdit = useCan('admin');
  const blockName = block?.name ?? (blocksLoading ? '…' : `block ${p.block_document_id.slice(0, 8)} (missing or cannot notify)`);
  // A switched policy shows its new state at once; the list catches up when the save and its refetch are done.
  const active = toggle.isPending ? (toggle.variables.body.is_active ?? p.is_active) : p.is_active;
  // What the policy does, so two cards rarely share a name.
  const label = `Notification on ${p.state_names.length ? p.state_names.join(', ') : 'any state'}${p.tags.length ? ` for tags ${p.tags.join(', ')}` : ''} through ${block?.name ?? p.block_document_id.slice(0, 8)}`;
  return (
    <Card aria-label={label}>
      <div className="flex flex-wrap items-start gap-x-4 gap-y-3 p-4">
        <div className="grid min-w-0 flex-1 gap-2">
          <div className="flex flex-wrap items-center gap-1.5">
            <span className="text-fg-muted">When a flow run enters</span>
            {p.state_names.length ? p.state_names.map((n) => <StateBadge key={n} type={TYPE_OF_NAME.get(n) ?? null} name={n} size="sm" />) : <span className="font-medium">any state</span>}
            {p.tags.length > 0 && (
              <>
                <span className="text-fg-muted">with a tag of</span>
                <TagList tags={p.tags} />
              </>
            )}
          </div>
          <div className="flex flex-wrap items-center gap-1.5">
            <span className="text-fg-muted">send a message through</span>
            <Link to="/blocks/block/$id" params={{ id: p.block_document_id }} className="font-medium text-accent hover:underline">
              {blockName}
            </Link>
            {block && <span className="text-xs text-fg-muted">({block.block_type?.name ?? block.block_type_name})</span>}
          </div>
          {p.message_template ? (
            <p className="truncate font-mono text-xs text-fg-muted" title={p.message_template}>
              {p.message_template.split('\n')[0]}
            </p>
          ) : (
            <p className="text-xs text-fg-muted">Default message</p>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <label className="inline-flex items-center gap-1.5" title={canEdit ? undefined : needsRole('admin')}>
            <input
              type="checkbox"
              role="switch"
              checked={active}
              disabled={toggle.isPending || !canEdit}
              aria-label={`Active: ${label}`}
              onChange={(e) =>
                toggle.mutate(
                  { id: p.id, body: { is_active: e.target.checked } },
                  { onSuccess: (_d, v) => toast(v.body.is_active ? 'Notification turned on.' : 'Notification paused.') },
                )
              }
              className="size-3.5 accent-[var(--color-accent)]"
            />
            <span className={active ? '' : 'text-fg-muted'}>{active ? 'Active' : 'Paused'}</span>
          </label>
          {canTest && (
            <RequireRole role="admin">
              <Button onClick={() => test.mutate(p.id)} disabled={test.isPending}>
                <Send aria-hidden="true" />
                {test.isPending ? 'Sending…' : 'Send test'}
              </Button>
            </RequireRole>
          )}
          <RequireRole role="admin">
            <Button aria-label={`Edit: ${label}`} onClick={onEdit}>
              <Pencil aria-hidden="true" />
              Edit
            </Button>
          </RequireRole>
          <RequireRole role="admin">
            <Button aria-label={`Delete: ${label}`} onClick={onDelete}>
              <Trash2 aria-hidden="true" />
            </Button>
          </RequireRole>
        </div>
      </div>
      {(test.isSuccess || test.isError) && (
        <p role={test.isError ? 'alert' : 'status'} className={`border-t border-border px-4 py-2 text-sm ${test.isError ? 'text-danger' : 'text-success'}`}>
          {test.isError ? test.error.message : 'Test notification delivered: the receiver accepted it.'}
        </p>
      )}
    </Card>
  );
}
