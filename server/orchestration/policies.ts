import type { Rule } from './context.ts';
import {
  BypassCancellingFlowRunsWithNoInfra,
  EnforceCancellingToCancelledTransition,
  EnsureOnlyScheduledFlowsMarkedLate,
  HandleFlowTerminalStateTransitions,
  HandlePausingFlows,
  HandleResumingPausedFlows,
  PreventDuplicateTransitions,
  PreventRepeatedLate,
  RetryFailedFlows,
} from './rules/flow-rules.ts';
import { AddUnknownResult, CopyScheduledTime, PreventPendingTransitions, WaitForScheduledTime } from './rules/shared.ts';
import {
  CacheInsertion,
  CacheRetrieval,
  HandleTaskTerminalStateTransitions,
  PreventRunningTasksFromStoppedFlows,
  ReleaseTaskConcurrencySlots,
  RenameReruns,
  RetryFailedTasks,
  SecureTaskConcurrencySlots,
  UpdateFlowRunTrackerOnTasks,
} from './rules/task-rules.ts';

/** Contract §5.3, in order. */
export const CORE_FLOW_POLICY: readonly Rule[] = [
  PreventDuplicateTransitions,
  HandleFlowTerminalStateTransitions,
  EnforceCancellingToCancelledTransition,
  BypassCancellingFlowRunsWithNoInfra,
  PreventPendingTransitions,
  EnsureOnlyScheduledFlowsMarkedLate,
  HandlePausingFlows,
  HandleResumingPausedFlows,
  CopyScheduledTime,
  WaitForScheduledTime,
  RetryFailedFlows,
];

export const CORE_TASK_POLICY: readonly Rule[] = [
  CacheRetrieval,
  HandleTaskTerminalStateTransitions,
  PreventRunningTasksFromStoppedFlows,
  SecureTaskConcurrencySlots,
  CopyScheduledTime,
  WaitForScheduledTime,
  RetryFailedTasks,
  RenameReruns,
  UpdateFlowRunTrackerOnTasks,
  CacheInsertion,
  ReleaseTaskConcurrencySlots,
];

/** Task runs without a flow run: the pending guard first, no stopped-flow check (§5.2). */
export const AUTONOMOUS_TASK_POLICY: readonly Rule[] = [PreventPendingTransitions, ...CORE_TASK_POLICY.filter((r) => r !== PreventRunningTasksFromStoppedFlows)];

/** `force: true` (§5.2). */
export const MINIMAL_FLOW_POLICY: readonly Rule[] = [AddUnknownResult, BypassCancellingFlowRunsWithNoInfra];
export const MINIMAL_TASK_POLICY: readonly Rule[] = [ReleaseTaskConcurrencySlots, AddUnknownResult];

/** Late-run service proposals (contract §5.3), and Late → Late is a no-op (several replicas). */
export const LATE_RUN_POLICY: readonly Rule[] = [EnsureOnlyScheduledFlowsMarkedLate, PreventRepeatedLate];
