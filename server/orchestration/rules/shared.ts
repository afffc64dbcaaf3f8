import { ALL_FROM, ALL_TYPES, detailTime, type Rule } from '../context.ts';

/** SCHEDULED → PENDING keeps the scheduled time when the proposal has none. */
export const CopyScheduledTime: Rule = {
  name: 'CopyScheduledTime',
  from: ['SCHEDULED'],
  to: ['PENDING'],
  before(ctx) {
    if (!ctx.proposed!.details.scheduled_time) ctx.proposed!.details.scheduled_time = ctx.initial!.details.scheduled_time;
  },
};

/** A run may not start before its scheduled time: WAIT the whole seconds until then. */
export const WaitForScheduledTime: Rule = {
  name: 'WaitForScheduledTime',
  from: ['SCHEDULED', 'PENDING'],
  to: ['RUNNING'],
  before(ctx) {
    const scheduled = detailTime(ctx.initial!.details.scheduled_time);
    if (scheduled === null) return;
    const delay = (scheduled - ctx.now) / 1e6;
    if (delay > 0) ctx.wait(delay, 'Scheduled time is in the future.');
  },
};

/** Forcing a FAILED/CRASHED run with a result reference to COMPLETED: its result is unknown. */
export const AddUnknownResult: Rule = {
  name: 'AddUnknownResult',
  from: ['FAILED', 'CRASHED'],
  to: ['COMPLETED'],
  before(ctx) {
    const data = ctx.initial!.data as { type?: unknown } | null;
    if (data && typeof data === 'object' && data.type === 'reference') ctx.proposed!.data = { type: 'unknown', value: null };
  },
};

/** Two claimers racing SCHEDULED → PENDING: the second sees PENDING and is aborted. */
export const PreventPendingTransitions: Rule = {
  name: 'PreventPendingTransitions',
  from: ['PENDING', 'RUNNING', 'CANCELLING', 'CANCELLED'],
  to: ['PENDING'],
  before(ctx) {
    ctx.abort(`This run is in a ${ctx.initial!.type} state and cannot transition to a PENDING state.`);
  },
};

export { ALL_FROM, ALL_TYPES };
