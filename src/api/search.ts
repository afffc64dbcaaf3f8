import { queryOptions } from '@tanstack/react-query';
import { PALETTE_LIMIT } from '../lib/palette.ts';
import { api, unwrap } from './client.ts';

/**
 * Searches of the command palette: each a small server-side `like_` filter (a few rows,
 * cheap on 100,000 runs), cancelled through the query's signal when the text changes.
 */

export const searchKeys = {
  all: ['search'] as const,
  flowRuns: (text: string, byId: IdSearch) => [...searchKeys.all, 'flow-runs', text, byId] as const,
  flows: (text: string) => [...searchKeys.all, 'flows', text] as const,
  deployments: (text: string) => [...searchKeys.all, 'deployments', text] as const,
  blockDocuments: (text: string) => [...searchKeys.all, 'block-documents', text] as const,
  workPools: () => [...searchKeys.all, 'work-pools'] as const,
};

const STALE_MS = 10_000;

/** How the text is also matched to run ids: by their start (the server's `flow_run_id_prefix` extension), as a whole id, or not. */
export type IdSearch = 'prefix' | 'exact' | null;

function fetchRunsById(text: string, byId: IdSearch, signal: AbortSignal) {
  if (byId === 'prefix') return unwrap(api.POST('/api/ui/flow_runs/by_id_prefix', { body: { prefix: text, limit: PALETTE_LIMIT }, signal }));
  if (byId === 'exact') return unwrap(api.POST('/api/flow_runs/filter', { body: { flow_runs: { id: { any_: [text.toLowerCase()] } }, limit: 1 }, signal }));
  return Promise.resolve([]);
}

/** Runs whose name contains the text, newest first; runs whose id matches it come first. */
export function buildFlowRunSearchQuery(text: string, byId: IdSearch) {
  return queryOptions({
    queryKey: searchKeys.flowRuns(text, byId),
    staleTime: STALE_MS,
    queryFn: async ({ signal }) => {
      const [exact, named] = await Promise.all([
        fetchRunsById(text, byId, signal),
        unwrap(api.POST('/api/flow_runs/filter', { body: { flow_runs: { name: { like_: text } }, sort: 'EXPECTED_START_TIME_DESC', limit: PALETTE_LIMIT }, signal })),
      ]);
      return [...exact, ...named.filter((r) => !exact.some((e) => e.id === r.id))].slice(0, PALETTE_LIMIT);
    },
  });
}

export function buildFlowSearchQuery(text: string) {
  return queryOptions({
    queryKey: searchKeys.flows(text),
    staleTime: STALE_MS,
    queryFn: ({ signal }) => unwrap(api.POST('/api/flows/filter', { body: { flows: { name: { like_: text } }, limit: PALETTE_LIMIT }, signal })),
  });
}

export function buildDeploymentSearchQuery(text: string) {
  return queryOptions({
    queryKey: searchKeys.deployments(text),
    staleTime: STALE_MS,
    queryFn: ({ signal }) => unwrap(api.POST('/api/deployments/filter', { body: { deployments: { name: { like_: text } }, limit: PALETTE_LIMIT }, signal })),
  });
}

export function buildBlockDocumentSearchQuery(text: string) {
  return queryOptions({
    queryKey: searchKeys.blockDocuments(text),
    staleTime: STALE_MS,
    queryFn: ({ signal }) => unwrap(api.POST('/api/block_documents/filter', { body: { block_documents: { name: { like_: text } }, limit: PALETTE_LIMIT }, signal })),
  });
}

/** The contract filters pools by exact name only; a server holds a handful, so the palette matches their names itself. */
export function buildWorkPoolNamesQuery() {
  return queryOptions({
    queryKey: searchKeys.workPools(),
    staleTime: 30_000,
    queryFn: async ({ signal }) => (await unwrap(api.POST('/api/work_pools/filter', { body: { limit: 200 }, signal }))).map((p) => ({ name: p.name, type: p.type })),
  });
}
