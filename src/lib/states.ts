/** Run-state facts shared by pages (no React, no API). */
const TERMINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED']);

export const isTerminalState = (type: string | null | undefined) => !!type && TERMINAL.has(type);
/** A run that can still change: it has a state and it is not terminal. */
export const isActiveState = (type: string | null | undefined) => !!type && !TERMINAL.has(type);
