import type { StateT } from '../client.ts';

/** Largest result kept in the state (and so the result artifact); bigger ones are not persisted. */
const MAX_RESULT_CHARS = 100_000;

/**
 * A run's return value as state data: JSON `{"type":"json","value":…}` when it is
 * serializable and small (the server stores it as the run's result artifact, and cached
 * task states hand it back), otherwise `{"type":"unpersisted"}`.
 */
export function resultData(value: unknown, persist: boolean, description: string): unknown {
  if (!persist) return { type: 'unpersisted' };
  let text: string | undefined;
  try {
    text = JSON.stringify(value ?? null);
  } catch {
    return { type: 'unpersisted' };
  }
  if (text === undefined || text.length > MAX_RESULT_CHARS) return { type: 'unpersisted' };
  return { type: 'json', value: JSON.parse(text), artifact_type: 'result', artifact_description: description };
}

export class ResultNotAvailableError extends Error {}

/** The value a completed state carries (cache hits return it instead of running). */
export function valueOf(state: StateT): unknown {
  const data = state.data as { type?: string; value?: unknown } | null;
  if (data === null || data === undefined) return undefined;
  if (data.type === 'json') return data.value;
  throw new ResultNotAvailableError(`The result of this run was not persisted (state ${state.name}), so it cannot be reused.`);
}
