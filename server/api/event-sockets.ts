import type { WebSocket } from 'ws';
import type { AppContext } from '../context.ts';
import { queryEvents } from '../db/events.ts';
import { liveEventMatches } from '../events/matching.ts';
import { RequestValidationError } from '../errors.ts';
import { nowMicros, parseDateTime } from '../lib/time.ts';
import { watchCredentials } from './event-stream.ts';
import type { App } from './common.ts';
import { parseJsonBody } from './validation.ts';
import { checkModel, eventsEnabled, receive } from './events.ts';
import type { EventFilterT, EventT, ReceivedEventT } from './models/events.ts';

const BACKFILL = 1000;
const PROTOCOL_ERROR = 1002;
const POLICY_VIOLATION = 1008;
const INVALID_DATA = 1007;
/** A subscriber that stops reading is dropped once this much waits to be sent to it. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** `auth` and `filter` must come this soon after connecting. */
const HANDSHAKE_MS = 10_000;

/** Frames arrive as Buffers; anything that is not a JSON object is null (text the database cannot store included, as on the HTTP routes). */
function parseFrame(data: unknown): Record<string, unknown> | null {
  try {
    const value = parseJsonBody(String(data));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Frames in arrival order: several can arrive in one read (auth and filter sent together),
 * before the handler awaiting the first has run again, so none may be dropped between reads.
 */
function frames(socket: WebSocket) {
  const queue: unknown[] = [];
  let waiting: ((frame: unknown) => void) | null = null;
  const push = (frame: unknown) => {
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve(frame);
    } else queue.push(frame);
  };
  socket.on('message', (data) => push(parseFrame(data) ?? 'invalid'));
  socket.on('close', () => push(null));
  /** The next frame, 'invalid' for one that is not a JSON object, null once the socket closed. */
  return () => new Promise<Record<string, unknown> | 'invalid' | null>((resolve) => (queue.length ? resolve(queue.shift() as never) : (waiting = resolve as never)));
}

/**
 * The two event websockets (A3, A3.3). The upgrade request passes the same security hook as
 * every route (Host, Origin, credentials, role), so a page on another site cannot open them
 * with the user's cookie.
 */
export function eventSocketRoutes(app: App, ctx: AppContext) {
  const tags = ['Events'];
  const onRequest = eventsEnabled(ctx);

  // One event per text frame; an invalid frame ends the connection.
  app.get('/api/events/in', { onRequest, websocket: true, schema: { tags, operationId: 'streamEventsIn', hide: true } }, (socket, req) => {
    socket.on('close', watchCredentials(ctx, req, (reason) => socket.close(POLICY_VIOLATION, reason)));
    socket.on('message', (data) => {
      const frame = parseFrame(data);
      if (!frame || !checkModel('Event', frame)) {
        socket.close(INVALID_DATA, 'Invalid event');
        return;
      }
      let events: ReceivedEventT[];
      try {
        events = receive(ctx, [frame as unknown as EventT]);
      } catch (err) {
        socket.close(INVALID_DATA, err instanceof RequestValidationError ? err.msg.slice(0, 120) : 'Invalid event');
        return;
      }
      ctx.eventLog.publish(events).catch((err) => req.log.error({ err: { message: (err as Error)?.message } }, 'storing a streamed event failed'));
    });
  });

  app.get('/api/events/out', { onRequest, websocket: true, schema: { tags, operationId: 'streamEventsOut', hide: true } }, async (socket, req) => {
    if (!ctx.settings.events.streamOutEnabled || socket.protocol !== 'syntask') {
      socket.close(PROTOCOL_ERROR);
      return;
    }
    socket.on('close', watchCredentials(ctx, req, (reason) => socket.close(POLICY_VIOLATION, reason)));
    const nextFrame = frames(socket);
    const handshake = setTimeout(() => socket.close(POLICY_VIOLATION, 'Expected auth and filter messages within 10 seconds'), HANDSHAKE_MS);
    socket.on('close', () => clearTimeout(handshake));
    const auth = await nextFrame();
    if (auth === null) return;
    if (auth === 'invalid' || auth.type !== 'auth') return socket.close(POLICY_VIOLATION, "Expected 'auth' message");
    socket.send(JSON.stringify({ type: 'auth_success' }));

    const subscribe = await nextFrame();
    if (subscribe === null) return;
    if (subscribe === 'invalid' || subscribe.type !== 'filter') return socket.close(PROTOCOL_ERROR, "Expected 'filter' message");
    const filter = (subscribe.filter ?? {}) as EventFilterT;
    if (!checkModel('EventFilter', filter)) return socket.close(PROTOCOL_ERROR, 'Invalid filter: not an EventFilter');
    clearTimeout(handshake);
    const until = filter.occurred?.until ? parseDateTime(filter.occurred.until)! : nowMicros();

    // Subscribed before the backfill query, so nothing stored meanwhile is missed; held until the backfill went out.
    let held: ReceivedEventT[] | null = [];
    const sent = new Set<string>();
    const send = (e: ReceivedEventT) => {
      if (socket.readyState !== socket.OPEN) return;
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) return socket.close(POLICY_VIOLATION, 'Not reading fast enough');
      socket.send(JSON.stringify({ type: 'event', event: e }));
    };
    const unsubscribe = ctx.eventLog.sink.subscribe((events) => {
      for (const e of events) {
        if (!liveEventMatches(filter, e, until)) continue;
        if (held) held.push(e);
        else if (!sent.has(e.id)) send(e);
      }
    });
    socket.on('close', unsubscribe);
    if (subscribe.backfill !== false) {
      const { events } = await queryEvents(ctx.db, { ...filter, order: 'DESC' }, BACKFILL, 0, 0);
      for (const e of events.reverse()) {
        sent.add(e.id);
        send(e);
      }
    }
    for (const e of held) if (!sent.has(e.id)) send(e);
    held = null;
  });
}
