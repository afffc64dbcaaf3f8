import type { AppContext } from '../context.ts';
import { filterLogs, insertLogs } from '../db/logs.ts';
import { pagination, type App } from './common.ts';
import { Opt, Pagination, ref, Type } from './models/common.ts';
import { LogFilter, LogSort } from './models/filters.ts';
import { Log, LogCreate } from './models/logs.ts';

/** On a `/logs/filter` page cut short by its size: how many lines it holds. */
export const TRUNCATED_HEADER = 'syntask-page-truncated';

export function logRoutes(app: App, ctx: AppContext) {
  const tags = ['Logs'];
  app.post('/api/logs/', { schema: { tags, operationId: 'createLogs', body: Type.Array(ref(LogCreate), { maxItems: 100000 }), response: { 201: Type.Null() } } }, async (req, reply) => {
    await insertLogs(ctx.db, req.body);
    const flowRunIds = [...new Set(req.body.map((l) => l.flow_run_id).filter((id): id is string => Boolean(id)))];
    ctx.events.emit('logs', { flowRunIds, count: req.body.length });
    return reply.code(201).send(null);
  });

  app.post(
    '/api/logs/filter',
    { schema: { tags, operationId: 'filterLogs', body: Type.Object({ logs: Opt(ref(LogFilter)), sort: Type.Optional(ref(LogSort)), ...Pagination }), response: { 200: Type.Array(ref(Log)) } } },
    async (req, reply) => {
      const { limit, offset } = pagination(ctx, req.body);
      const { logs, truncated } = await filterLogs(ctx.db, req.body.logs, req.body.sort, limit, offset);
      // The page stopped early to stay within LOG_PAGE_BYTES: read on from the last line.
      if (truncated) reply.header(TRUNCATED_HEADER, String(logs.length));
      return logs;
    },
  );
}
