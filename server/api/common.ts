import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { HttpError } from '../errors.ts';
import { LATEST_API_VERSION, type AppContext } from '../context.ts';
import { Type } from './models/common.ts';
import { nowMicros } from '../lib/time.ts';
import type { Env } from '../orchestration/engine.ts';
import { KyselyOrchestrationStore } from '../orchestration/store.ts';
import type { Executor } from '../db/connection.ts';

export type App = FastifyInstance<any, any, any, any, TypeBoxTypeProvider>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The contract's limit/offset rules for `/filter` bodies (422 with a `detail`). */
export function pagination(ctx: AppContext, body: { limit?: number | null; offset?: number | null } | undefined, max = ctx.settings.defaultLimit) {
  const limit = body?.limit ?? max;
  const offset = body?.offset ?? 0;
  if (limit > max) throw new HttpError(422, `Invalid limit: must be less than or equal to ${max}.`);
  if (limit < 0) throw new HttpError(422, 'Invalid limit: must be greater than or equal to 0.');
  if (offset < 0) throw new HttpError(422, 'Invalid offset: must be greater than or equal to 0.');
  if (offset > 2147483647) throw new HttpError(422, 'Invalid offset: must be less than or equal to 2147483647.');
  return { limit, offset };
}

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** The API version the request asked for (hook-parsed header, default latest). */
export function apiVersionOf(req: FastifyRequest): readonly [number, number, number] {
  return (req as FastifyRequest & { apiVersion?: readonly [number, number, number] }).apiVersion ?? LATEST_API_VERSION;
}

export function orchestrationEnv(ctx: AppContext, trx: Executor, req?: FastifyRequest): Env {
  return { trx, store: new KyselyOrchestrationStore(trx, ctx.db.dialect), settings: ctx.settings, apiVersion: req ? apiVersionOf(req) : LATEST_API_VERSION };
}

export const now = nowMicros;

/** Fastify sends a returned string as plain text; the API answers JSON strings (`"0.8.4"`). */
export function sendJsonString(reply: FastifyReply, value: string) {
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(value));
}
