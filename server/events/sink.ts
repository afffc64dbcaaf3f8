import type { ReceivedEventT } from '../api/models/events.ts';
import type { Db, Executor } from '../db/connection.ts';
import { insertEvents } from '../db/events.ts';

/** `relayed`: stored through another replica (announced here by the change feed), not this one. */
type Listener = (events: ReceivedEventT[], relayed: boolean) => void;
/** Runs in the transaction that stores events (automations queue the ones their triggers cover). */
type StoreHook = (trx: Executor, fresh: ReceivedEventT[]) => Promise<void>;

interface Pending {
  events: ReceivedEventT[];
  done: () => void;
  failed: (err: unknown) => void;
}

/** A batch is written after this long, or at once when this many events wait (fewer, larger transactions beside the API's own writes on SQLite's one connection). */
const FLUSH_MS = 50;
const FLUSH_AT = 1000;

/**
 * Where every event goes: ingested ones, the server's own. Events queue for a few
 * milliseconds and are written in one transaction per batch (one statement per 200 events
 * instead of a transaction each: the websocket's one-event frames would otherwise cost a
 * commit apiece); duplicates by id are dropped. After commit, listeners (live `/out`
 * streams, triggers) receive the events stored for the first time.
 */
export class EventSink {
  private pending: Pending[] = [];
  private queued = 0;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<Listener>();
  private readonly storeHooks = new Set<StoreHook>();

  constructor(
    private readonly db: Db,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  /** Resolves once the events are stored (or were already). */
  publish(events: ReceivedEventT[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    return new Promise((done, failed) => {
      this.pending.push({ events, done, failed });
      this.queued += events.length;
      if (this.queued >= FLUSH_AT) this.flushSoon(0);
      else this.flushSoon(FLUSH_MS);
    });
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onStore(hook: StoreHook): () => void {
    this.storeHooks.add(hook);
    return () => this.storeHooks.delete(hook);
  }

  /** Writes whatever waits; resolves when everything published so far is stored. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    this.queued = 0;
    if (batch.length) this.writing = this.writing.then(() => this.write(batch));
    return this.writing;
  }

  private flushSoon(ms: number) {
    if (ms === 0) {
      void this.flush();
      return;
    }
    if (!this.timer) this.timer = setTimeout(() => void this.flush(), ms);
  }

  private async write(batch: Pending[]): Promise<void> {
    const seen = new Set<string>();
    const events: ReceivedEventT[] = [];
    for (const p of batch) for (const e of p.events) if (!seen.has(e.id) && seen.add(e.id)) events.push(e);
    let fresh: ReceivedEventT[];
    try {
      fresh = await this.db.transaction(async (trx) => {
        const stored = await insertEvents(this.db, trx, events);
        for (const hook of this.storeHooks) await hook(trx, stored);
        return stored;
      });
    } catch (err) {
      // One bad publish must not lose the others merged into its batch: each on its own.
      if (batch.length > 1) for (const p of batch) await this.write([p]);
      else batch[0].failed(err);
      return;
    }
    for (const p of batch) p.done();
    this.notify(fresh, false);
  }

  /** Events another replica stored: to this replica's listeners (live streams), not stored again. */
  announce(events: ReceivedEventT[]) {
    this.notify(events, true);
  }

  private notify(events: ReceivedEventT[], relayed: boolean) {
    if (events.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(events, relayed);
      } catch (err) {
        this.onError(err);
      }
    }
  }
}
