/**
 * The tab's one live connection: a single EventSource on `/ui/stream`, carrying the list
 * signals and the events of every run a page of the tab follows (`?flow_run_id=`), since
 * browsers allow six connections per server over HTTP/1.1 and a second stream per page
 * would use them up with three tabs. Pages subscribe; the connection is reopened when the
 * set of followed runs changes (then each new subscriber catches up), and after it drops
 * every subscriber polls until it is back, then catches up once.
 */

/** `live`: pushed; `reconnecting`: dropped, polling until back; `polling`: no stream at all. */
export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'polling';

export interface LiveSubscriber {
  /** The run whose `state` and `logs` events this subscriber wants (none: list signals only). */
  runId?: string;
  /** Events of the stream (`changed`, `reset`, and for `runId` its `state` and `logs`). */
  onEvent(event: string, data: Record<string, unknown>): void;
  /**
   * Read again what may have changed unseen: after a (re)connect, and as a poll while
   * disconnected. `readBefore`: only what was read before that time can have missed changes
   * (a subscriber's first open); without it, everything.
   */
  onCatchUp(readBefore?: number): void;
}

export const FALLBACK_POLL_MS = 3000;
/** A stream the server refused (a 502 during a restart, a 401 before signing in again) is tried again, less and less often. */
const REOPEN_MS = [2000, 5000, 10_000, 30_000];
const EVENTS = ['changed', 'reset', 'state', 'logs'];

type UrlOf = (path: string) => Promise<string>;

export class LiveConnection {
  private readonly subscribers = new Set<LiveSubscriber>();
  private source: EventSource | undefined;
  private openedFor: string | null = null;
  /** Subscribers that have not seen an open stream since they subscribed. */
  private fresh = new Set<LiveSubscriber>();
  private dropped = false;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private syncTimer: ReturnType<typeof setTimeout> | undefined;
  private reopenTimer: ReturnType<typeof setTimeout> | undefined;
  private refusals = 0;
  private state: LiveState | null = null;
  private readonly stateListeners = new Set<() => void>();

  constructor(private readonly urlOf: UrlOf) {}

  subscribe(subscriber: LiveSubscriber): () => void {
    this.subscribers.add(subscriber);
    this.fresh.add(subscriber);
    this.scheduleSync();
    return () => {
      this.subscribers.delete(subscriber);
      this.fresh.delete(subscriber);
      this.scheduleSync();
    };
  }

  getState = () => this.state;
  onStateChange = (listener: () => void) => {
    this.stateListeners.add(listener);
    return () => void this.stateListeners.delete(listener);
  };

  private setState(state: LiveState | null) {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.stateListeners) listener();
  }

  /** Subscriptions change in bursts (a page mounts several hooks): one reopen for all of them. */
  private scheduleSync() {
    clearTimeout(this.syncTimer);
    this.syncTimer = setTimeout(() => void this.sync(), 30);
  }

  private path(): string | null {
    if (this.subscribers.size === 0) return null;
    const runs = [...new Set([...this.subscribers].map((s) => s.runId).filter((id): id is string => Boolean(id)))].sort();
    return `/ui/stream${runs.length ? `?${runs.map((id) => `flow_run_id=${encodeURIComponent(id)}`).join('&')}` : ''}`;
  }

  private async sync() {
    const path = this.path();
    if (path === this.openedFor && (this.source || this.reopenTimer)) {
      // Same runs: a new subscriber of an open stream only needs to catch up.
      if (this.state === 'live') this.catchUpFresh();
      return;
    }
    this.close();
    this.openedFor = path;
    if (path === null) return this.setState(null);
    this.setState('connecting');
    const url = await this.urlOf(path);
    if (this.openedFor !== path || this.source) return;
    const source = new EventSource(url);
    this.source = source;
    source.addEventListener('open', () => {
      this.refusals = 0;
      this.stopPolling();
      this.setState('live');
      if (this.dropped) {
        this.dropped = false;
        for (const s of this.subscribers) s.onCatchUp();
        this.fresh.clear();
      } else this.catchUpFresh();
    });
    source.addEventListener('error', () => {
      if (this.source !== source) return;
      this.dropped = true;
      this.startPolling();
      if (source.readyState !== EventSource.CLOSED) return this.setState('reconnecting');
      // Refused (not a 200 event stream): EventSource gives up for good, so try again later.
      source.close();
      this.source = undefined;
      this.setState('reconnecting');
      const delay = REOPEN_MS[Math.min(this.refusals++, REOPEN_MS.length - 1)];
      this.reopenTimer = setTimeout(() => {
        this.reopenTimer = undefined;
        this.openedFor = null;
        void this.sync();
      }, delay);
    });
    for (const event of EVENTS) {
      source.addEventListener(event, (message) => {
        const data = JSON.parse((message as MessageEvent<string>).data) as Record<string, unknown>;
        const runId = typeof data.flow_run_id === 'string' ? data.flow_run_id : undefined;
        for (const s of this.subscribers) if (event === 'changed' || event === 'reset' || s.runId === runId) s.onEvent(event, data);
      });
    }
  }

  /** Subscribers that came after the page's first reads may have missed changes meanwhile. */
  private catchUpFresh() {
    const openedAt = Date.now();
    for (const s of this.fresh) s.onCatchUp(openedAt);
    this.fresh.clear();
  }

  private startPolling() {
    this.pollTimer ??= setInterval(() => {
      for (const s of this.subscribers) s.onCatchUp();
    }, FALLBACK_POLL_MS);
  }

  private stopPolling() {
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private close() {
    this.stopPolling();
    clearTimeout(this.reopenTimer);
    this.reopenTimer = undefined;
    this.source?.close();
    this.source = undefined;
  }
}
