import { Link, useNavigate } from '@tanstack/react-router';
import { KeyRound, LogOut, UserRound } from 'lucide-react';
import { useLogout, useMe, type Role } from '../../api/auth.ts';
import { SIGN_IN_PATH } from '../../lib/safe-next.ts';
import { MenuItem, Popover } from '../ui/popover.tsx';

export const ROLE_SUMMARY: Record<Role, string> = {
  viewer: 'Reads runs, flows, deployments and logs.',
  operator: 'Also runs, retries and cancels flows, changes states, edits variables.',
  admin: 'Also configures deployments, work pools, blocks, limits, notifications and users.',
};

/** Who is signed in and "Sign out"; only with sign-in on. */
export function UserMenu() {
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout(() => navigate({ to: SIGN_IN_PATH }));
  if (!me.data?.auth_enabled) return null;
  const { name, role } = me.data;
  return (
    <Popover
      align="end"
      buttonLabel={`Account: ${name} (${role})`}
      className="h-7 max-w-56"
      label={
        <>
          <UserRound aria-hidden="true" className="text-fg-muted" />
          <span className="truncate">{name}</span>
          <span className="rounded border border-border px-1 text-xs leading-4 font-normal text-fg-muted">{role}</span>
        </>
      }
    >
      {(close) => (
        <div role="menu" aria-label="Account" className="w-64">
          <div className="border-b border-border px-2 pt-1 pb-2">
            <p className="truncate font-medium">{name}</p>
            <p className="text-xs text-fg-muted">
              <span className="font-medium text-fg">{role[0].toUpperCase() + role.slice(1)}</span> · {ROLE_SUMMARY[role]}
            </p>
          </div>
          <div className="pt-1">
            <Link to="/settings" hash="api-keys" onClick={close} role="menuitem" className="flex h-7 w-full items-center gap-2 rounded px-2 hover:bg-surface-hover [&_svg]:size-3.5">
              <KeyRound aria-hidden="true" />
              API keys
            </Link>
            <MenuItem disabled={logout.isPending} onSelect={() => (close(), logout.mutate())}>
              <LogOut aria-hidden="true" />
              {logout.isPending ? 'Signing out…' : 'Sign out'}
            </MenuItem>
          </div>
        </div>
      )}
    </Popover>
  );
}
