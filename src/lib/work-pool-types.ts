/**
 * Which pool types this distribution can run. Its worker (`syntask worker start`, sdk/worker)
 * starts every flow run as a local process: a pool of another type (Docker, Kubernetes, a cloud
 * service) needs a worker that understands that type, which is not included. Pure.
 */

/** Pool types the bundled worker runs as they mean. */
export const LOCAL_WORKER_TYPES: readonly string[] = ['process'];

export const hasLocalWorker = (type: string): boolean => LOCAL_WORKER_TYPES.includes(type);

/** The catalog's types in the order the wizard offers them: those that run here first, each group by name. */
export function orderPoolTypes<T extends { type: string; displayName: string }>(types: readonly T[]): T[] {
  return [...types].sort((a, b) => Number(hasLocalWorker(b.type)) - Number(hasLocalWorker(a.type)) || a.displayName.localeCompare(b.displayName));
}

/** The same, split: the types this distribution runs, and those that need another worker. */
export function groupPoolTypes<T extends { type: string; displayName: string }>(types: readonly T[]): { local: T[]; other: T[] } {
  const ordered = orderPoolTypes(types);
  return { local: ordered.filter((t) => hasLocalWorker(t.type)), other: ordered.filter((t) => !hasLocalWorker(t.type)) };
}
