import type { FastifyBaseLogger } from 'fastify';
import type { Selectable } from 'kysely';
import type { AppContext } from '../context.ts';
import { claimDueNotifications, earliestDueNotification, notificationContext, type NotificationPolicy } from '../db/notification-policies.ts';
import type { FlowRunNotificationQueueTable } from '../db/schema.ts';
import { DEFAULT_MESSAGE_TEMPLATE, NOTIFICATION_SUBJECT, renderTemplate, type TemplateValues } from '../lib/notification-template.ts';
import { formatDateTime, nowMicros } from '../lib/time.ts';
import type { WrittenState } from '../orchestration/engine.ts';
import { Coalesced } from './coalesced.ts';
import { DeliveryError, NotificationSetupError, sendThroughBlock, type Notification } from './notification-senders.ts';

/**
 * Flow run notifications (contract §3.13, §6). Writing a flow run state queues a message
 * per matching active policy in `flow_run_notification_queue`, in the same transaction;
 * this sender claims due messages and sends each through the policy's block, retrying
 * failures with exponential backoff. Sending never runs inside orchestration: a slow or
 * failing receiver never delays a state change. The durable queue survives restarts;
 * several servers claim messages atomically (each attempt is made by one of them), and
 * every attempt carries the message's `Syntask-Delivery-Id` so a receiver can drop the
 * rare repeat after a server died between sending and recording it.
 */

const BATCH = 20;

export function flowRunUrl(ctx: AppContext, flowRunId: string) {
  return `${ctx.settings.uiUrl.replace(/\/+$/, '')}/runs/flow-run/${flowRunId}`;
}

export function renderNotification(policy: Pick<NotificationPolicy, 'message_template'>, values: TemplateValues): Notification {
  return { subject: NOTIFICATION_SUBJECT, body: renderTemplate(policy.message_template ?? DEFAULT_MESSAGE_TEMPLATE, values) };
}

export class NotificationService {
  private stopped = true;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private readonly passes = new Coalesced(
    () => (this.stopped ? Promise.resolve() : this.drain()),
    (err) => this.log.warn({ err: { message: (err as Error).message } }, 'Sending flow run notifications failed'),
    // Keep polling even when a pass failed (the timer only ever moves earlier).
    () => this.schedule(this.ctx.settings.notificationPollIntervalSeconds * 1000),
  );
  private abort = new AbortController();

  constructor(
    private readonly ctx: AppContext,
    private readonly log: FastifyBaseLogger,
  ) {}

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    this.abort = new AbortController();
    this.ctx.events.on('state', this.onState);
    this.schedule(0);
  }

  /** Stops listening and waits for work in flight (requests are aborted, their messages stay queued). */
  async stop() {
    if (this.stopped) return;
    this.stopped = true;
    this.ctx.events.off('state', this.onState);
    clearTimeout(this.timer);
    this.timer = undefined;
    this.abort.abort();
    await this.passes.idle();
  }

  /** A state that queued messages (here or, through the change feed, on another replica) wakes the sender. */
  private readonly onState = (written: WrittenState) => {
    if (written.kind === 'flow' && written.notified) this.schedule(0);
  };

  private schedule(delayMs: number) {
    if (this.stopped) return;
    const at = Date.now() + delayMs;
    if (this.timer && this.timerAt <= at) return;
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      this.kick();
    }, delayMs);
    this.timer.unref?.();
  }

  private kick() {
    this.passes.wake();
  }

  private async drain() {
    const { db, settings } = this.ctx;
    while (!this.stopped) {
      const now = nowMicros();
      const lease = now + Math.round((settings.notificationTimeoutSeconds * 2 + 30) * 1e6);
      const claimed = await claimDueNotifications(db.kysely, db.dialect, now, lease, BATCH);
      if (claimed.length === 0) break;
      await Promise.allSettled(claimed.map((row) => this.attempt(row)));
    }
    if (this.stopped) return;
    const next = await earliestDueNotification(db.kysely);
    const poll = this.ctx.settings.notificationPollIntervalSeconds * 1000;
    this.schedule(next === null ? poll : Math.min(poll, Math.max(0, (next - nowMicros()) / 1000)));
  }

  private async attempt(row: Selectable<FlowRunNotificationQueueTable>) {
    const db = this.ctx.db.kysely;
    const { settings } = this.ctx;
    // Claimed: `attempts` counts this one.
    const attempts = row.attempts;
    const policyId = row.flow_run_notification_policy_id;
    try {
      const found = await notificationContext(db, policyId, row.flow_run_state_id);
      if (found) {
        const { policy, run } = found;
        const message = renderNotification(policy, {
          flow_run_notification_policy_id: policy.id,
          flow_id: run.flow_id,
          flow_name: run.flow_name,
          flow_run_url: flowRunUrl(this.ctx, run.flow_run_id),
          flow_run_id: run.flow_run_id,
          flow_run_name: run.flow_run_name,
          flow_run_parameters: run.parameters,
          flow_run_state_type: run.type,
          flow_run_state_name: run.state_name,
          flow_run_state_timestamp: formatDateTime(run.timestamp),
          flow_run_state_message: run.message ?? '',
        });
        await sendThroughBlock(this.ctx, policy.block_document_id, message, this.abort.signal, row.id);
      }
      await db.deleteFrom('flow_run_notification_queue').where('id', '=', row.id).execute();
    } catch (err) {
      if (this.stopped) {
        // Shutting down: leave the message for the next start, this attempt not counted.
        await db.updateTable('flow_run_notification_queue').set({ locked_until: null, attempts: attempts - 1 }).where('id', '=', row.id).execute().catch(() => undefined);
        return;
      }
      const delivery = err instanceof DeliveryError ? err : null;
      // Only the policy, the status and the error class: never the URL or the message.
      const details = { policy_id: policyId, attempt: attempts, status: delivery?.status ?? null, error: delivery?.errorClass ?? (err as Error).name };
      // A block that cannot send will not improve; receivers and database hiccups might.
      if (!(err instanceof NotificationSetupError) && attempts <= settings.notificationRetries) {
        const delay = settings.notificationRetryDelaySeconds * 2 ** (attempts - 1);
        await db
          .updateTable('flow_run_notification_queue')
          .set({ locked_until: null, next_attempt_at: nowMicros() + Math.round(delay * 1e6), updated: nowMicros() })
          .where('id', '=', row.id)
          .execute();
        this.log.info(details, `Flow run notification failed; retrying in ${delay}s`);
      } else {
        await db.deleteFrom('flow_run_notification_queue').where('id', '=', row.id).execute();
        this.log.warn({ ...details, reason: delivery ? undefined : (err as Error).message }, 'Flow run notification could not be delivered');
      }
    }
  }
}
