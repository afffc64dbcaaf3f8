import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from './client.ts';
import type { operations } from './schema.gen.ts';

export type FailureGroup = Schemas['FailureGroup'];
export type FailuresBody = operations['uiFailureGroups']['requestBody']['content']['application/json'];

export const failureKeys = {
  all: ['failures'] as const,
  groups: (body: FailuresBody) => [...failureKeys.all, body] as const,
};

/** Failed and crashed runs grouped by cause (extension `failure_groups`). */
export function buildFailuresQuery(body: FailuresBody, enabled = true) {
  return queryOptions({
    queryKey: failureKeys.groups(body),
    queryFn: ({ signal }) => unwrap(api.POST('/api/ui/failures', { body, signal })),
    placeholderData: keepPreviousData,
    enabled,
  });
}
