import type { AppContext } from '../context.ts';
import { artifactRoutes } from './artifacts.ts';
import { blockDocumentRoutes } from './block-documents.ts';
import { blockRoutes } from './blocks.ts';
import type { App } from './common.ts';
import { collectionRoutes } from './collections.ts';
import { concurrencyLimitRoutes } from './concurrency-limits.ts';
import { deploymentRunRoutes } from './deployment-runs.ts';
import { deploymentRoutes } from './deployments.ts';
import { flowRunRoutes } from './flow-runs.ts';
import { flowRoutes } from './flows.ts';
import { historyRoutes } from './history.ts';
import { liveRoutes } from './live.ts';
import { logRoutes } from './logs.ts';
import { notificationPolicyRoutes } from './notification-policies.ts';
import { rootRoutes } from './root.ts';
import { savedSearchRoutes } from './saved-searches.ts';
import { stateRoutes } from './states.ts';
import { taskRunRoutes } from './task-runs.ts';
import { uiRoutes } from './ui.ts';
import { variableRoutes } from './variables.ts';
import { workPoolRoutes } from './work-pools.ts';
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
  deploymentRoutes(app, ctx);
  deploymentRunRoutes(app, ctx);
  workPoolRoutes(app, ctx);
  variableRoutes(app, ctx);
  savedSearchRoutes(app, ctx);
  uiRoutes(app, ctx);
  collectionRoutes(app, ctx);
  await blockRoutes(app, ctx);
  blockDocumentRoutes(app, ctx);
  artifactRoutes(app, ctx);
  notificationPolicyRoutes(app, ctx);
  uiRunRoutes(app, ctx);
  liveRoutes(app, ctx);
}
