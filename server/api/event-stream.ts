import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';

/** How often an open stream checks that its session or key is still valid. */
export const AUTH_RECHECK_MS = 5_000;
const HEARTBEAT_MS = 15_000;

export interface EventStream {
  send(event: string, data: unknown): void;
  /** Runs once when the client goes away, the credentials lapse or the server closes. */
  onClose(cleanup: () => void): void;
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
  const principal = req.principal;
  const recheck = setInterval(() => {
    if (!principal) return;
    ctx.security.auth.stillValid(principal).then(
      (valid) => {
        if (!valid && !res.writableEnded) res.end();
      },
      () => undefined,
    );
  }, AUTH_RECHECK_MS);

  const cleanups: (() => void)[] = [];
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    clearInterval(recheck);
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
