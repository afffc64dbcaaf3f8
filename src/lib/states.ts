/** Run-state facts shared by pages (no React, no API). */
const TERMINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED']);

export const isTerminalState = (type: string | null | undefined) => !!type && TERMINAL.has(type);
/** A run that can still change: it has a state and it is not terminal. */
export const isActiveState = (type: string | null | undefined) => !!type && !TERMINAL.has(type);

/** State names a flow run can enter, with their type, in lifecycle order (notification policies match on names). */
export const STATE_NAMES: readonly { name: string; type: string }[] = [
  { name: 'Scheduled', type: 'SCHEDULED' },
  { name: 'Late', type: 'SCHEDULED' },
  { name: 'AwaitingRetry', type: 'SCHEDULED' },
  { name: 'Pending', type: 'PENDING' },
  { name: 'Running', type: 'RUNNING' },
  { name: 'Retrying', type: 'RUNNING' },
  { name: 'Paused', type: 'PAUSED' },
  { name: 'Suspended', type: 'PAUSED' },
  { name: 'Completed', type: 'COMPLETED' },
  { name: 'Cached', type: 'COMPLETED' },
  { name: 'Failed', type: 'FAILED' },
  { name: 'TimedOut', type: 'FAILED' },
  { name: 'Crashed', type: 'CRASHED' },
  { name: 'Cancelling', type: 'CANCELLING' },
  { name: 'Cancelled', type: 'CANCELLED' },
];
