import type { FastifyBaseLogger } from 'fastify';
import type { ReceivedEventT } from '../api/models/events.ts';
import type { EventEmitter } from 'node:events';
import type { AppEvents } from '../context.ts';
import type { Db } from '../db/connection.ts';
import type { WrittenState } from '../orchestration/engine.ts';
import type { Settings } from '../settings.ts';
import { FlowRunRelations, flowRunStateEvent } from './flow-run-events.ts';
import { EventSink } from './sink.ts';
import { statusEvents, type StatusChange } from './status-events.ts';

/**
 * The server's events: the sink every event goes through, and the events the server
 * itself emits (A2.2). Off (`SYNTASK_EXPERIMENTAL_EVENTS=false`), nothing is recorded.
 */
export class EventLog {
  readonly sink: EventSink;
  private readonly relations: FlowRunRelations;
  private log: Pick<FastifyBaseLogger, 'error'> = console;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly settings: Settings,
  ) {
    this.sink = new EventSink(db, (err) => this.log.error({ err }, 'event listener failed'));
    this.relations = new FlowRunRelations(db, settings.events.relatedCacheSeconds);
  }

  /**
   * Live lists: each stored batch says `changed: events` (streams coalesce these to one per
   * 200 ms; the change feed tells other replicas). Relayed batches were announced where stored.
   */
  announceChanges(events: EventEmitter<AppEvents>): () => void {
    return this.sink.subscribe((_stored, relayed) => {
      if (!relayed) events.emit('changed', { resources: ['events'] });
    });
  }

  get enabled() {
    return this.settings.events.enabled;
  }

  useLogger(log: Pick<FastifyBaseLogger, 'error'>) {
    this.log = log;
  }

  /** Publishes events when events are on; resolves once stored. */
  publish(events: ReceivedEventT[]): Promise<void> {
    return this.enabled ? this.sink.publish(events) : Promise.resolve();
  }

  /**
   * After commit: one `syntask.flow-run.<state>` event per flow-run state orchestration
   * wrote here. Chained, so a run's events reach the sink (and live streams) in order.
   */
  recordStates(writes: WrittenState[]): void {
    if (!this.enabled) return;
    const flows = writes.filter((w) => w.kind === 'flow' && w.runName !== undefined);
    if (flows.length === 0) return;
    this.chain = this.chain
      .then(async () => {
        const events: ReceivedEventT[] = [];
        for (const w of flows) {
          const related = await this.relations.of(w.runId);
          if (related) events.push(flowRunStateEvent(w, related));
        }
        this.sink.publish(events).catch((err) => this.failed(err));
      })
      .catch((err) => this.failed(err));
  }

  /** After commit: deployment, work-queue and work-pool status events for the statuses a write changed. */
  recordStatusChanges(changes: StatusChange[]): void {
    if (!this.enabled || changes.length === 0) return;
    this.chain = this.chain
      .then(async () => {
        // Stored before the next change is read: a pool's next status event `follows` this one.
        await this.sink.publish(await statusEvents(this.db, changes));
      })
      .catch((err) => this.failed(err));
  }

  /** Everything recorded so far is stored (server shutdown, tests). */
  async drain(): Promise<void> {
    await this.chain;
    await this.sink.flush();
  }

  private failed(err: unknown) {
    this.log.error({ err: { message: (err as Error)?.message } }, 'recording an event failed');
  }
}
