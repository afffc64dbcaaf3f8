import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { KeyRound, Plus, Trash2 } from 'lucide-react';
import { buildApiKeysQuery, useRevokeApiKey, type ApiKey } from '../../api/api-keys.ts';
import { useMe } from '../../api/auth.ts';
import { buildUiSettingsQuery } from '../../api/server.ts';
import { Button } from '../ui/button.tsx';
import { Card, CardHeader } from '../ui/card.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { SkeletonRows, Table, td, th } from '../ui/table.tsx';
import { DateTime, RelativeTime } from '../ui/time.tsx';
import { toast } from '../ui/toast.tsx';
import { ConfirmDialog } from '../flow-runs/state-dialog.tsx';
import { CreateApiKeyDialog } from './create-api-key-dialog.tsx';

/** Settings → API keys: keys for workers, CI and scripts (`Authorization: Bearer`). Needs sign-in on. */
export function ApiKeysSection() {
  const settings = useQuery(buildUiSettingsQuery());
  const on = settings.data?.auth_enabled;
  return (
    <Card id="api-keys" aria-labelledby="api-keys-title" className="scroll-mt-4">
      <CardHeader title={<span id="api-keys-title">API keys</span>} actions={on && <NewKeyButton />} />
      {on === false ? (
        <p className="px-4 py-3 text-fg-muted">
          API keys need sign-in to be on: with it off, this server answers every request without a key. Sign-in turns on once a user exists or <code className="font-mono text-xs">SYNTASK_SERVER_API_AUTH_STRING</code> is set.
        </p>
      ) : on ? (
        <KeyList />
      ) : null}
    </Card>
  );
}

function NewKeyButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        <Plus aria-hidden="true" />
        New API key
      </Button>
      <CreateApiKeyDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function KeyList() {
  const keys = useQuery(buildApiKeysQuery());
  const me = useMe();
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const revoke = useRevokeApiKey();
  // An admin sees everyone's keys: then who made each one matters.
  const showCreator = me.data?.role === 'admin';
  if (keys.isError) return <ErrorState error={keys.error} onRetry={() => void keys.refetch()} title="Could not load the API keys" />;
  if (keys.isSuccess && keys.data.length === 0) {
    return (
      <EmptyState icon={KeyRound} title="No API keys yet">
        Create a key for a worker, a CI job or a script: it sends the key as <code className="font-mono text-xs">Authorization: Bearer …</code> and acts with the key’s role.
      </EmptyState>
    );
  }
  return (
    <>
      <p className="border-b border-border px-4 py-2 text-xs text-fg-muted tabular-nums" aria-live="polite">
        {keys.data ? `${keys.data.length.toLocaleString('en')} key${keys.data.length === 1 ? '' : 's'}` : 'Loading keys…'}
        {showCreator && ' · as an admin you see every user’s keys'}
      </p>
      <Table
        label="API keys"
        head={
          <>
            <th className={th}>Name</th>
            <th className={th}>Role</th>
            {showCreator && <th className={th}>Created by</th>}
            <th className={th}>Created</th>
            <th className={th}>Expires</th>
            <th className={th}>Last used</th>
            <th className={th}>
              <span className="sr-only">Actions</span>
            </th>
          </>
        }
      >
        {keys.isPending ? (
          <SkeletonRows columns={showCreator ? 7 : 6} rows={2} />
        ) : (
          keys.data.map((k) => (
            <tr key={k.id}>
              <td className={td + ' max-w-56 truncate font-medium'}>{k.name}</td>
              <td className={td}>{k.role}</td>
              {showCreator && <td className={td + ' max-w-40 truncate'}>{k.created_by}</td>}
              <td className={td}>
                <DateTime value={k.created} style="date" />
              </td>
              <td className={td}>{k.expires ? <Expiry value={k.expires} /> : <span className="text-fg-muted">never</span>}</td>
              <td className={td}>{k.last_used ? <RelativeTime value={k.last_used} /> : <span className="text-fg-muted">never</span>}</td>
              <td className={td + ' text-right'}>
                <Button aria-label={`Revoke ${k.name}`} onClick={() => setRevoking(k)}>
                  <Trash2 aria-hidden="true" />
                  Revoke
                </Button>
              </td>
            </tr>
          ))
        )}
      </Table>
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title="Revoke API key"
        confirmLabel="Revoke key"
        busy={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => (toast(`Revoked ${revoking.name}.`), setRevoking(null)) })}
      >
        Revoke “{revoking?.name}”? Whatever uses it (a worker, a CI job) is refused from the next request on. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}

function Expiry({ value }: { value: string }) {
  const expired = Date.parse(value) <= Date.now();
  return (
    <span className={expired ? 'text-danger' : undefined}>
      <DateTime value={value} style="date" />
      {expired && ' (expired)'}
    </span>
  );
}
