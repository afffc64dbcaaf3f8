import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from './client.ts';
import type { operations } from './schema.gen.ts';

export type Variable = Schemas['Variable'];
export type VariableCreate = Schemas['VariableCreate'];
export type VariableUpdate = Schemas['VariableUpdate'];
export type VariableFilterBody = NonNullable<operations['filterVariables']['requestBody']>['content']['application/json'];
export type VariableCountBody = NonNullable<operations['countVariables']['requestBody']>['content']['application/json'];

export const variableKeys = {
  all: ['variables'] as const,
  lists: () => [...variableKeys.all, 'list'] as const,
  list: (body: VariableFilterBody) => [...variableKeys.lists(), body] as const,
  count: (body: VariableCountBody) => [...variableKeys.all, 'count', body] as const,
};

export function buildVariablesQuery(body: VariableFilterBody) {
  return queryOptions({
    queryKey: variableKeys.list(body),
    queryFn: ({ signal }) => unwrap(api.POST('/api/variables/filter', { body, signal })),
    placeholderData: keepPreviousData,
  });
}

export function buildVariableCountQuery(body: VariableCountBody) {
  return queryOptions({
    queryKey: variableKeys.count(body),
    queryFn: ({ signal }) => unwrap(api.POST('/api/variables/count', { body, signal })),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateVariables() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: variableKeys.all });
}

export function useCreateVariable() {
  const invalidate = useInvalidateVariables();
  return useMutation({ mutationFn: (body: VariableCreate) => unwrap(api.POST('/api/variables/', { body })), onSettled: invalidate, meta: { inlineErrors: [409, 422] } });
}

export function useUpdateVariable() {
  const invalidate = useInvalidateVariables();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: VariableUpdate }) => unwrap(api.PATCH('/api/variables/{id}', { params: { path: { id } }, body })),
    onSettled: invalidate, meta: { inlineErrors: [409, 422] },
  });
}

export function useDeleteVariable() {
  const invalidate = useInvalidateVariables();
  return useMutation({ mutationFn: (id: string) => unwrap(api.DELETE('/api/variables/{id}', { params: { path: { id } } })), onSettled: invalidate });
}
