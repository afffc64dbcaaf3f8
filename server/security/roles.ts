import type { Role } from '../db/schema.ts';

export type { Role };

/** `public` needs no credentials even with sign-in on. */
export type Requirement = 'public' | Role;

const RANK: Record<Requirement, number> = { public: 0, viewer: 1, operator: 2, admin: 3 };
export const ROLES: readonly Role[] = ['viewer', 'operator', 'admin'];

export const allows = (role: Role, needed: Requirement) => RANK[role] >= RANK[needed];

const ops = (role: Requirement, ...ids: string[]) => ids.map((id) => [id, role] as const);

/**
 * The one table of who may do what, by OpenAPI operationId. Reads are viewer; what a
 * running flow or a worker does is operator; configuration (deployments, pools, blocks,
 * limits, notifications, users, settings) is admin. A test walks the OpenAPI document and
 * fails on any operation missing here; the hook refuses an operation it does not find.
 */
export const OPERATION_ROLES: ReadonlyMap<string, Requirement> = new Map<string, Requirement>([
  ...ops('public', 'health', 'apiVersion', 'hello', 'ready', 'uiSettings', 'authLogin', 'authLogout', 'authMe'),
  ...ops('viewer', 'openApiDocument', 'readBlockLogo'),

  // Reads, including the POST filters, counts and histories.
  ...ops('viewer', 'serverVersion', 'csrfToken'),
  ...ops('viewer', 'readFlow', 'readFlowByName', 'filterFlows', 'countFlows'),
  ...ops('viewer', 'readFlowRun', 'filterFlowRuns', 'countFlowRuns', 'flowRunGraphV2', 'flowRunHistory', 'flowRunLateness', 'readFlowRunState', 'readFlowRunStates'),
  ...ops('viewer', 'filterFlowRunInput', 'readFlowRunInput'),
  ...ops('viewer', 'readTaskRun', 'filterTaskRuns', 'countTaskRuns', 'taskRunCountsByState', 'taskRunHistory', 'taskRunDashboardCounts', 'readTaskRunState', 'readTaskRunStates'),
  ...ops('viewer', 'filterLogs', 'countLogs'),
  ...ops('viewer', 'uiFlowRunHistory', 'uiFlowRunStream', 'uiChangeStream', 'uiFlowRunTaskRunCounts', 'uiFlowRunTaskGrid', 'uiFlowRunDelayExplanations', 'uiFailureGroups', 'uiCompareFlowRuns', 'uiFlowRunsByIdPrefix', 'validateSchemaValues', 'previewSchedule'),
  ...ops('viewer', 'readDeployment', 'readDeploymentByName', 'filterDeployments', 'countDeployments', 'readDeploymentSchedules'),
  ...ops('viewer', 'readWorkPool', 'filterWorkPools', 'countWorkPools', 'readWorkQueue', 'filterWorkQueues', 'filterWorkers'),
  ...ops('viewer', 'readLegacyWorkQueue', 'readLegacyWorkQueueByName', 'filterLegacyWorkQueues', 'readLegacyWorkQueueStatus', 'flowRunGraph', 'validateTemplate'),
  ...ops('viewer', 'readVariable', 'readVariableByName', 'filterVariables', 'countVariables'),
  ...ops('viewer', 'readSavedSearch', 'filterSavedSearches'),
  ...ops('viewer', 'filterEvents', 'filterEventsNextPage', 'countEvents', 'streamEventsOut'),
  ...ops('viewer', 'readAutomation', 'filterAutomations', 'countAutomations', 'readAutomationsRelatedTo', 'readAutomationFirings', 'filterAutomationsLastFired', 'previewAutomation', 'previewAutomationAction'),
  ...ops('viewer', 'readConcurrencyLimit', 'readConcurrencyLimitByTag', 'filterConcurrencyLimits'),
  ...ops('viewer', 'readGlobalConcurrencyLimit', 'filterGlobalConcurrencyLimits'),
  ...ops('viewer', 'readBlockType', 'readBlockTypeBySlug', 'filterBlockTypes', 'readBlockSchema', 'readBlockSchemaByChecksum', 'filterBlockSchemas', 'readBlockCapabilities'),
  // Secret values need operator: the hook checks `include_secrets` on top of this.
  ...ops('viewer', 'readBlockDocument', 'readBlockDocumentOfTypeByName', 'readBlockDocumentsOfType', 'filterBlockDocuments', 'countBlockDocuments'),
  ...ops('viewer', 'readArtifact', 'readLatestArtifact', 'filterArtifacts', 'countArtifacts', 'filterLatestArtifacts', 'countLatestArtifacts'),
  ...ops('viewer', 'readFlowRunNotificationPolicy', 'filterFlowRunNotificationPolicies', 'readCollectionView'),
  // Anyone signed in manages their own keys (never above their own role).
  ...ops('viewer', 'createApiKey', 'filterApiKeys', 'deleteApiKey'),

  // What flows, workers and people running them do.
  ...ops('operator', 'createFlow', 'createFlowRun', 'updateFlowRun', 'setFlowRunState', 'resumeFlowRun', 'createFlowRunFromDeployment'),
  ...ops('operator', 'createFlowRunInput', 'deleteFlowRunInput'),
  ...ops('operator', 'createTaskRun', 'updateTaskRun', 'setTaskRunState', 'createLogs', 'createArtifact', 'updateArtifact'),
  ...ops('operator', 'getScheduledFlowRunsForPool', 'getScheduledFlowRunsForDeployments', 'workerHeartbeat', 'getLegacyWorkQueueRuns'),
  ...ops('operator', 'flowRunHeartbeat'),
  ...ops('operator', 'createEvents', 'streamEventsIn'),
  ...ops('operator', 'createVariable', 'updateVariable', 'updateVariableByName', 'deleteVariable', 'deleteVariableByName'),
  ...ops('operator', 'upsertSavedSearch', 'deleteSavedSearch'),
  ...ops('operator', 'incrementGlobalConcurrencySlots', 'decrementGlobalConcurrencySlots'),

  // Configuration and everything destructive.
  ...ops('admin', 'readSettings', 'updateFlow', 'deleteFlow', 'deleteFlowRun', 'deleteTaskRun', 'deleteArtifact'),
  ...ops('admin', 'createDeployment', 'updateDeployment', 'deleteDeployment', 'scheduleDeployment', 'pauseDeployment', 'resumeDeployment', 'setScheduleInactive', 'setScheduleActive'),
  ...ops('admin', 'createDeploymentSchedules', 'updateDeploymentSchedule', 'deleteDeploymentSchedule'),
  ...ops('admin', 'createWorkPool', 'updateWorkPool', 'deleteWorkPool', 'createWorkQueue', 'updateWorkQueue', 'deleteWorkQueue', 'deleteWorker'),
  ...ops('admin', 'createLegacyWorkQueue', 'updateLegacyWorkQueue', 'deleteLegacyWorkQueue', 'clearDatabase', 'dropDatabase', 'createDatabase'),
  ...ops('admin', 'createBlockType', 'updateBlockType', 'deleteBlockType', 'createBlockSchema', 'deleteBlockSchema', 'installSystemBlockTypes'),
  ...ops('admin', 'createBlockDocument', 'updateBlockDocument', 'deleteBlockDocument'),
  ...ops('admin', 'createConcurrencyLimit', 'deleteConcurrencyLimit', 'deleteConcurrencyLimitByTag', 'resetConcurrencyLimit'),
  ...ops('admin', 'createGlobalConcurrencyLimit', 'updateGlobalConcurrencyLimit', 'deleteGlobalConcurrencyLimit'),
  ...ops('admin', 'createFlowRunNotificationPolicy', 'updateFlowRunNotificationPolicy', 'deleteFlowRunNotificationPolicy', 'testFlowRunNotificationPolicy'),
  ...ops('admin', 'createAutomation', 'updateAutomation', 'patchAutomation', 'deleteAutomation', 'deleteAutomationsOwnedBy'),
  ...ops('admin', 'createUser', 'filterUsers', 'updateUser', 'deleteUser', 'filterAuditLog'),
]);

/** Reads that answer secret values need more than viewer. */
export const SECRETS_ROLE: Role = 'operator';

/** `job_variables` on a run become the command and environment a worker executes: configuration, not operation. */
export const JOB_VARIABLES_ROLE: Role = 'admin';

/** Viewer-level operations that still change something (a person's own API keys). */
const VIEWER_WRITES = new Set(['createApiKey', 'deleteApiKey']);

/** Changes data: audited, and needs the CSRF token when authenticated by cookie. Reads sent as POST do not. */
export const isWrite = (operation: string) => {
  if (VIEWER_WRITES.has(operation) || operation === 'authLogin' || operation === 'authLogout') return true;
  const needs = OPERATION_ROLES.get(operation) ?? 'admin';
  // Admin-only reads (the audit log's filter) change nothing either.
  return (needs === 'operator' || needs === 'admin') && !/^(filter|count|read)[A-Z]/.test(operation);
};
