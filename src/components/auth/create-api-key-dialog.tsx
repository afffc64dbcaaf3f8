import { useEffect, useId, useState, type FormEvent } from 'react';
import { TriangleAlert } from 'lucide-react';
import { useCreateApiKey, type ApiKeyCreated } from '../../api/api-keys.ts';
import { roleAllows, ROLES, useMe, type Role } from '../../api/auth.ts';
import { Button } from '../ui/button.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { Input, Select } from '../ui/form.tsx';
import { describedBy, FormField } from '../ui/form-field.tsx';
import { CopyButton } from '../ui/misc.tsx';
import { ROLE_SUMMARY } from './user-menu.tsx';

const EXPIRY_DAYS = [30, 90, 365] as const;
type Expiry = (typeof EXPIRY_DAYS)[number] | 'never';

/** `expires` for the request: `days` from now, or none. */
export const expiryOf = (choice: Expiry, now = Date.now()) => (choice === 'never' ? null : new Date(now + choice * 86_400_000).toISOString());

/**
 * Name, role (up to one's own) and expiry; then the key, once. The dialog mounts its content per
 * opening, so the key lives only in this content's state and goes when the dialog closes.
 */
export function CreateApiKeyDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="New API key">
      <CreateKeyContent onDone={onClose} />
    </Dialog>
  );
}

function CreateKeyContent({ onDone }: { onDone: () => void }) {
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  return created ? <ShowKeyOnce created={created} onDone={onDone} /> : <CreateKeyForm onCreated={setCreated} onCancel={onDone} />;
}

function CreateKeyForm({ onCreated, onCancel }: { onCreated: (key: ApiKeyCreated) => void; onCancel: () => void }) {
  const id = useId();
  const me = useMe();
  const own: Role = me.data?.role ?? 'viewer';
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [expiry, setExpiry] = useState<Expiry>(90);
  const [error, setError] = useState<string | null>(null);
  // The mutation keeps the answer (with the key) until it is reset: forget it with this form.
  const { reset } = create;
  useEffect(() => reset, [reset]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError('Give the key a name that says what uses it.');
    setError(null);
    create.mutate({ name: name.trim(), role, expires: expiryOf(expiry) }, { onSuccess: onCreated, onError: (failure) => setError(failure.message) });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="New API key" className="grid gap-4">
      <FormField id={`${id}-name`} label="Name" required hint="What uses the key, e.g. “ci-deploy” or “worker-eu-1”." error={error ?? undefined}>
        <Input {...describedBy(`${id}-name`, error ?? undefined)} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoComplete="off" spellCheck={false} data-autofocus />
      </FormField>
      <FormField id={`${id}-role`} label="Role" hint={ROLE_SUMMARY[role]}>
        <Select {...describedBy(`${id}-role`, undefined)} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.filter((r) => roleAllows(own, r)).map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField id={`${id}-expiry`} label="Expires">
        <Select {...describedBy(`${id}-expiry`, undefined, false)} value={String(expiry)} onChange={(e) => setExpiry(e.target.value === 'never' ? 'never' : (Number(e.target.value) as Expiry))}>
          {EXPIRY_DAYS.map((d) => (
            <option key={d} value={d}>
              in {d} days
            </option>
          ))}
          <option value="never">never</option>
        </Select>
      </FormField>
      <div className="flex justify-end gap-2 border-t border-border pt-3">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create key'}
        </Button>
      </div>
    </form>
  );
}

function ShowKeyOnce({ created, onDone }: { created: ApiKeyCreated; onDone: () => void }) {
  const id = useId();
  return (
    <div className="grid gap-4">
      <p className="flex items-start gap-2 rounded-md border border-warning/50 bg-warning/10 px-3 py-2">
        <TriangleAlert className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden="true" />
        <span>
          Copy the key now: <strong>you won’t see it again.</strong> Syntask keeps only a fingerprint of it; if it is lost, revoke it and create another.
        </span>
      </p>
      <FormField id={`${id}-key`} label={`Key “${created.name}” (${created.role})`} hint={<>Send it as <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>, or set <code className="font-mono">SYNTASK_API_KEY</code> for the SDK and workers.</>}>
        <div className="flex gap-2">
          <Input {...describedBy(`${id}-key`, undefined)} readOnly value={created.key} onFocus={(e) => e.currentTarget.select()} className="min-w-0 flex-1 font-mono text-xs" spellCheck={false} autoComplete="off" />
          <CopyButton value={created.key} label="Copy key" title="Copy the key to the clipboard" />
        </div>
      </FormField>
      <div className="flex justify-end border-t border-border pt-3">
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
