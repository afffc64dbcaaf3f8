import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from './client.ts';

export const serverKeys = {
  all: ['server'] as const,
  health: () => [...serverKeys.all, 'health'] as const,
  version: () => [...serverKeys.all, 'version'] as const,
};

const HEALTH_POLL_MS = 10_000;

export function buildHealthQuery() {
  return queryOptions({
    queryKey: serverKeys.health(),
    queryFn: ({ signal }) => apiRequest<boolean>('/health', { signal }),
    // Polling is the retry: a down server should show as disconnected right away.
    retry: false,
    refetchInterval: HEALTH_POLL_MS,
  });
}

export function buildVersionQuery() {
  return queryOptions({
    queryKey: serverKeys.version(),
    queryFn: ({ signal }) => apiRequest<string>('/admin/version', { signal }),
    staleTime: Infinity,
  });
}

export type ConnectionStatus = 'checking' | 'connected' | 'disconnected';

/** The server connection as the shell and dashboard show it, from the shared health query. */
export function useConnectionStatus(): ConnectionStatus {
  const { data, isPending, isError } = useQuery(buildHealthQuery());
  if (isPending) return 'checking';
  return !isError && data === true ? 'connected' : 'disconnected';
}
