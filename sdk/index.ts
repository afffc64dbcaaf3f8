/** The Syntask SDK: write flows and tasks in TypeScript, deploy them, run them. */
export { flow, type Flow, type FlowOptions } from './flows.ts';
export { task, TaskFuture, type Task, type TaskOptions } from './tasks.ts';
export { FlowRunSuspended, pauseFlowRun, suspendFlowRun, type PauseOptions } from './pause.ts';
export { Cancelled, Completed, Crashed, Failed, RunAbortedError, RunFailedError, State, SyntaskState } from './states.ts';
export { getRunLogger, type RunLogger } from './logging.ts';
export { getRunContext, type FlowRunContext, type RunContext, type TaskRunContext } from './context.ts';
export { deploy, type DeployOptions } from './deploy.ts';
export { Block } from './blocks.ts';
export { concurrency, ConcurrencySlotTimeoutError, rateLimit, type ConcurrencyOptions } from './concurrency.ts';
export { createLinkArtifact, createMarkdownArtifact, createTableArtifact } from './artifacts.ts';
export { SyntaskApiError, SyntaskClient } from './client.ts';
export { parametersJsonSchema } from './parameters.ts';
export { z } from 'zod';
