import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import type { AppContext, AppEvents } from '../context.ts';
import { parseDatabaseUrl } from '../db/connection.ts';
import type { WrittenState } from '../orchestration/engine.ts';
import { stateRecord } from '../orchestration/store.ts';
import type { ReceivedEventT } from '../api/models/events.ts';
import { decodeEvent } from '../db/events.ts';

/**
 * Live changes across server replicas on one PostgreSQL. Changes committed through this
 * replica (`ctx.events` 'state' and 'logs') are batched and published with NOTIFY; one
 * dedicated connection per replica LISTENs and re-emits the other replicas' changes into
 * this replica's `ctx.events`, so every stream sees every change within a second,
 * whichever replica took the write. Payloads carry kinds and ids only: states are read
 * back by id, one query per batch. After a lost connection the feed LISTENs again and
 * emits 'reset' (streams tell pages to refetch once: changes may have been missed).
 *
 * Growing into the change feed with cursors (STYLE.md): append each change to a table in
 * the writer's transaction, NOTIFY its cursor with the same compact change, and replay
 * from a stream's `Last-Event-ID` instead of resetting.
 */

/** Compact changes: `['f'|'t', run id, state id, notified 0|1]` a flow/task run state; `['l', flow run id, count]` log lines; `['c', resource]` something else changed; `['e', event id]` an event was stored. */
type Change = ['f' | 't', string, string, 0 | 1] | ['l', string, number] | ['c', string] | ['e', string];

interface Payload {
  /** Publishing replica: a replica skips its own notifications (its streams already had them). */
  r: string;
  c: Change[];
}

/** NOTIFY payloads must stay under 8000 bytes. */
const MAX_PAYLOAD = 7000;
const FLUSH_MS = 20;
/** Changes kept while the database cannot be reached; older ones are dropped (streams reset). */
const MAX_BUFFERED = 10_000;
const RETRY_MS = [250, 500, 1000, 2000, 5000];

export const changeChannel = (schema: string | undefined) => (schema ? `syntask_changes_${schema}` : 'syntask_changes');
/** Names the feed's connection in pg_stat_activity (tests cut it to check the reset). */
export const feedApplicationName = (schema: string | undefined) => `syntask-change-feed${schema ? `:${schema}` : ''}`;

export class ChangeFeed {
  readonly replica = randomBytes(4).toString('hex');
  private readonly channel: string;
  private client: pg.Client | null = null;
  private stopped = true;
  private needsReset = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private buffer: Change[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private publishing: Promise<void> = Promise.resolve();
  private applying: Promise<void> = Promise.resolve();
  private unsubscribeEvents: (() => void) | undefined;
  /** Events this feed emitted for other replicas: never published again. */
  private readonly relayed = new WeakSet<object>();

  constructor(
    private readonly ctx: AppContext,
    private readonly log: FastifyBaseLogger,
  ) {
    this.channel = changeChannel(ctx.db.schema);
  }

  /** Subscribes to local changes and LISTENs; a database that cannot be reached now is retried in the background. */
  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.ctx.events.on('state', this.onState);
    this.ctx.events.on('logs', this.onLogs);
    this.ctx.events.on('changed', this.onChanged);
    this.unsubscribeEvents = this.ctx.eventLog.sink.subscribe(this.onEvents);
    await this.connect();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.ctx.events.off('state', this.onState);
    this.ctx.events.off('logs', this.onLogs);
    this.ctx.events.off('changed', this.onChanged);
    this.unsubscribeEvents?.();
    clearTimeout(this.retryTimer);
    this.flush();
    await this.publishing;
    await this.applying;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  // ---- publishing -------------------------------------------------------------------

  private readonly onState = (w: WrittenState) => {
    if (this.relayed.has(w)) return;
    this.add([w.kind === 'flow' ? 'f' : 't', w.runId, w.state.id, w.notified ? 1 : 0]);
  };

  private readonly onLogs = (e: AppEvents['logs'][0]) => {
    if (this.relayed.has(e)) return;
    // As the stream counts them: one signal per run when a batch spans several runs.
    for (const id of e.flowRunIds) this.add(['l', id, e.flowRunIds.length === 1 ? e.count : 1]);
  };

  private readonly onChanged = (e: AppEvents['changed'][0]) => {
    if (this.relayed.has(e)) return;
    for (const resource of e.resources) this.add(['c', resource]);
  };

  private readonly onEvents = (events: ReceivedEventT[], relayed: boolean) => {
    if (!relayed) for (const e of events) this.add(['e', e.id]);
  };

  private add(change: Change) {
    if (this.stopped) return;
    this.buffer.push(change);
    if (this.buffer.length > MAX_BUFFERED) this.buffer.splice(0, this.buffer.length - MAX_BUFFERED);
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush() {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.buffer.length === 0) return;
    const payloads = this.pack(mergeLogs(this.buffer));
    this.buffer = [];
    // One after another, so other replicas see this replica's changes in order.
    this.publishing = this.publishing.then(async () => {
      for (const payload of payloads) {
        try {
          await sql`select pg_notify(${this.channel}, ${payload})`.execute(this.ctx.db.kysely);
        } catch (err) {
          this.log.warn({ err: { message: (err as Error).message } }, 'Publishing live changes to other servers failed');
        }
      }
    });
  }

  private pack(changes: Change[]): string[] {
    const payloads: string[] = [];
    let batch: Change[] = [];
    let size = 0;
    for (const change of changes) {
      const length = JSON.stringify(change).length + 1;
      if (batch.length && size + length > MAX_PAYLOAD) {
        payloads.push(JSON.stringify({ r: this.replica, c: batch } satisfies Payload));
        batch = [];
        size = 0;
      }
      batch.push(change);
      size += length;
    }
    if (batch.length) payloads.push(JSON.stringify({ r: this.replica, c: batch } satisfies Payload));
    return payloads;
  }

  // ---- listening --------------------------------------------------------------------

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: parseDatabaseUrl(this.ctx.settings.databaseUrl).target, keepAlive: true, connectionTimeoutMillis: 10_000, application_name: feedApplicationName(this.ctx.db.schema) });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      void client.end().catch(() => undefined);
      this.retry();
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', (message) => {
      if (message.channel === this.channel && message.payload) this.receive(message.payload);
    });
    try {
      await client.connect();
      await client.query(`listen "${this.channel}"`);
    } catch (err) {
      this.log.warn({ err: { message: (err as Error).message } }, 'Listening for live changes of other servers failed; retrying');
      onLost();
      return;
    }
    if (this.stopped) return void client.end().catch(() => undefined);
    this.client = client;
    this.failures = 0;
    if (this.needsReset) {
      this.needsReset = false;
      this.ctx.events.emit('reset');
    }
  }

  private retry() {
    this.needsReset = true;
    if (this.stopped || this.retryTimer) return;
    const delay = RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)];
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.stopped) void this.connect();
    }, delay);
  }

  private receive(raw: string) {
    let payload: Payload;
    try {
      payload = JSON.parse(raw) as Payload;
    } catch {
      return;
    }
    if (payload.r === this.replica || !Array.isArray(payload.c)) return;
    // In arrival order, even though states are read back asynchronously.
    this.applying = this.applying.then(() => this.apply(payload.c)).catch((err) => {
      this.log.warn({ err: { message: (err as Error).message } }, 'Applying live changes of another server failed');
      this.ctx.events.emit('reset');
    });
  }

  private async apply(changes: Change[]) {
    const k = this.ctx.db.kysely;
    const ids = (kind: 'f' | 't') => changes.filter((c): c is ['f' | 't', string, string, 0 | 1] => c[0] === kind).map((c) => c[2]);
    const columns = ['id', 'type', 'name', 'timestamp', 'message', 'state_details'] as const;
    const [flowIds, taskIds] = [ids('f'), ids('t')];
    const states = new Map<string, { id: string; type: string; name: string; timestamp: number; message: string | null; state_details: string }>();
    if (flowIds.length) for (const row of await k.selectFrom('flow_run_state').select(columns).where('id', 'in', flowIds).execute()) states.set(row.id, row);
    if (taskIds.length) for (const row of await k.selectFrom('task_run_state').select(columns).where('id', 'in', taskIds).execute()) states.set(row.id, row);
    const eventIds = changes.filter((c): c is ['e', string] => c[0] === 'e').map((c) => c[1]);
    if (eventIds.length) {
      // Read back in the order they were stored (the order of the ids), for this replica's live event streams.
      const rows = new Map((await k.selectFrom('event').selectAll().where('id', 'in', eventIds).execute()).map((r) => [r.id, decodeEvent(r)]));
      this.ctx.eventLog.sink.announce(eventIds.flatMap((id) => rows.get(id) ?? []));
    }
    for (const change of changes) {
      if (change[0] === 'e') continue;
      if (change[0] === 'c') {
        const event = { resources: [change[1]] };
        this.relayed.add(event);
        this.ctx.events.emit('changed', event);
        continue;
      }
      if (change[0] === 'l') {
        const event = { flowRunIds: [change[1]], count: change[2] };
        this.relayed.add(event);
        this.ctx.events.emit('logs', event);
        continue;
      }
      const row = states.get(change[2]);
      if (!row) continue; // deleted since
      // Result data stays out: no stream sends it.
      const written: WrittenState = { kind: change[0] === 'f' ? 'flow' : 'task', runId: change[1], state: stateRecord({ ...row, data: null }), initialType: null, notified: change[3] === 1 };
      this.relayed.add(written);
      this.ctx.events.emit('state', written);
    }
  }
}

/** Log signals of one run within a batch become one (the stream fetches the lines itself); so do changes of one resource. */
function mergeLogs(changes: Change[]): Change[] {
  const logs = new Map<string, ['l', string, number]>();
  const out: Change[] = [];
  const resources = new Set<string>();
  for (const change of changes) {
    if (change[0] === 'c') {
      if (!resources.has(change[1])) out.push(change);
      resources.add(change[1]);
      continue;
    }
    if (change[0] !== 'l') {
      out.push(change);
      continue;
    }
    const seen = logs.get(change[1]);
    if (seen) seen[2] += change[2];
    else {
      const copy: ['l', string, number] = ['l', change[1], change[2]];
      logs.set(change[1], copy);
      out.push(copy);
    }
  }
  return out;
}
