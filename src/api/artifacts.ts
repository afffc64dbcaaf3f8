import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, ApiError, unwrap, type Schemas } from './client.ts';
import type { operations } from './schema.gen.ts';

/** Artifacts (contract §3.11): the latest of each key, a key's versions, one artifact. */

export type Artifact = Schemas['Artifact'];
export type ArtifactCollection = Schemas['ArtifactCollection'];
export type LatestArtifactsBody = NonNullable<operations['filterLatestArtifacts']['requestBody']>['content']['application/json'];
export type LatestArtifactsCountBody = NonNullable<operations['countLatestArtifacts']['requestBody']>['content']['application/json'];
export type ArtifactsBody = NonNullable<operations['filterArtifacts']['requestBody']>['content']['application/json'];
export type ArtifactsCountBody = NonNullable<operations['countArtifacts']['requestBody']>['content']['application/json'];

export const artifactKeys = {
  all: ['artifacts'] as const,
  latest: (body: LatestArtifactsBody) => [...artifactKeys.all, 'latest', body] as const,
  latestCount: (body: LatestArtifactsCountBody) => [...artifactKeys.all, 'latest-count', body] as const,
  list: (body: ArtifactsBody) => [...artifactKeys.all, 'list', body] as const,
  count: (body: ArtifactsCountBody) => [...artifactKeys.all, 'count', body] as const,
  latestOfKey: (key: string) => [...artifactKeys.all, 'latest-of-key', key] as const,
  detail: (id: string) => [...artifactKeys.all, 'detail', id] as const,
};

export function buildLatestArtifactsQuery(body: LatestArtifactsBody) {
  return queryOptions({
    queryKey: artifactKeys.latest(body),
    queryFn: ({ signal }) => unwrap(api.POST('/api/artifacts/latest/filter', { body, signal })),
    placeholderData: keepPreviousData,
  });
}

export function buildLatestArtifactsCountQuery(body: LatestArtifactsCountBody) {
  return queryOptions({
    queryKey: artifactKeys.latestCount(body),
    queryFn: ({ signal }) => unwrap(api.POST('/api/artifacts/latest/count', { body, signal })),
    placeholderData: keepPreviousData,
  });
}

export function buildArtifactsQuery(body: ArtifactsBody) {
  return queryOptions({
    queryKey: artifactKeys.list(body),
    queryFn: ({ signal }) => unwrap(api.POST('/api/artifacts/filter', { body, signal })),
    placeholderData: keepPreviousData,
  });
}

export function buildArtifactsCountQuery(body: ArtifactsCountBody) {
  return queryOptions({
    queryKey: artifactKeys.count(body),
    queryFn: ({ signal }) => unwrap(api.POST('/api/artifacts/count', { body, signal })),
    placeholderData: keepPreviousData,
  });
}

/** A missing artifact answers 404 at once: asking again will not make it exist. */
const retryUnlessMissing = (failures: number, error: Error) => !(error instanceof ApiError && error.status === 404) && failures < 3;

export function buildLatestArtifactOfKeyQuery(key: string) {
  return queryOptions({ queryKey: artifactKeys.latestOfKey(key), retry: retryUnlessMissing, queryFn: ({ signal }) => unwrap(api.GET('/api/artifacts/{key}/latest', { params: { path: { key } }, signal })) });
}

export function buildArtifactQuery(id: string) {
  return queryOptions({ queryKey: artifactKeys.detail(id), retry: retryUnlessMissing, queryFn: ({ signal }) => unwrap(api.GET('/api/artifacts/{id}', { params: { path: { id } }, signal })) });
}
