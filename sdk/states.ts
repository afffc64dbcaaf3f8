import type { StateCreateT, StateT } from './client.ts';

type StateType = StateCreateT['type'];

/** A state a flow or task may return to choose how it ends (`return Failed({message})`). */
export class SyntaskState {
  constructor(
    readonly type: StateType,
    readonly name: string | null = null,
    readonly message: string | null = null,
    readonly data: unknown = undefined,
  ) {}

  toCreate(): StateCreateT {
    return { type: this.type, name: this.name ?? undefined, message: this.message ?? undefined };
  }

  isFailed() {
    return this.type === 'FAILED' || this.type === 'CRASHED';
  }
}

interface StateOptions {
  message?: string;
  name?: string;
  data?: unknown;
}

export const Completed = (o: StateOptions = {}) => new SyntaskState('COMPLETED', o.name ?? null, o.message ?? null, o.data);
export const Failed = (o: StateOptions = {}) => new SyntaskState('FAILED', o.name ?? null, o.message ?? null, o.data);
export const Cancelled = (o: StateOptions = {}) => new SyntaskState('CANCELLED', o.name ?? null, o.message ?? null, o.data);
export const Crashed = (o: StateOptions = {}) => new SyntaskState('CRASHED', o.name ?? null, o.message ?? null, o.data);
/** Any state with a custom name, e.g. `State('COMPLETED', 'Skipped')`. */
export const State = (type: StateType, name?: string, o: Omit<StateOptions, 'name'> = {}) => new SyntaskState(type, name ?? null, o.message ?? null, o.data);

export const isTerminal = (s: Pick<StateT, 'type'> | null | undefined) => !!s && ['COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED'].includes(s.type);

/** A run ended in a failed state; thrown to callers that awaited the run. */
export class RunFailedError extends Error {
  constructor(
    message: string,
    readonly state: StateT | null,
  ) {
    super(message);
    this.name = 'RunFailedError';
  }
}

/** The server told this process to stop handling the run (another claimer, a finished run). */
export class RunAbortedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RunAbortedError';
  }
}
