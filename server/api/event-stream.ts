import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { requirementOf } from '../security/index.ts';
import { allows } from '../security/roles.ts';

/** How often an open stream checks that its session or key is still valid. */
export const AUTH_RECHECK_MS = 5_000;
const HEARTBEAT_MS = 15_000;

export interface EventStream {
  send(event: string, data: unknown): void;
  /** Runs once when the client goes away, the credentials lapse or the server closes. */
  onClose(cleanup: () => void): void;
}

/**
 * While a stream or socket is open, every AUTH_RECHECK_MS: may its caller still run the
 * request's operation? Signed out, session expired, key revoked, or a role now below what the
 * operation needs (the one table decides, as it did when the request came in) → `lapsed`.
 * Answers a stop function.
 */
export function watchCredentials(ctx: AppContext, req: FastifyRequest, lapsed: (reason: string) => void): () => void {
  const principal = req.principal;
  if (!principal) return () => undefined;
  const { needs } = requirementOf(req);
  const timer = setInterval(() => {
    ctx.security.auth.currentRole(principal).then(
      (role) => {
        if (role === null) lapsed('Not authenticated');
        else if (!allows(role, needs)) lapsed(`This needs the ${needs} role`);
      },
      () => undefined,
    );
  }, AUTH_RECHECK_MS);
  return () => clearInterval(timer);
}

/**
 * Server-sent events written by hand (Fastify's reply is hijacked): the headers hooks set
 * (security, CORS) are kept, a `: heartbeat` comment every 15 s keeps proxies from closing
 * an idle stream, and a stream lives as long as its credentials (signed out, session
 * expired or key revoked → closed). `open` is the server's set of streams, ended on close.
 */
export function openEventStream(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, open: Set<ServerResponse>): EventStream {
  const res = reply.raw;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) headers[name] = String(value);
  reply.hijack();
  res.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  res.write('retry: 2000\n\n');
  open.add(res);

  const heartbeat = setInterval(() => {
    if (!res.writableEnded) res.write(': heartbeat\n\n');
  }, HEARTBEAT_MS);
  const stopWatching = watchCredentials(ctx, req, () => {
    if (!res.writableEnded) res.end();
  });

  const cleanups: (() => void)[] = [];
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    stopWatching();
    open.delete(res);
    for (const cleanup of cleanups) cleanup();
  };
  res.on('close', close);
  req.raw.on('close', close);
  // Gone before the stream opened (its handler awaited the database): no close event will come.
  if (req.raw.destroyed || res.destroyed) queueMicrotask(close);

  return {
    send(event, data) {
      if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    onClose(cleanup) {
      if (closed) cleanup();
      else cleanups.push(cleanup);
    },
  };
}
