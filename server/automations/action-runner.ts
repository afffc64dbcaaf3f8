import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { ActionT } from '../api/models/automations.ts';
import type { ReceivedEventT, ResourceT } from '../api/models/events.ts';
import type { AppContext } from '../context.ts';
import { readAutomation, type ActionRunRow } from '../db/automations.ts';
import { fromJson } from '../lib/json.ts';
import { formatDateTime, nowMicros } from '../lib/time.ts';
import { claimed } from '../services/claims.ts';
import { Coalesced } from '../services/coalesced.ts';
import { act, ActionFailed, type Invocation, type Outcome } from './act.ts';
import type { Inject } from './template-context.ts';

/**
 * Runs the actions firings queued (A5.3). A replica claims pending rows with a lease
 * (PostgreSQL: a locking read that skips rows another replica holds), runs each once and
 * records the outcome with a `syntask.automation.action.executed|failed` event. A replica
 * that dies mid-action leaves its lease to expire; the next claim runs the action again
 * with the same invocation id (the `Syntask-Delivery-Id` of webhooks and notifications,
 * the idempotency key of created runs), so receivers can drop the repeat.
 */

const BATCH = 20;
const MAX_ATTEMPTS = 3;
const POLL_MS = 2000;

export class ActionRunner {
  private stopped = true;
  /** Set by stop(): actions cut short by shutdown are left to their lease, not recorded as failed. */
  private closing = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly passes = new Coalesced(
    () => (this.stopped ? Promise.resolve() : this.drain()),
    (err) => this.log.error({ err: { message: (err as Error).message } }, 'running automation actions failed'),
  );
  private abort = new AbortController();
  private log: Pick<FastifyBaseLogger, 'error' | 'warn'> = console;

  constructor(
    private readonly ctx: AppContext,
    private readonly inject: Inject,
  ) {}

  useLogger(log: Pick<FastifyBaseLogger, 'error' | 'warn'>) {
    this.log = log;
  }

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    this.closing = false;
    this.abort = new AbortController();
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.timer.unref?.();
    this.wake();
  }

  async stop() {
    this.stopped = true;
    this.closing = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.abort.abort();
    await this.passes.idle();
  }

  wake() {
    if (!this.stopped) this.passes.wake();
  }

  /** Runs every claimable action (tests call this directly). */
  async drain(): Promise<void> {
    for (;;) {
      const rows = await this.claim();
      if (rows.length === 0) return;
      await Promise.allSettled(rows.map((r) => this.run(r)));
    }
  }

  private async claim(): Promise<ActionRunRow[]> {
    const { db } = this.ctx;
    const now = nowMicros();
    const lease = now + Math.round((this.ctx.settings.notificationTimeoutSeconds * 2 + 30) * 1e6);
    return db.transaction(async (trx) => {
      const rows = await claimed(
        db,
        trx
          .selectFrom('automation_action_run')
          .selectAll()
          .where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)])]))
          .orderBy('created')
          .limit(BATCH),
      ).execute();
      if (rows.length === 0) return [];
      await trx
        .updateTable('automation_action_run')
        .set((eb) => ({ status: 'running', locked_until: lease, attempts: eb('attempts', '+', 1), started: eb.fn.coalesce('started', eb.val(now)) }))
        .where('id', 'in', rows.map((r) => r.id))
        .execute();
      return rows.map((r) => ({ ...r, attempts: r.attempts + 1 }));
    });
  }

  private async run(row: ActionRunRow) {
    const action = fromJson<ActionT>(row.action, { type: 'do-nothing' });
    const automation = await readAutomation(this.ctx.db.kysely, row.automation_id);
    let outcome: Outcome;
    if (!automation) outcome = { ok: false, reason: 'The automation was deleted', related: [] };
    else if (row.attempts > MAX_ATTEMPTS) outcome = { ok: false, reason: `Abandoned after ${MAX_ATTEMPTS} attempts that did not finish`, related: [] };
    else {
      const firing = await this.ctx.db.kysely.selectFrom('automation_firing').select(['triggering_labels', 'cause_event_ids']).where('id', '=', row.firing_id).executeTakeFirst();
      const inv: Invocation = {
        id: row.id,
        automation,
        firingId: row.firing_id,
        actionIndex: row.action_index,
        action,
        triggeringEvent: fromJson<ReceivedEventT | null>(row.triggering_event, null),
        labels: fromJson<Record<string, string>>(firing?.triggering_labels ?? null, {}),
        causeEvents: fromJson<string[]>(firing?.cause_event_ids ?? null, []),
      };
      try {
        outcome = await act(this.ctx, this.inject, inv, this.abort.signal);
      } catch (err) {
        if (this.closing) return; // Shutting down: the lease expires and another pass runs it.
        const failed = err instanceof ActionFailed ? err : null;
        outcome = { ok: false, reason: (err as Error).message, statusCode: failed?.statusCode, related: [], extra: failed?.extra };
        if (!failed) this.log.warn({ automation_id: row.automation_id, action_index: row.action_index, err: { message: (err as Error).message } }, 'automation action failed');
      }
    }
    const finished = nowMicros();
    await this.ctx.db.kysely
      .updateTable('automation_action_run')
      .set({ status: outcome.ok ? 'executed' : 'failed', reason: outcome.reason ?? null, status_code: outcome.statusCode ?? null, finished, locked_until: null })
      .where('id', '=', row.id)
      .execute();
    this.ctx.events.emit('changed', { resources: ['automations'] });
    if (automation) await this.ctx.eventLog.publish([actionEvent(automation, row, action, outcome, finished)]);
  }
}

function actionEvent(automation: NonNullable<Awaited<ReturnType<typeof readAutomation>>>, row: ActionRunRow, action: ActionT, outcome: Outcome, at: number): ReceivedEventT {
  const resource: ResourceT = {
    'syntask.resource.id': `syntask.automation.${automation.id}`,
    'syntask.resource.name': automation.name,
    'syntask.trigger-type': automation.trigger.type,
  };
  if (automation.trigger.type === 'event') resource['syntask.posture'] = automation.trigger.posture;
  const payload: Record<string, unknown> = { action_index: row.action_index, action_type: action.type, invocation: row.id };
  if (outcome.statusCode !== undefined) payload.status_code = outcome.statusCode;
  if (!outcome.ok) payload.reason = outcome.reason;
  Object.assign(payload, outcome.extra ?? {});
  return {
    occurred: formatDateTime(at),
    event: outcome.ok ? 'syntask.automation.action.executed' : 'syntask.automation.action.failed',
    resource,
    related: outcome.related,
    payload,
    id: randomUUID(),
    follows: null,
    received: formatDateTime(at),
  };
}
