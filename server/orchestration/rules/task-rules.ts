import type { TaskRunPolicyT } from '../../api/models/runs.ts';
import { ALL_FROM, ALL_TYPES, detailTime, hasPersistedData, isTerminal, newState, TERMINAL, type Rule } from '../context.ts';
import { formatDateTime } from '../../lib/time.ts';

const policyOf = (ctx: { run: { task_policy?: TaskRunPolicyT } }) => ctx.run.task_policy!;
const cacheKeyOf = (ctx: Parameters<Rule['before']>[0]) => ctx.proposed?.details.cache_key ?? ctx.run.cache_key ?? null;

export const CacheRetrieval: Rule = {
  name: 'CacheRetrieval',
  from: ALL_FROM,
  to: ['RUNNING'],
  async before(ctx) {
    const key = cacheKeyOf(ctx);
    if (!key || ctx.proposed!.details.refresh_cache) return;
    const cached = await ctx.env.store.cachedState(key, ctx.now);
    if (!cached) return;
    ctx.reject(
      'Retrieved state from cache',
      newState('COMPLETED', 'Cached', ctx.now, { message: cached.message, data: cached.data, details: { ...cached.details, flow_run_id: null, task_run_id: null, transition_id: null } }),
    );
  },
};

const savedRunCounts = new WeakMap<object, number>();

export const HandleTaskTerminalStateTransitions: Rule = {
  name: 'HandleTaskTerminalStateTransitions',
  from: TERMINAL,
  to: ALL_TYPES,
  async before(ctx) {
    const proposed = ctx.proposed!;
    if (proposed.type === 'CANCELLING' || proposed.type === 'PAUSED' || proposed.type === 'CRASHED') return ctx.abort(`Run is already ${ctx.initial!.type}.`);
    if (ctx.initial!.type === 'COMPLETED' && hasPersistedData(ctx.initial)) return ctx.reject('This run is already completed and its result is persisted.');
    if (isTerminal(proposed.type)) return;
    savedRunCounts.set(ctx, ctx.run.run_count);
    ctx.run.run_count = 0;
    if (proposed.type === 'RUNNING') {
      const parent = await ctx.parentFlowRun();
      if (parent && parent.run_count > (ctx.run.flow_run_run_count ?? 0)) proposed.name = 'Retrying';
    }
  },
  cleanup(ctx) {
    const saved = savedRunCounts.get(ctx);
    if (saved !== undefined) ctx.run.run_count = saved;
  },
};

export const PreventRunningTasksFromStoppedFlows: Rule = {
  name: 'PreventRunningTasksFromStoppedFlows',
  from: ALL_FROM,
  to: ['RUNNING'],
  async before(ctx) {
    if (!ctx.run.flow_run_id) return;
    const parent = await ctx.parentFlowRun();
    const state = parent?.state ?? null;
    if (state?.type === 'PAUSED') {
      return ctx.reject(
        'The flow run is paused; the task waits until it resumes.',
        newState('PAUSED', 'NotReady', ctx.now, { details: { pause_timeout: state.details.pause_timeout, pause_reschedule: state.details.pause_reschedule } }),
      );
    }
    if (!state || state.type !== 'RUNNING') ctx.abort('The enclosing flow must be running to begin task execution.');
  },
};

/** Capacity is checked in `before`; the slot is taken in `after`, so a fizzled rule holds nothing. */
export const SecureTaskConcurrencySlots: Rule = {
  name: 'SecureTaskConcurrencySlots',
  from: ALL_FROM,
  to: ['RUNNING'],
  async before(ctx) {
    if (ctx.run.tags.length === 0) return;
    for (const limit of await ctx.env.store.limitsForTags(ctx.run.tags)) {
      if (limit.concurrency_limit === 0) return ctx.abort(`The concurrency limit on tag "${limit.tag}" is 0 and will deadlock if the task tries to run again.`);
      if (!limit.active_slots.includes(ctx.run.id) && limit.active_slots.length >= limit.concurrency_limit) {
        return ctx.wait(ctx.env.settings.tagSlotWaitSeconds, `Concurrency limit for the ${limit.tag} tag has been reached`);
      }
    }
  },
  async after(ctx) {
    if (ctx.run.tags.length === 0) return;
    for (const limit of await ctx.env.store.limitsForTags(ctx.run.tags)) {
      if (!limit.active_slots.includes(ctx.run.id)) await ctx.env.store.setActiveSlots(limit.id, [...limit.active_slots, ctx.run.id]);
    }
  },
};

function retryDelaySeconds(policy: TaskRunPolicyT, runCount: number): number {
  const d = policy.retry_delay;
  let delay = Array.isArray(d) ? (d.length ? d[Math.min(runCount - 1, d.length - 1)] : 0) : (d ?? 0);
  const jitter = policy.retry_jitter_factor;
  if (jitter && delay > 0) delay = Math.max(0, delay + (Math.random() * 2 - 1) * jitter * delay);
  return delay;
}

export const RetryFailedTasks: Rule = {
  name: 'RetryFailedTasks',
  from: ['RUNNING'],
  to: ['FAILED'],
  before(ctx) {
    const proposed = ctx.proposed!;
    if (proposed.details.retriable === false) return;
    const policy = policyOf(ctx);
    if (ctx.run.run_count > (policy.retries ?? 0)) return;
    const delay = retryDelaySeconds(policy, ctx.run.run_count);
    ctx.reject(
      'Retrying',
      newState('SCHEDULED', 'AwaitingRetry', ctx.now, {
        message: proposed.message,
        data: proposed.data,
        details: { scheduled_time: formatDateTime(ctx.now + Math.round(delay * 1e6)) },
      }),
    );
  },
};

export const RenameReruns: Rule = {
  name: 'RenameReruns',
  from: ALL_FROM,
  to: ['RUNNING'],
  before(ctx) {
    if (ctx.run.run_count > 0) ctx.proposed!.name = ctx.initial?.name === 'AwaitingRetry' ? 'Retrying' : 'Rerunning';
  },
};

export const UpdateFlowRunTrackerOnTasks: Rule = {
  name: 'UpdateFlowRunTrackerOnTasks',
  from: ALL_FROM,
  to: ['RUNNING'],
  before() {},
  async after(ctx) {
    const parent = await ctx.parentFlowRun();
    if (parent) ctx.run.flow_run_run_count = parent.run_count;
  },
};

export const CacheInsertion: Rule = {
  name: 'CacheInsertion',
  from: ALL_FROM,
  to: ['COMPLETED'],
  before() {},
  async after(ctx, written) {
    const key = written.details.cache_key ?? ctx.run.cache_key ?? null;
    if (!key) return;
    const expiration = detailTime(written.details.cache_expiration) ?? ctx.run.cache_expiration ?? null;
    await ctx.env.store.insertCache(key, expiration, written.id);
  },
};

export const ReleaseTaskConcurrencySlots: Rule = {
  name: 'ReleaseTaskConcurrencySlots',
  from: ALL_FROM,
  to: ALL_TYPES,
  universal: true,
  before() {},
  async after(ctx, written) {
    if (written.type === 'RUNNING' || written.type === 'CANCELLING' || ctx.run.tags.length === 0) return;
    for (const limit of await ctx.env.store.limitsForTags(ctx.run.tags)) {
      if (limit.active_slots.includes(ctx.run.id)) await ctx.env.store.setActiveSlots(limit.id, limit.active_slots.filter((s) => s !== ctx.run.id));
    }
  },
};
