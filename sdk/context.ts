import { AsyncLocalStorage } from 'node:async_hooks';
import type { SyntaskClient } from './client.ts';
import type { RunLogger } from './logging.ts';

/** What code inside a flow run can see (`getRunContext()`). */
export interface FlowRunContext {
  kind: 'flow';
  client: SyntaskClient;
  flowRun: { id: string; name: string; flowName: string; runCount: number; flowId?: string };
  parameters: Record<string, unknown>;
  logger: RunLogger;
  /** Results of this run's tasks (objects only: identity tells where a value came from). */
  producedBy: WeakMap<object, string>;
  /** Next dynamic key per task key, so repeated calls are distinct task runs. */
  dynamicKeys: Map<string, number>;
  /** Task runs still going, awaited before the flow finishes. */
  pending: Set<Promise<unknown>>;
  signal: AbortSignal;
}

export interface TaskRunContext {
  kind: 'task';
  client: SyntaskClient;
  flowRunContext: FlowRunContext | null;
  taskRun: { id: string; name: string; taskName: string; runCount: number };
  parameters: Record<string, unknown>;
  logger: RunLogger;
}

export type RunContext = FlowRunContext | TaskRunContext;

export const runContextStorage = new AsyncLocalStorage<RunContext>();

/** The flow or task run this code runs in, or undefined outside of one. */
export function getRunContext(): RunContext | undefined {
  return runContextStorage.getStore();
}

export function currentFlowRunContext(): FlowRunContext | null {
  const ctx = runContextStorage.getStore();
  if (!ctx) return null;
  return ctx.kind === 'flow' ? ctx : ctx.flowRunContext;
}
