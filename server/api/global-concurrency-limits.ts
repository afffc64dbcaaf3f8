import type { AppContext } from '../context.ts';
import {
  decodeGlobalLimit,
  decrementSlots,
  byIdOrName,
  incrementSlots,
  insertGlobalLimit,
  noteWaiter,
  nameTaken,
  readGlobalLimit,
  updateGlobalLimit,
} from '../db/global-concurrency-limits.ts';
import { HttpError, notFound, RequestValidationError } from '../errors.ts';
import { parseDuration } from '../lib/time.ts';
import { pagination, type App } from './common.ts';
import { Detail, Pagination, ref, Type } from './models/common.ts';
import {
  GlobalConcurrencyLimit,
  GlobalConcurrencyLimitCreate,
  GlobalConcurrencyLimitRead,
  GlobalConcurrencyLimitUpdate,
  MinimalConcurrencyLimit,
  SlotsDecrement,
  SlotsIncrement,
} from './models/global-concurrency-limits.ts';

const NOT_FOUND = 'Concurrency Limit not found';
const IdOrNameParams = Type.Object({ id_or_name: Type.String({ minLength: 1, maxLength: 5000 }) });
const taken = (name: string) => new HttpError(409, `A concurrency limit named "${name}" already exists.`);
const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

/** Retry-After in seconds, fractional like the occupancy it is estimated from (rounded up to 0.01 s). */
const retryAfterHeader = (seconds: number) => String(Math.max(0.01, Math.ceil(seconds * 100) / 100));

/** Global concurrency and rate limits shared by name (contract §3.10 v2). */
export function globalConcurrencyLimitRoutes(app: App, ctx: AppContext) {
  const tags = ['Concurrency Limits V2'];
  const k = ctx.db.kysely;
  const prefix = '/api/v2/concurrency_limits';

  app.post(`${prefix}/`, { schema: { tags, operationId: 'createGlobalConcurrencyLimit', body: ref(GlobalConcurrencyLimitCreate), response: { 201: ref(GlobalConcurrencyLimit) } } }, async (req, reply) => {
    if (await nameTaken(k, req.body.name)) throw taken(req.body.name);
    return reply.code(201).send(decodeGlobalLimit(await insertGlobalLimit(k, req.body)));
  });

  app.get(`${prefix}/:id_or_name`, { schema: { tags, operationId: 'readGlobalConcurrencyLimit', params: IdOrNameParams, response: { 200: ref(GlobalConcurrencyLimitRead) } } }, async (req) => {
    const row = await readGlobalLimit(k, req.params.id_or_name);
    if (!row) throw notFound(NOT_FOUND);
    const { slot_decay_per_second: _decay, avg_slot_occupancy_seconds: _avg, ...read } = decodeGlobalLimit(row);
    return read;
  });

  app.patch(`${prefix}/:id_or_name`, { schema: { tags, operationId: 'updateGlobalConcurrencyLimit', params: IdOrNameParams, body: ref(GlobalConcurrencyLimitUpdate) } }, async (req, reply) => {
    const b = req.body;
    const patch = { active: b.active ?? undefined, name: b.name ?? undefined, limit: b.limit ?? undefined, active_slots: b.active_slots ?? undefined, denied_slots: b.denied_slots ?? undefined, slot_decay_per_second: b.slot_decay_per_second ?? undefined };
    if (!(await updateGlobalLimit(ctx.db, req.params.id_or_name, patch, () => taken(b.name!)))) throw notFound(NOT_FOUND);
    return reply.code(204).send();
  });

  app.delete(`${prefix}/:id_or_name`, { schema: { tags, operationId: 'deleteGlobalConcurrencyLimit', params: IdOrNameParams } }, async (req, reply) => {
    const [column, value] = byIdOrName(req.params.id_or_name);
    const res = await k.deleteFrom('concurrency_limit_v2').where(column, '=', value).executeTakeFirst();
    if (!res.numDeletedRows) throw notFound(NOT_FOUND);
    return reply.code(204).send();
  });

  app.post(`${prefix}/filter`, { schema: { tags, operationId: 'filterGlobalConcurrencyLimits', body: Type.Object(Pagination), response: { 200: Type.Array(ref(GlobalConcurrencyLimit)) } } }, async (req) => {
    const { limit, offset } = pagination(ctx, req.body);
    const rows = await k.selectFrom('concurrency_limit_v2').selectAll().orderBy('name').limit(limit).offset(offset).execute();
    return rows.map((r) => decodeGlobalLimit(r));
  });

  app.post(
    `${prefix}/increment`,
    { schema: { tags, operationId: 'incrementGlobalConcurrencySlots', body: ref(SlotsIncrement), response: { 200: Type.Array(ref(MinimalConcurrencyLimit)), 423: ref(Detail) } } },
    async (req, reply) => {
      const { slots, names, mode = 'concurrency', flow_run_id } = req.body;
      const outcome = await incrementSlots(ctx.db, names, slots, mode);
      if (flow_run_id) await noteWaiter(ctx.db, flow_run_id, outcome);
      switch (outcome.kind) {
        case 'acquired':
          return outcome.limits;
        case 'over-limit':
          throw new HttpError(422, `Slots requested (${slots}) is greater than the limit of ${quoted(outcome.names)}.`);
        case 'no-decay':
          throw new HttpError(422, `Only concurrency limits with slot decay can be used for rate limiting. These limits have no decay configured: ${quoted(outcome.names)}.`);
        case 'locked': {
          const retry = retryAfterHeader(outcome.retryAfterSeconds);
          return reply.code(423).header('retry-after', retry).send({ detail: `No free slots on ${quoted(outcome.names)}: retry after ${retry} s.` });
        }
      }
    },
  );

  app.post(`${prefix}/decrement`, { schema: { tags, operationId: 'decrementGlobalConcurrencySlots', body: ref(SlotsDecrement), response: { 200: Type.Array(ref(MinimalConcurrencyLimit)) } } }, async (req) => {
    const { slots, names, occupancy_seconds } = req.body;
    const occupancy = occupancy_seconds === undefined || occupancy_seconds === null ? null : parseDuration(occupancy_seconds);
    if (occupancy !== null && !(occupancy > 0)) throw new RequestValidationError(['body', 'occupancy_seconds'], 'ensure this value is greater than 0');
    return decrementSlots(ctx.db, names, slots, occupancy);
  });
}
