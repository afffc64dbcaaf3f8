import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { AutomationT } from '../api/models/automations.ts';
import type { ReceivedEventT } from '../api/models/events.ts';
import type { AppContext } from '../context.ts';
import { decodeEvent } from '../db/events.ts';
import { enabledAutomations } from '../db/automations.ts';
import type { Executor } from '../db/connection.ts';
import { toJson } from '../lib/json.ts';
import { formatDateTime, nowMicros, parseDateTime } from '../lib/time.ts';
import { Coalesced } from '../services/coalesced.ts';
import { ActionRunner } from './action-runner.ts';
import { TriggerEngine, type AutomationFiring } from './evaluator.ts';
import { DbTriggerStore } from './store.ts';
import type { Inject } from './template-context.ts';

/**
 * Automations at run time (A6). Every replica keeps the enabled automations in memory and,
 * in the transaction that stores events, queues the ones some trigger covers. One replica at
 * a time (a service lock) evaluates the queue in event order and runs the proactive checks:
 * windows, counts and composite firings are rows, so evaluation survives restarts and acts
 * once however many replicas share the database. A firing, its actions (as claimable rows)
 * and the removal of the events it consumed commit together.
 */

const BATCH = 500;
const POLL_MS = 1000;
const LOCK = 'automation-triggers';

export class AutomationRuntime {
  engine = new TriggerEngine([]);
  readonly actions: ActionRunner;
  private stopped = true;
  private timers: NodeJS.Timeout[] = [];
  private unhooks: (() => void)[] = [];
  private readonly passes = new Coalesced(
    () => this.pass(),
    (err) => this.log.error({ err: { message: (err as Error).message } }, 'evaluating automations failed'),
  );
  private lastTick = 0;

  private log: Pick<FastifyBaseLogger, 'error' | 'warn'> = console;

  constructor(
    private readonly ctx: AppContext,
    readonly inject: Inject,
  ) {
    this.actions = new ActionRunner(ctx, inject);
  }

  useLogger(log: Pick<FastifyBaseLogger, 'error' | 'warn'>) {
    this.log = log;
    this.actions.useLogger(log);
  }

  get enabled() {
    return this.ctx.settings.events.triggersEnabled;
  }

  /** Queues stored events from the start (also without the loops: tests and `createServer`). */
  async attach(): Promise<void> {
    if (!this.enabled || this.unhooks.length) return;
    await this.reload();
    this.unhooks.push(this.ctx.eventLog.sink.onStore((trx, fresh) => this.queue(trx, fresh)));
    const onChanged = ({ resources }: { resources: string[] }) => {
      if (resources.includes('automations')) void this.reload().catch((err) => this.log.error({ err }, 'loading automations failed'));
    };
    this.ctx.events.on('changed', onChanged);
    this.unhooks.push(() => this.ctx.events.off('changed', onChanged));
  }

  /** The evaluation loop and the action runner. */
  async start(): Promise<void> {
    if (!this.enabled || !this.stopped) return;
    await this.attach();
    this.stopped = false;
    this.unhooks.push(this.ctx.eventLog.sink.subscribe(() => this.wake()));
    this.timers.push(setInterval(() => this.wake(), Math.min(POLL_MS, this.ctx.settings.events.proactiveGranularitySeconds * 1000)));
    for (const t of this.timers) t.unref?.();
    this.actions.start();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    for (const u of this.unhooks) u();
    this.unhooks = [];
    await this.passes.idle();
    await this.actions.stop();
  }

  async reload(): Promise<void> {
    this.engine = new TriggerEngine(await enabledAutomations(this.ctx.db.kysely));
  }

  private async queue(trx: Executor, fresh: ReceivedEventT[]) {
    if (this.engine.empty) return;
    const covered = fresh.filter((e) => this.engine.coversAny(e));
    if (covered.length === 0) return;
    await trx
      .insertInto('automation_event_queue')
      .values(covered.map((e) => ({ event_id: e.id, occurred: parseDateTime(e.occurred)! })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  private wake() {
    if (!this.stopped) this.passes.wake();
  }

  private async pass() {
    if (this.stopped) return;
    await this.ctx.locks.tryRun(LOCK, async () => {
      await this.evaluateQueuedNow();
      const now = nowMicros();
      if (now - this.lastTick >= this.ctx.settings.events.proactiveGranularitySeconds * 1e6) {
        this.lastTick = now;
        await this.tickNow(now);
      }
    });
  }

  /** Evaluates every queued event unless another replica is at it; how many firings were recorded. */
  async evaluateQueued(): Promise<number> {
    const r = await this.ctx.locks.tryRun(LOCK, () => this.evaluateQueuedNow());
    return r.ran ? r.value : 0;
  }

  /** The proactive check at `now` unless another replica is evaluating. */
  async tick(now = nowMicros()): Promise<number> {
    const r = await this.ctx.locks.tryRun(LOCK, () => this.tickNow(now));
    return r.ran ? r.value : 0;
  }

  /** Every queued event, oldest first (the caller holds the lock). */
  private async evaluateQueuedNow(): Promise<number> {
    let fired = 0;
    for (;;) {
      const engine = this.engine;
      const published: ReceivedEventT[] = [];
      const taken = await this.ctx.db.transaction(async (trx) => {
        const rows = await trx.selectFrom('automation_event_queue as q').leftJoin('event', 'event.id', 'q.event_id').select('q.event_id').selectAll('event').orderBy('q.occurred').orderBy('q.event_id').limit(BATCH).execute();
        if (rows.length === 0) return 0;
        const store = new DbTriggerStore(trx);
        const firings: AutomationFiring[] = [];
        for (const row of rows) if (row.id) firings.push(...(await engine.evaluateEvent(decodeEvent(row as never), store)));
        await store.flush();
        published.push(...(await recordFirings(trx, firings)));
        await trx.deleteFrom('automation_event_queue').where('event_id', 'in', rows.map((r) => r.event_id)).execute();
        fired += firings.length;
        return rows.length;
      });
      await this.announce(published);
      if (taken < BATCH) return fired;
    }
  }

  /** The proactive check and the sweep at `now` (A6.4; the caller holds the lock). */
  private async tickNow(now: number): Promise<number> {
    const engine = this.engine;
    if (engine.empty) return 0;
    const published: ReceivedEventT[] = [];
    const fired = await this.ctx.db.transaction(async (trx) => {
      const store = new DbTriggerStore(trx);
      const firings = await engine.tick(now, store, this.ctx.settings.events.expiredBucketBufferSeconds * 1e6);
      await store.flush();
      published.push(...(await recordFirings(trx, firings, now)));
      return firings.length;
    });
    await this.announce(published);
    return fired;
  }

  private async announce(triggered: ReceivedEventT[]) {
    if (triggered.length === 0) return;
    this.ctx.events.emit('changed', { resources: ['automations'] });
    this.actions.wake();
    await this.ctx.eventLog.publish(triggered);
  }

  /** Tests: everything queued is evaluated and every pending action has run. */
  async settle(): Promise<void> {
    await this.ctx.eventLog.drain();
    await this.evaluateQueued();
    await this.actions.drain();
    await this.ctx.eventLog.drain();
  }
}

/** `syntask.automation.triggered` (A6.4). */
function triggeredEvent(automation: AutomationT, firing: AutomationFiring['firing'], at: number): ReceivedEventT {
  const resource: Record<string, string> = { 'syntask.resource.id': `syntask.automation.${automation.id}`, 'syntask.resource.name': automation.name };
  if (automation.trigger.type === 'event') resource['syntask.posture'] = automation.trigger.posture;
  return {
    occurred: formatDateTime(at),
    event: 'syntask.automation.triggered',
    resource,
    related: firing.event ? [{ 'syntask.resource.id': `syntask.event.${firing.event.id}`, 'syntask.resource.role': 'triggering-event' }] : [],
    payload: { triggering_labels: firing.labels, triggering_event: firing.event },
    id: randomUUID(),
    follows: null,
    received: formatDateTime(at),
  };
}

/** Each firing with its actions as claimable rows (A5.3 order: actions, then actions_on_trigger); returns the triggered events. */
async function recordFirings(trx: Executor, firings: AutomationFiring[], at?: number): Promise<ReceivedEventT[]> {
  const out: ReceivedEventT[] = [];
  for (const { automation, firing } of firings) {
    const now = at ?? nowMicros();
    const triggered = triggeredEvent(automation, firing, now);
    const firingId = randomUUID();
    await trx
      .insertInto('automation_firing')
      .values({
        id: firingId,
        automation_id: automation.id,
        trigger_id: firing.triggerId,
        fired: now,
        triggering_labels: toJson(firing.labels),
        triggering_event: firing.event ? toJson(firing.event) : null,
        cause_event_ids: toJson(firing.causeEventIds),
        triggered_event_id: triggered.id,
      })
      .execute();
    const runs = [...automation.actions.map((a) => [a, firing.event] as const), ...automation.actions_on_trigger.map((a) => [a, triggered] as const)];
    if (runs.length) {
      await trx
        .insertInto('automation_action_run')
        .values(
          runs.map(([action, event], i) => ({
            id: randomUUID(),
            firing_id: firingId,
            automation_id: automation.id,
            action_index: i,
            action: toJson(action),
            triggering_event: event ? toJson(event) : null,
            status: 'pending',
            attempts: 0,
            locked_until: null,
            reason: null,
            status_code: null,
            started: null,
            finished: null,
            created: now,
          })),
        )
        .execute();
    }
    out.push(triggered);
  }
  return out;
}
