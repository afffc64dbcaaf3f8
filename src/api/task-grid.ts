import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from './client.ts';
import type { operations } from './schema.gen.ts';

export type TaskGrid = Schemas['TaskGrid'];
export type TaskGridRow = Schemas['TaskGridRow'];
export type TaskGridCell = Schemas['TaskGridCell'];
export type TaskGridRun = Schemas['TaskGridRun'];
export type TaskGridBody = NonNullable<operations['uiFlowRunTaskGrid']['requestBody']>['content']['application/json'];

/** The runs × tasks grid of a flow or deployment (`/ui/flow_runs/task_grid`); refetched when runs or task runs change. */
export const taskGridKeys = {
  all: ['task-grid'] as const,
  grid: (body: TaskGridBody) => [...taskGridKeys.all, body] as const,
};

export function buildTaskGridQuery(body: TaskGridBody) {
  return queryOptions({
    queryKey: taskGridKeys.grid(body),
    queryFn: ({ signal }) => unwrap(api.POST('/api/ui/flow_runs/task_grid', { body, signal })),
    placeholderData: keepPreviousData,
  });
}
