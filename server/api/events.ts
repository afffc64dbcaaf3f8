import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { countEvents, occurredRange, queryEvents, TooManyBuckets, type Countable, type TimeUnitName } from '../db/events.ts';
import { HttpError, RequestValidationError } from '../errors.ts';
import { formatDateTime, nowMicros } from '../lib/time.ts';
import type { App } from './common.ts';
import { namedModels, ref, Type, type Static } from './models/common.ts';
import { Event, EventCount, EventFilter, EventPage, TimeUnit, type EventFilterT, type EventT, type ReceivedEventT } from './models/events.ts';
import { createValidators } from './validation.ts';

export const EVENTS_DISABLED = 'Events are not enabled. Please enable the SYNTASK_EXPERIMENTAL_EVENTS setting.';
const PAGE_MAX = 50;

/** Route-level hook: every `/api/events*` route is 404 while events are off (A1). */
export const eventsEnabled = (ctx: AppContext) => async (_req: FastifyRequest, reply: { code(n: number): { send(b: unknown): unknown } }) => {
  if (!ctx.settings.events.enabled) return reply.code(404).send({ detail: EVENTS_DISABLED });
};

const compiled = new Map<string, (value: unknown) => boolean>();
let validators: ReturnType<typeof createValidators>['body'] | null = null;
/** Checks a value against a named model outside a route (websocket frames, page tokens). */
export function checkModel(id: string, value: unknown): boolean {
  let validate = compiled.get(id);
  if (!validate) {
    validators ??= createValidators(namedModels()).body;
    const fn = validators.compile({ $ref: `${id}#` });
    validate = (v) => Boolean(fn(v));
    compiled.set(id, validate);
  }
  return validate(value);
}

/**
 * Label and related-resource limits of A1 (422 naming the field); `received` stamped now.
 * Events larger than the size limit are dropped without an error, as Syntask 2 does.
 */
export function receive(ctx: AppContext, events: EventT[], at = nowMicros(), bodyBytes = Infinity): ReceivedEventT[] {
  const { maxLabels, maxRelated, maxSizeBytes } = ctx.settings.events;
  // A body far below the limit holds no event over it, however its numbers re-serialize (`1e20` grows 5×): no need to serialize each one to measure it.
  const measure = bodyBytes * 6 + 200 > maxSizeBytes;
  const received = formatDateTime(at);
  const out: ReceivedEventT[] = [];
  events.forEach((e, i) => {
    const related = e.related ?? [];
    if (Object.keys(e.resource).length > maxLabels) throw new RequestValidationError(['body', i, 'resource'], `The maximum number of labels per resource is ${maxLabels}`);
    if (related.length > maxRelated) throw new RequestValidationError(['body', i, 'related'], `The maximum number of related resources is ${maxRelated}`);
    related.forEach((r, j) => {
      if (Object.keys(r).length > maxLabels) throw new RequestValidationError(['body', i, 'related', j], `The maximum number of labels per resource is ${maxLabels}`);
    });
    const event: ReceivedEventT = { occurred: e.occurred, event: e.event, resource: e.resource, related, payload: e.payload ?? {}, id: e.id, follows: e.follows ?? null, received };
    if (measure && Buffer.byteLength(JSON.stringify(event)) > maxSizeBytes) return;
    out.push(event);
  });
  return out;
}

interface PageToken {
  filter: EventFilterT;
  total: number;
  limit: number;
  offset: number;
}

const encodeToken = (t: PageToken) => Buffer.from(JSON.stringify(t)).toString('base64url');

function decodeToken(token: string): PageToken | null {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as PageToken;
    const ok = t && typeof t === 'object' && Number.isInteger(t.total) && Number.isInteger(t.limit) && Number.isInteger(t.offset) && t.limit > 0 && t.limit <= PAGE_MAX && t.offset >= 0 && t.total >= 0 && t.offset <= t.total && t.total <= 2 ** 31;
    return ok && checkModel('EventFilter', t.filter ?? {}) ? { ...t, filter: t.filter ?? {} } : null;
  } catch {
    return null;
  }
}

/** `<base>api/events/filter/next?page-token=…` on the URL the client called (a proxy's forwarded host and scheme when trusted). */
const baseOf = (req: FastifyRequest) => `${req.protocol}://${req.host}/`;

function page(req: FastifyRequest, found: { events: ReceivedEventT[]; total: number }, t: Omit<PageToken, 'total'>) {
  const next = t.limit > 0 && t.offset + t.limit < found.total ? `${baseOf(req)}api/events/filter/next?page-token=${encodeToken({ ...t, total: found.total, offset: t.offset + t.limit })}` : null;
  // ResourceT is the schema's labels with their index signature spelled out.
  return { events: found.events as unknown as Static<typeof EventPage>['events'], total: found.total, next_page: next };
}

export function eventRoutes(app: App, ctx: AppContext) {
  const tags = ['Events'];
  const onRequest = eventsEnabled(ctx);

  app.post('/api/events', { onRequest, schema: { tags, operationId: 'createEvents', body: Type.Array(ref(Event), { maxItems: 10_000 }) } }, async (req, reply) => {
    const length = Number(req.headers['content-length']);
    await ctx.eventLog.publish(receive(ctx, req.body as EventT[], nowMicros(), Number.isFinite(length) && length > 0 ? length : Infinity));
    return reply.code(204).send();
  });

  app.post(
    '/api/events/filter',
    { onRequest, schema: { tags, operationId: 'filterEvents', body: Type.Object({ filter: Type.Optional(Type.Union([ref(EventFilter), Type.Null()])), limit: Type.Optional(Type.Integer({ minimum: 0, maximum: PAGE_MAX })) }), response: { 200: ref(EventPage) } } },
    async (req) => {
      // The window is resolved now, so later pages page through the same events (not a window that slides with the clock).
      const given = (req.body.filter ?? {}) as EventFilterT;
      const { since, until } = occurredRange(given);
      const filter: EventFilterT = { ...given, occurred: { since: formatDateTime(since), until: formatDateTime(until) } };
      const ids = filter.id?.id;
      const limit = Math.min(req.body.limit ?? PAGE_MAX, ids?.length ? ids.length : PAGE_MAX);
      return page(req, await queryEvents(ctx.db, filter, limit, 0), { filter, limit, offset: 0 });
    },
  );

  app.get(
    '/api/events/filter/next',
    { onRequest, schema: { tags, operationId: 'filterEventsNextPage', querystring: Type.Object({ 'page-token': Type.String() }), response: { 200: ref(EventPage) } } },
    async (req) => {
      const token = decodeToken(req.query['page-token']);
      if (!token) throw new HttpError(403, 'Forbidden');
      return page(req, await queryEvents(ctx.db, token.filter, token.limit, token.offset, token.total), token);
    },
  );

  app.post(
    '/api/events/count-by/:countable',
    {
      onRequest,
      schema: {
        tags,
        operationId: 'countEvents',
        params: Type.Object({ countable: Type.String() }),
        body: Type.Object({ filter: ref(EventFilter), time_unit: Type.Optional(TimeUnit), time_interval: Type.Optional(Type.Number({ minimum: 0.01, maximum: 100_000 })) }),
        response: { 200: Type.Array(ref(EventCount)) },
      },
    },
    async (req) => {
      const countable = req.params.countable;
      if (!['day', 'time', 'event', 'resource'].includes(countable)) throw new RequestValidationError(['path', 'countable'], "value is not a valid enumeration member; permitted: 'day', 'time', 'event', 'resource'", 'type_error.enum');
      try {
        return await countEvents(ctx.db, countable as Countable, req.body.filter as EventFilterT, (req.body.time_unit ?? 'day') as TimeUnitName, req.body.time_interval ?? 1);
      } catch (err) {
        if (err instanceof TooManyBuckets) throw new HttpError(422, err.message);
        throw err;
      }
    },
  );
}
