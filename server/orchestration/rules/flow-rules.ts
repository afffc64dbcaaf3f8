import { randomUUID } from 'node:crypto';
import type { FlowRunPolicyT } from '../../api/models/runs.ts';
import { ALL_FROM, ALL_TYPES, detailTime, hasPersistedData, isTerminal, newState, TERMINAL, type Rule } from '../context.ts';
import { formatDateTime } from '../../lib/time.ts';

const policyOf = (ctx: { run: { flow_policy?: FlowRunPolicyT } }) => ctx.run.flow_policy!;

export const PreventDuplicateTransitions: Rule = {
  name: 'PreventDuplicateTransitions',
  from: ALL_FROM,
  to: ALL_TYPES,
  before(ctx) {
    const previous = ctx.initial?.details.transition_id;
    if (previous && previous === ctx.proposed!.details.transition_id) ctx.reject('This run has already made this state transition.');
  },
};

const savedByTerminalRule = new WeakMap<object, FlowRunPolicyT>();
const savedByResumeRule = new WeakMap<object, FlowRunPolicyT>();

export const HandleFlowTerminalStateTransitions: Rule = {
  name: 'HandleFlowTerminalStateTransitions',
  from: TERMINAL,
  to: ALL_TYPES,
  before(ctx) {
    const proposed = ctx.proposed!;
    if (proposed.type === 'CANCELLING' || proposed.type === 'PAUSED' || proposed.type === 'CRASHED') {
      return ctx.abort(`Run is already ${ctx.initial!.type}.`);
    }
    if (isTerminal(proposed.type)) return;
    if (ctx.initial!.type === 'COMPLETED' && hasPersistedData(ctx.initial)) return ctx.reject('This run is already completed and its result is persisted.');
    if (proposed.type === 'SCHEDULED' && !ctx.run.deployment_id) return ctx.abort('Cannot reschedule a run without a deployment.');
    const policy = policyOf(ctx);
    savedByTerminalRule.set(ctx, { ...policy });
    policy.pause_keys = [];
    policy.resuming = false;
    policy.retry_type = proposed.type === 'SCHEDULED' ? 'reschedule' : null;
  },
  cleanup(ctx) {
    const saved = savedByTerminalRule.get(ctx);
    if (saved) ctx.run.flow_policy = saved;
  },
};

export const EnforceCancellingToCancelledTransition: Rule = {
  name: 'EnforceCancellingToCancelledTransition',
  from: ['CANCELLING', 'CANCELLED'],
  to: ALL_TYPES.filter((t) => t !== 'CANCELLED'),
  before(ctx) {
    ctx.reject('Cannot transition flows that are cancelling to a state other than Cancelled.');
  },
};

export const BypassCancellingFlowRunsWithNoInfra: Rule = {
  name: 'BypassCancellingFlowRunsWithNoInfra',
  from: ALL_FROM,
  to: ['CANCELLING'],
  before(ctx) {
    const initial = ctx.initial;
    const noInfra = initial?.type === 'SCHEDULED' && !ctx.run.infrastructure_pid;
    const resuming = initial?.name === 'Resuming';
    const suspended = initial?.type === 'PAUSED' && initial.details.pause_reschedule;
    if (!noInfra && !resuming && !suspended) return;
    ctx.reject(
      'Run is not running on any infrastructure; it is cancelled directly.',
      newState('CANCELLED', 'Cancelled', ctx.now, { message: ctx.proposed!.message }),
    );
  },
};

export const EnsureOnlyScheduledFlowsMarkedLate: Rule = {
  name: 'EnsureOnlyScheduledFlowsMarkedLate',
  from: ALL_FROM.filter((t) => t !== 'SCHEDULED'),
  to: ['SCHEDULED'],
  before(ctx) {
    if (ctx.proposed!.name === 'Late') ctx.reject('Only scheduled flows can be marked late.');
  },
};

/** Late-run policy: a run is marked Late once (another replica's pass may have done it). */
export const PreventRepeatedLate: Rule = {
  name: 'PreventRepeatedLate',
  from: ['SCHEDULED'],
  to: ['SCHEDULED'],
  before(ctx) {
    if (ctx.proposed!.name === 'Late' && ctx.initial?.name === 'Late') ctx.reject('The flow run is already late.');
  },
};

export const HandlePausingFlows: Rule = {
  name: 'HandlePausingFlows',
  from: ALL_FROM,
  to: ['PAUSED'],
  before(ctx) {
    if (!ctx.initial) return ctx.abort('Cannot pause flows with no state.');
    if (ctx.initial.type !== 'RUNNING') return ctx.reject('Cannot pause flows that are not currently running.');
    const details = ctx.proposed!.details;
    details.pause_key ??= randomUUID();
    if (policyOf(ctx).pause_keys.includes(details.pause_key)) return ctx.reject('This pause has already fired.');
    if (details.pause_reschedule) {
      if (ctx.run.parent_task_run_id) return ctx.abort('Cannot pause subflows with the reschedule option.');
      if (!ctx.run.deployment_id) return ctx.abort('Cannot pause flows without a deployment with the reschedule option.');
    }
  },
  after(ctx, written) {
    const policy = policyOf(ctx);
    if (written.details.pause_key) policy.pause_keys = [...policy.pause_keys, written.details.pause_key];
  },
};

export const HandleResumingPausedFlows: Rule = {
  name: 'HandleResumingPausedFlows',
  from: ['PAUSED'],
  to: ALL_TYPES,
  before(ctx) {
    const proposed = ctx.proposed!;
    if (!(proposed.type === 'RUNNING' || proposed.type === 'SCHEDULED' || isTerminal(proposed.type))) {
      return ctx.reject(`This run cannot transition to the ${proposed.type} state from the PAUSED state.`);
    }
    if (ctx.initial!.details.pause_reschedule && !ctx.run.deployment_id) return ctx.reject('Cannot reschedule a paused flow run without a deployment.');
    const timeout = detailTime(ctx.initial!.details.pause_timeout);
    if (timeout !== null && timeout < ctx.now) {
      return ctx.reject('The flow was paused and never resumed.', newState('FAILED', 'Failed', ctx.now, { message: 'The flow was paused and never resumed.' }));
    }
    if (ctx.apiAtLeast(0, 8, 4) && !isTerminal(proposed.type)) {
      savedByResumeRule.set(ctx, { ...policyOf(ctx) });
      policyOf(ctx).resuming = true;
    }
  },
  cleanup(ctx) {
    const saved = savedByResumeRule.get(ctx);
    if (saved) ctx.run.flow_policy = saved;
  },
};

export const RetryFailedFlows: Rule = {
  name: 'RetryFailedFlows',
  from: ['RUNNING'],
  to: ['FAILED'],
  before(ctx) {
    const policy = policyOf(ctx);
    const retries = policy.retries ?? 0;
    if (ctx.run.run_count > retries) return;
    const delay = policy.retry_delay ?? 0;
    policy.retry_type = 'in_process';
    policy.pause_keys = [];
    policy.resuming = false;
    const proposed = ctx.proposed!;
    ctx.reject(
      'Retrying',
      newState('SCHEDULED', 'AwaitingRetry', ctx.now, {
        message: proposed.message,
        data: proposed.data,
        details: { scheduled_time: formatDateTime(ctx.now + delay * 1e6) },
      }),
    );
  },
};

