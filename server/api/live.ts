import type { ServerResponse } from 'node:http';
import type { AppContext, AppEvents } from '../context.ts';
import { notFound } from '../errors.ts';
import { formatDateTime } from '../lib/time.ts';
import { IdParams, type App } from './common.ts';
import { Type } from './models/common.ts';

/** Feature flag of the live stream (served in `/ui-settings`). */
export const LIVE_FLAGS = ['flow_run_stream'];

const HEARTBEAT_MS = 15_000;
/** Log arrivals are coalesced: a run logging thousands of lines a second still sends a few signals. */
const LOG_SIGNAL_MS = 200;

/**
 * `GET /api/ui/flow_runs/{id}/stream`: server-sent events for one flow run, so its pages
 * update within a second without polling. Events:
 * - `state` `{kind: "flow"|"task", run_id, child_flow_run_id, state: {id, type, name, timestamp, message}}`
 *   for the run itself and each of its task runs (a subflow's state arrives on its parent task);
 * - `logs` `{count, latest_timestamp}` when log lines of the run were stored (the client fetches them);
 * - a `: heartbeat` comment every 15 s keeps proxies from closing an idle stream.
 */
export function liveRoutes(app: App, ctx: AppContext) {
  const open = new Set<ServerResponse>();
  // Ends open streams before the server waits for its connections to finish.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
    open.clear();
  });

  app.get(
    '/api/ui/flow_runs/:id/stream',
    {
      schema: {
        tags: ['UI'],
        operationId: 'uiFlowRunStream',
        description: 'Extension: server-sent events (text/event-stream) of the flow run\'s state changes, its task runs\' state changes and log arrivals.',
        params: IdParams,
        response: { 200: { content: { 'text/event-stream': { schema: Type.String() } } } },
      },
    },
    async (req, reply) => {
      const runId = req.params.id;
      const run = await ctx.db.kysely.selectFrom('flow_run').select('id').where('id', '=', runId).executeTakeFirst();
      if (!run) throw notFound('Flow run not found');

      const res = reply.raw;
      // Headers set by hooks (CORS) are copied, since the response is written by hand.
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) headers[name] = String(value);
      reply.hijack();
      res.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write('retry: 2000\n\n');
      open.add(res);

      const send = (event: string, data: unknown) => {
        if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };

      const onState = ({ kind, runId: id, state }: AppEvents['state'][0]) => {
        const belongs = kind === 'flow' ? id === runId : state.details.flow_run_id === runId;
        if (!belongs) return;
        send('state', {
          kind,
          run_id: id,
          child_flow_run_id: state.details.child_flow_run_id ?? null,
          state: { id: state.id, type: state.type, name: state.name, timestamp: formatDateTime(state.timestamp), message: state.message },
        });
      };

      let pendingLogs = 0;
      let logTimer: NodeJS.Timeout | undefined;
      const flushLogs = async () => {
        logTimer = undefined;
        const count = pendingLogs;
        pendingLogs = 0;
        try {
          const row = await ctx.db.kysely.selectFrom('log').select((eb) => eb.fn.max('timestamp').as('latest')).where('flow_run_id', '=', runId).executeTakeFirst();
          const latest = row?.latest === null || row?.latest === undefined ? null : formatDateTime(Number(row.latest));
          send('logs', { count, latest_timestamp: latest });
        } catch {
          // The database is busy or closing: the next arrival signals again.
        }
      };
      const onLogs = ({ flowRunIds, count }: AppEvents['logs'][0]) => {
        if (!flowRunIds.includes(runId)) return;
        pendingLogs += flowRunIds.length === 1 ? count : 1;
        logTimer ??= setTimeout(() => void flushLogs(), LOG_SIGNAL_MS);
      };

      const heartbeat = setInterval(() => {
        if (!res.writableEnded) res.write(': heartbeat\n\n');
      }, HEARTBEAT_MS);

      ctx.events.on('state', onState);
      ctx.events.on('logs', onLogs);
      const cleanup = () => {
        clearInterval(heartbeat);
        if (logTimer) clearTimeout(logTimer);
        ctx.events.off('state', onState);
        ctx.events.off('logs', onLogs);
        open.delete(res);
      };
      res.on('close', cleanup);
      req.raw.on('close', cleanup);
    },
  );
}

/** Listeners currently attached for streams, for tests that check disconnect clean-up. */
export const streamListenerCount = (ctx: AppContext) => ctx.events.listenerCount('state') + ctx.events.listenerCount('logs');
