import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, getUiSettings, unwrap } from './client.ts';

export const serverKeys = {
  all: ['server'] as const,
  health: () => [...serverKeys.all, 'health'] as const,
  version: () => [...serverKeys.all, 'version'] as const,
  uiSettings: () => [...serverKeys.all, 'ui-settings'] as const,
};

const HEALTH_POLL_MS = 10_000;

export function buildHealthQuery() {
  return queryOptions({
    queryKey: serverKeys.health(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/health', { signal })),
    // Polling is the retry: a down server should show as disconnected right away.
    retry: false,
    refetchInterval: HEALTH_POLL_MS,
  });
}

export function buildVersionQuery() {
  return queryOptions({
    queryKey: serverKeys.version(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/admin/version', { signal })),
    staleTime: Infinity,
  });
}

export function buildUiSettingsQuery() {
  return queryOptions({ queryKey: serverKeys.uiSettings(), queryFn: () => getUiSettings(), staleTime: Infinity });
}

/** Extension endpoints the server advertises; `undefined` while unknown (callers wait or fall back). */
export function useFeatureFlags(): Set<string> | undefined {
  const { data } = useQuery(buildUiSettingsQuery());
  return data ? new Set(data.flags) : undefined;
}

export type ConnectionStatus = 'checking' | 'connected' | 'disconnected';

/** The server connection as the shell and dashboard show it, from the shared health query. */
export function useConnectionStatus(): ConnectionStatus {
  const { data, isPending, isError } = useQuery(buildHealthQuery());
  if (isPending) return 'checking';
  return !isError && data === true ? 'connected' : 'disconnected';
}
