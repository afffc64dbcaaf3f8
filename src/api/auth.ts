import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, forgetUiSettings, getUiSettings, unwrap, type Schemas } from './client.ts';
import { buildUiSettingsQuery } from './server.ts';

export type Me = Schemas['Me'];
export type Role = Me['role'];
export type Login = Schemas['Login'];

export const ROLES: readonly Role[] = ['viewer', 'operator', 'admin'];
const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

/** Whether `role` may do what `needed` may (the server's table, in order). */
export const roleAllows = (role: Role, needed: Role) => RANK[role] >= RANK[needed];

/** The tooltip of an action a role may not take. */
export const needsRole = (role: Role) => `Needs the ${role} role`;

export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
};

/** Who is signed in; with sign-in off the server answers an anonymous admin. A 401 is not retried. */
export function buildMeQuery() {
  return queryOptions({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/auth/me', { signal })),
    staleTime: 60_000,
    retry: (count, error) => !(error instanceof ApiError && error.status === 401) && count < 2,
  });
}

/** The signed-in user; not asked for while sign-in is off (everyone is an anonymous admin then). */
export function useMe() {
  const settings = useQuery(buildUiSettingsQuery());
  return useQuery({ ...buildMeQuery(), enabled: settings.data?.auth_enabled === true });
}

/**
 * For the router, before any page renders: false when sign-in is on and nobody is signed in.
 * Other failures (server down) let the page load and explain them itself.
 */
export async function isSignedIn(queryClient: QueryClient): Promise<boolean> {
  const settings = await getUiSettings().catch(() => null);
  if (!settings?.auth_enabled) return true;
  try {
    await queryClient.ensureQueryData(buildMeQuery());
    return true;
  } catch (error) {
    return !(error instanceof ApiError && error.status === 401);
  }
}

/**
 * Whether the signed-in role may do what `needed` may. Unknown (server unreachable) counts as
 * yes: the server decides anyway, and "needs a role" would be the wrong explanation.
 */
export function useCan(needed: Role): boolean {
  const { data } = useMe();
  return data ? roleAllows(data.role, needed) : true;
}

/** A refused sign-in; `retryAfter` (seconds) when the server throttles. */
export class SignInError extends ApiError {
  readonly retryAfter: number | null;
  constructor(error: ApiError, retryAfter: number | null) {
    super(error.status, error.message, error.body, error.fieldErrors);
    this.retryAfter = retryAfter;
  }
}

async function signIn(body: Login): Promise<void> {
  const call = api.POST('/api/auth/login', { body });
  try {
    await unwrap(call);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status === 0) throw error;
    const header = Number((await call).response.headers.get('retry-after'));
    throw new SignInError(error, Number.isFinite(header) && header > 0 ? header : null);
  }
}

/** Everything cached belongs to whoever was signed in before: start clean either way. */
function useStartOver() {
  const queryClient = useQueryClient();
  return () => {
    forgetUiSettings();
    queryClient.clear();
  };
}

export function useLogin() {
  const startOver = useStartOver();
  return useMutation({ mutationFn: signIn, onSuccess: startOver, meta: { inlineErrors: [401, 409, 422, 429] } });
}

/**
 * Signs out, then `leave`s for a page that shows no data before the cache is emptied (mounted
 * queries would otherwise ask again at once and meet 401s). A failed sign-out stays put.
 */
export function useLogout(leave: () => Promise<unknown>) {
  const startOver = useStartOver();
  return useMutation({
    mutationFn: async () => {
      await unwrap(api.POST('/api/auth/logout'));
      await leave();
      startOver();
    },
  });
}
