import type { AppContext } from '../context.ts';
import type { App } from './common.ts';
import { concurrencyLimitRoutes } from './concurrency-limits.ts';
import { flowRunRoutes } from './flow-runs.ts';
import { flowRoutes } from './flows.ts';
import { historyRoutes } from './history.ts';
import { liveRoutes } from './live.ts';
import { logRoutes } from './logs.ts';
import { rootRoutes } from './root.ts';
import { stateRoutes } from './states.ts';
import { taskRunRoutes } from './task-runs.ts';
import { uiRunRoutes } from './ui-runs.ts';

/** Every API route module, registered in one place. */
export async function registerRoutes(app: App, ctx: AppContext) {
  rootRoutes(app, ctx);
  flowRoutes(app, ctx);
  flowRunRoutes(app, ctx);
  taskRunRoutes(app, ctx);
  stateRoutes(app, ctx);
  logRoutes(app, ctx);
  historyRoutes(app, ctx);
  concurrencyLimitRoutes(app, ctx);
  uiRunRoutes(app, ctx);
  liveRoutes(app, ctx);
}
