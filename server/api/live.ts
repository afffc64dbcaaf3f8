import type { ServerResponse } from 'node:http';
import type { AppContext, AppEvents } from '../context.ts';
import { notFound } from '../errors.ts';
import { formatDateTime } from '../lib/time.ts';
import { IdParams, type App } from './common.ts';
import { openEventStream, type EventStream } from './event-stream.ts';
import { Type } from './models/common.ts';

/** Feature flags of the live streams (served in `/ui-settings`). */
export const LIVE_FLAGS = ['flow_run_stream', 'change_stream'];

/** Log arrivals are coalesced: a run logging thousands of lines a second still sends a few signals. */
const LOG_SIGNAL_MS = 200;
/** Changes for lists are coalesced: a busy server sends each open page a few signals a second. */
const CHANGE_SIGNAL_MS = 200;

/**
 * `GET /api/ui/flow_runs/{id}/stream`: server-sent events for one flow run, so its pages
 * update within a second without polling. Events:
 * - `state` `{flow_run_id, kind: "flow"|"task", run_id, child_flow_run_id, state: {id, type, name, timestamp, message}}`
 *   for the run itself and each of its task runs (a subflow's state arrives on its parent task);
 * - `logs` `{flow_run_id, count, latest_timestamp}` when log lines of the run were stored (the client fetches them);
 * - `reset` `{}` when changes made through another server may have been missed (refetch once);
 * - a `: heartbeat` comment every 15 s keeps proxies from closing an idle stream.
 *
 * `GET /api/ui/stream`: server-sent events for lists and counts. Event `changed`
 * `{resources: ["flow_runs", "task_runs", "work_pools", …]}` at most every 200 ms, naming
 * what changed since the last one (state writes, any write through the API, service
 * passes such as the scheduler's), and `reset` as above. With `?flow_run_id=` (repeatable),
 * also those runs' `state` and `logs` events: a page holds one connection (browsers allow
 * six per server over HTTP/1.1).
 */
export function liveRoutes(app: App, ctx: AppContext) {
  const open = new Set<ServerResponse>();
  // Ends open streams before the server waits for its connections to finish.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
    open.clear();
  });

  app.get(
    '/api/ui/stream',
    {
      schema: {
        tags: ['UI'],
        operationId: 'uiChangeStream',
        description:
          'Extension: server-sent events (text/event-stream) naming the resources that changed (`changed` {resources}), coalesced to one event per 200 ms, for live lists and counts; with `flow_run_id` (up to 10), also those runs\' `state` and `logs` events as on the run stream, so a page needs one connection.',
        querystring: Type.Object({ flow_run_id: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Array(Type.String({ format: 'uuid' }), { maxItems: 10 })])) }),
        response: { 200: { content: { 'text/event-stream': { schema: Type.String() } } } },
      },
    },
    async (req, reply) => {
      const stream = openEventStream(ctx, req, reply, open);
      const pending = new Set<string>();
      let timer: NodeJS.Timeout | undefined;
      const add = (resources: string[]) => {
        for (const r of resources) pending.add(r);
        timer ??= setTimeout(() => {
          timer = undefined;
          stream.send('changed', { resources: [...pending].sort() });
          pending.clear();
        }, CHANGE_SIGNAL_MS);
      };
      const onState = ({ kind }: AppEvents['state'][0]) => add([kind === 'flow' ? 'flow_runs' : 'task_runs']);
      const onChanged = ({ resources }: AppEvents['changed'][0]) => add(resources);
      const onReset = () => stream.send('reset', {});
      ctx.events.on('state', onState);
      ctx.events.on('changed', onChanged);
      ctx.events.on('reset', onReset);
      const runs = [...new Set([req.query.flow_run_id ?? []].flat())].map((id) => followRun(ctx, stream, id));
      stream.onClose(() => {
        clearTimeout(timer);
        ctx.events.off('state', onState);
        ctx.events.off('changed', onChanged);
        ctx.events.off('reset', onReset);
        for (const stop of runs) stop();
      });
    },
  );

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
      const stream = openEventStream(ctx, req, reply, open);
      const stop = followRun(ctx, stream, runId);
      const onReset = () => stream.send('reset', {});
      ctx.events.on('reset', onReset);
      stream.onClose(() => {
        stop();
        ctx.events.off('reset', onReset);
      });
    },
  );
}

/** A run's `state` and `logs` events on a stream (each names the run: one stream may follow several); returns the unsubscribe. */
function followRun(ctx: AppContext, stream: EventStream, runId: string): () => void {
  const send = stream.send;
  const onState = ({ kind, runId: id, state }: AppEvents['state'][0]) => {
    const belongs = kind === 'flow' ? id === runId : state.details.flow_run_id === runId;
    if (!belongs) return;
    send('state', {
      flow_run_id: runId,
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
      send('logs', { flow_run_id: runId, count, latest_timestamp: latest });
    } catch {
      // The database is busy or closing: the next arrival signals again.
    }
  };
  const onLogs = ({ flowRunIds, count }: AppEvents['logs'][0]) => {
    if (!flowRunIds.includes(runId)) return;
    pendingLogs += flowRunIds.length === 1 ? count : 1;
    logTimer ??= setTimeout(() => void flushLogs(), LOG_SIGNAL_MS);
  };
  ctx.events.on('state', onState);
  ctx.events.on('logs', onLogs);
  return () => {
    if (logTimer) clearTimeout(logTimer);
    ctx.events.off('state', onState);
    ctx.events.off('logs', onLogs);
  };
}
