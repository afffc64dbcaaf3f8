import type { AppContext } from '../context.ts';
import { countTaskRuns, filterTaskRuns, insertTaskRun, readTaskRun } from '../db/task-runs.ts';
import { notFound } from '../errors.ts';
import { nowMicros } from '../lib/time.ts';
import { emitWrites, setRunState, setRunStateIn } from '../orchestration/set-state.ts';
import { taskRunRecord } from '../orchestration/store.ts';
import { decodeTaskRun, withWrittenState } from '../db/runs.ts';
import { IdParams, pagination, type App } from './common.ts';
import { Opt, Pagination, ref, Type } from './models/common.ts';
import { DeploymentFilter, FlowFilter, FlowRunFilter, TaskRunFilter, TaskRunSort } from './models/filters.ts';
import { TaskRun, TaskRunCreate, TaskRunUpdate } from './models/runs.ts';
import { OrchestrationResult, SetStateBody } from './models/states.ts';

const TaskRunFilterKeys = {
  flows: Opt(ref(FlowFilter)),
  flow_runs: Opt(ref(FlowRunFilter)),
  task_runs: Opt(ref(TaskRunFilter)),
  deployments: Opt(ref(DeploymentFilter)),
};
const FilterBody = Type.Object({ ...TaskRunFilterKeys, sort: Type.Optional(ref(TaskRunSort)), ...Pagination });
export const TaskRunCountBody = Type.Object(TaskRunFilterKeys);

export function taskRunRoutes(app: App, ctx: AppContext) {
  const tags = ['Task Runs'];
  const getOr404 = async (id: string) => (await readTaskRun(ctx.db.kysely, id)) ?? Promise.reject(notFound('Task not found'));

  app.post('/api/task_runs/', { schema: { tags, operationId: 'createTaskRun', body: ref(TaskRunCreate), response: { 200: ref(TaskRun), 201: ref(TaskRun) } } }, async (req, reply) => {
    const { state, ...input } = req.body;
    const { id, created, writes } = await ctx.db.transaction(async (trx) => {
      const inserted = await insertTaskRun(trx, input);
      if (!inserted.row) return { id: inserted.id, created: null, writes: [] };
      const outcome = await setRunStateIn(ctx, trx, 'task', inserted.id, state ?? { type: 'PENDING' }, { force: true, req, preloaded: { run: taskRunRecord(inserted.row), initial: null } });
      const written = outcome.writes[0].state;
      return { id: inserted.id, created: decodeTaskRun(withWrittenState(inserted.row, outcome.run, written), nowMicros()), writes: outcome.writes };
    });
    emitWrites(ctx, writes);
    return created ? reply.code(201).send(created) : reply.code(200).send(await getOr404(id));
  });

  app.get('/api/task_runs/:id', { schema: { tags, operationId: 'readTaskRun', params: IdParams, response: { 200: ref(TaskRun) } } }, async (req) => getOr404(req.params.id));

  app.patch('/api/task_runs/:id', { schema: { tags, operationId: 'updateTaskRun', params: IdParams, body: ref(TaskRunUpdate) } }, async (req, reply) => {
    const set: { updated: number; name?: string } = { updated: nowMicros() };
    if (req.body.name) set.name = req.body.name;
    const res = await ctx.db.kysely.updateTable('task_run').set(set).where('id', '=', req.params.id).executeTakeFirst();
    if (!res.numUpdatedRows) throw notFound('Task not found');
    return reply.code(204).send();
  });

  app.delete('/api/task_runs/:id', { schema: { tags, operationId: 'deleteTaskRun', params: IdParams } }, async (req, reply) => {
    const res = await ctx.db.kysely.deleteFrom('task_run').where('id', '=', req.params.id).executeTakeFirst();
    if (!res.numDeletedRows) throw notFound('Task not found');
    return reply.code(204).send();
  });

  app.post('/api/task_runs/filter', { schema: { tags, operationId: 'filterTaskRuns', body: FilterBody, response: { 200: Type.Array(ref(TaskRun)) } } }, async (req) => {
    const { limit, offset } = pagination(ctx, req.body);
    return filterTaskRuns(ctx.db, req.body, limit, offset);
  });

  app.post('/api/task_runs/count', { schema: { tags, operationId: 'countTaskRuns', body: TaskRunCountBody, response: { 200: Type.Integer() } } }, async (req) => countTaskRuns(ctx.db, req.body));

  app.post(
    '/api/task_runs/:id/set_state',
    { schema: { tags, operationId: 'setTaskRunState', params: IdParams, body: SetStateBody, response: { 200: ref(OrchestrationResult), 201: ref(OrchestrationResult) } } },
    async (req, reply) => {
      const outcome = await setRunState(ctx, 'task', req.params.id, req.body.state, { force: req.body.force ?? false, req });
      return reply.code(outcome.written ? 201 : 200).send(outcome.result);
    },
  );
}
