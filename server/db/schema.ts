import type { Generated } from 'kysely';

/**
 * Kysely table types. Datetimes are epoch microseconds (number), JSON columns are text
 * (see lib/json.ts), booleans are 0/1 integers: identical in SQLite and PostgreSQL.
 */
export interface BaseRow {
  id: string;
  created: number;
  updated: number;
}

export interface RunStateColumns {
  state_id: string | null;
  state_type: string | null;
  state_name: string | null;
  state_timestamp: number | null;
  run_count: number;
  expected_start_time: number | null;
  next_scheduled_start_time: number | null;
  start_time: number | null;
  end_time: number | null;
  total_run_time: number;
  /** Failed or Crashed: the cause's signature (server/lib/failure-signature.ts); null otherwise. */
  failure_signature?: string | null;
}

export interface FlowTable extends BaseRow {
  name: string;
  tags: string;
}

export interface FlowRunTable extends BaseRow, RunStateColumns {
  name: string;
  flow_id: string;
  deployment_id: string | null;
  deployment_version: string | null;
  work_queue_id: string | null;
  work_queue_name: string | null;
  flow_version: string | null;
  parameters: string;
  idempotency_key: string | null;
  context: string;
  empirical_policy: string;
  tags: string;
  parent_task_run_id: string | null;
  auto_scheduled: number;
  infrastructure_document_id: string | null;
  infrastructure_pid: string | null;
  created_by: string | null;
  job_variables: string | null;
  poll_lease?: number | null;
  /** Last heartbeat (µs) of the current Running period; null when none came (older clients). */
  last_heartbeat?: number | null;
  /** Worker named by that heartbeat; null when the flow process ran without one. */
  heartbeat_worker?: string | null;
}

export interface FlowRunInputTable extends BaseRow {
  flow_run_id: string;
  key: string;
  /** Verbatim text (clients send JSON). */
  value: string;
  sender: string | null;
}

export interface TaskRunTable extends BaseRow, RunStateColumns {
  name: string;
  flow_run_id: string | null;
  task_key: string;
  dynamic_key: string;
  cache_key: string | null;
  cache_expiration: number | null;
  task_version: string | null;
  empirical_policy: string;
  tags: string;
  task_inputs: string;
  flow_run_run_count: number;
}

export interface StateTable extends BaseRow {
  type: string;
  name: string;
  timestamp: number;
  message: string | null;
  data: string | null;
  state_details: string;
}

export interface FlowRunStateTable extends StateTable {
  flow_run_id: string;
}

export interface TaskRunStateTable extends StateTable {
  task_run_id: string;
}

export interface TaskRunStateCacheTable extends BaseRow {
  cache_key: string;
  cache_expiration: number | null;
  task_run_state_id: string;
}

export interface LogTable extends BaseRow {
  name: string;
  level: number;
  message: string;
  timestamp: number;
  flow_run_id: string | null;
  task_run_id: string | null;
}

export interface ConcurrencyLimitTable extends BaseRow {
  tag: string;
  concurrency_limit: number;
  active_slots: string;
}

export interface ConcurrencyLimitV2Table extends BaseRow {
  active: number;
  name: string;
  limit: number;
  /** Slots held at `slots_decayed_at`; decaying limits free them continuously from there. */
  active_slots: number;
  denied_slots: number;
  slot_decay_per_second: number;
  avg_slot_occupancy_seconds: number;
  slots_decayed_at: number;
}

export interface ConcurrencyLimitV2WaiterTable {
  limit_id: string;
  flow_run_id: string;
  since: number;
}

/** Failures per hour and signature (migration 0011); `flow_ids`/`deployment_ids` comma-joined. */
export interface FailureHourTable {
  kind: string;
  hour: number;
  signature: string;
  n: number;
  first: number;
  last: number;
  flow_ids: string | null;
  deployment_ids: string | null;
}

export interface FailureDirtyTable {
  id: Generated<number>;
  kind: string;
  hour: number;
}

/** An event (events-automations.md A2); resource, related and payload are JSON text. */
export interface EventTable {
  id: string;
  occurred: number;
  event: string;
  resource_id: string;
  resource: string;
  related: string;
  payload: string;
  follows: string | null;
  received: number;
}

/** An automation (A4); trigger and actions are JSON text, `enabled` 0/1. */
export interface AutomationTable {
  id: string;
  created: number;
  updated: number;
  name: string;
  description: string;
  enabled: number;
  trigger: string;
  actions: string;
  actions_on_trigger: string;
  actions_on_resolve: string;
}

/** A resource an automation acts on (`related-to`) or is owned by (`owned`). */
export interface AutomationRelatedResourceTable {
  automation_id: string;
  resource_id: string;
  owned: number;
}

/** An open window of an event trigger for one bucketing key (A6.2). */
export interface AutomationBucketTable {
  automation_id: string;
  trigger_id: string;
  bucketing_key: string;
  start: number;
  end: number;
  count: number;
  last_event: string | null;
  event_ids: string;
}

/** A composite trigger's remembered child firing (A6.4). */
export interface AutomationChildFiringTable {
  automation_id: string;
  parent_trigger_id: string;
  child_trigger_id: string;
  fired: number;
  firing: string;
}

/** A stored event some trigger covers, waiting to be evaluated. */
export interface AutomationEventQueueTable {
  event_id: string;
  occurred: number;
}

/** An automation fired: when, for which labels, caused by which events. */
export interface AutomationFiringTable {
  id: string;
  automation_id: string;
  trigger_id: string;
  fired: number;
  triggering_labels: string;
  triggering_event: string | null;
  cause_event_ids: string;
  triggered_event_id: string;
}

/** One action of a firing (a TriggeredAction, A5.3): claimed with a lease, run once, outcome kept. */
export interface AutomationActionRunTable {
  id: string;
  firing_id: string;
  automation_id: string;
  action_index: number;
  action: string;
  triggering_event: string | null;
  status: string;
  attempts: number;
  locked_until: number | null;
  reason: string | null;
  status_code: number | null;
  started: number | null;
  finished: number | null;
  created: number;
}

/** One related resource of an event (role never empty). */
export interface EventResourceTable {
  event_id: string;
  occurred: number;
  resource_id: string;
  role: string;
  resource: string;
}

export interface CsrfTokenTable extends BaseRow {
  token: string;
  client: string;
  expiration: number;
}

export type Role = 'viewer' | 'operator' | 'admin';

export interface UserTable extends BaseRow {
  name: string;
  role: Role;
  password_hash: string;
}

export interface AuthSessionTable extends BaseRow {
  token_hash: string;
  user_id: string | null;
  user_name: string;
  credential: string | null;
  expires: number;
}

export interface ApiKeyTable extends BaseRow {
  name: string;
  role: Role;
  key_hash: string;
  created_by: string;
  creator_user_id: string | null;
  expires: number | null;
  last_used: number | null;
}

export interface LoginThrottleTable {
  subject: string;
  failures: number;
  last_failure: number;
  blocked_until: number;
}

export interface AuditLogTable {
  id: string;
  timestamp: number;
  actor: string;
  actor_kind: string;
  actor_role: string | null;
  address: string | null;
  method: string;
  operation: string;
  path: string;
  resource_type: string | null;
  resource_id: string | null;
  status_code: number;
  outcome: string;
}

export interface Database {
  syntask_user: UserTable;
  auth_session: AuthSessionTable;
  api_key: ApiKeyTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  flow: FlowTable;
  flow_run: FlowRunTable;
  flow_run_state: FlowRunStateTable;
  flow_run_input: FlowRunInputTable;
  task_run: TaskRunTable;
  task_run_state: TaskRunStateTable;
  task_run_state_cache: TaskRunStateCacheTable;
  log: LogTable;
  concurrency_limit: ConcurrencyLimitTable;
  concurrency_limit_v2: ConcurrencyLimitV2Table;
  concurrency_limit_v2_waiter: ConcurrencyLimitV2WaiterTable;
  failure_hour: FailureHourTable;
  failure_dirty: FailureDirtyTable;
  event: EventTable;
  event_resource: EventResourceTable;
  automation: AutomationTable;
  automation_related_resource: AutomationRelatedResourceTable;
  automation_bucket: AutomationBucketTable;
  automation_child_firing: AutomationChildFiringTable;
  automation_event_queue: AutomationEventQueueTable;
  automation_firing: AutomationFiringTable;
  automation_action_run: AutomationActionRunTable;
  csrf_token: CsrfTokenTable;
  work_pool: WorkPoolTable;
  work_queue: WorkQueueTable;
  worker: WorkerTable;
  deployment: DeploymentTable;
  deployment_schedule: DeploymentScheduleTable;
  variable: VariableTable;
  saved_search: SavedSearchTable;
  block_type: BlockTypeTable;
  block_schema: BlockSchemaTable;
  block_document: BlockDocumentTable;
  block_document_reference: BlockDocumentReferenceTable;
  artifact: ArtifactTable;
  artifact_collection: ArtifactCollectionTable;
  flow_run_notification_policy: FlowRunNotificationPolicyTable;
  flow_run_notification_queue: FlowRunNotificationQueueTable;
}

export interface VariableTable extends BaseRow {
  name: string;
  value: string;
  tags: string;
}

export interface SavedSearchTable extends BaseRow {
  name: string;
  filters: string;
}

export interface WorkPoolTable extends BaseRow {
  name: string;
  description: string | null;
  type: string;
  base_job_template: string;
  is_paused: number;
  concurrency_limit: number | null;
  status: string | null;
  default_queue_id: string | null;
}

export interface WorkQueueTable extends BaseRow {
  name: string;
  description: string;
  is_paused: number;
  concurrency_limit: number | null;
  priority: number;
  work_pool_id: string;
  filter: string | null;
  last_polled: number | null;
  status: string;
}

export interface WorkerTable extends BaseRow {
  name: string;
  work_pool_id: string;
  last_heartbeat_time: number;
  heartbeat_interval_seconds: number | null;
  status: string;
}

export interface DeploymentTable extends BaseRow {
  name: string;
  flow_id: string;
  version: string | null;
  description: string | null;
  path: string | null;
  entrypoint: string | null;
  manifest_path: string | null;
  pull_steps: string | null;
  paused: number;
  infra_overrides: string;
  parameters: string;
  tags: string;
  parameter_openapi_schema: string | null;
  enforce_parameter_schema: number;
  work_queue_id: string | null;
  work_queue_name: string | null;
  last_polled: number | null;
  status: string;
  storage_document_id: string | null;
  infrastructure_document_id: string | null;
  created_by: string | null;
  updated_by: string | null;
}

export interface DeploymentScheduleTable extends BaseRow {
  deployment_id: string;
  schedule: string;
  active: number;
  max_active_runs: number | null;
  max_scheduled_runs: number | null;
  catchup: number;
}

export interface BlockTypeTable extends BaseRow {
  name: string;
  slug: string;
  logo_url: string | null;
  documentation_url: string | null;
  description: string | null;
  code_example: string | null;
  is_protected: number;
}

export interface BlockSchemaTable extends BaseRow {
  checksum: string;
  fields: string;
  block_type_id: string;
  capabilities: string;
  version: string;
}

export interface BlockDocumentTable extends BaseRow {
  name: string;
  /** AES-256-GCM ciphertext (lib/secret-box.ts) of the JSON of the document's own values. */
  data: string;
  block_schema_id: string;
  block_type_id: string;
  is_anonymous: number;
}

export interface BlockDocumentReferenceTable extends BaseRow {
  name: string;
  parent_block_document_id: string;
  reference_block_document_id: string;
}

export interface ArtifactTable extends BaseRow {
  key: string | null;
  type: string | null;
  description: string | null;
  data: string | null;
  metadata_: string | null;
  flow_run_id: string | null;
  task_run_id: string | null;
}

export interface ArtifactCollectionTable extends ArtifactTable {
  key: string;
  latest_id: string;
}

export interface FlowRunNotificationPolicyTable extends BaseRow {
  is_active: number;
  state_names: string;
  tags: string;
  block_document_id: string;
  message_template: string | null;
}

export interface FlowRunNotificationQueueTable extends BaseRow {
  flow_run_notification_policy_id: string;
  flow_run_state_id: string;
  attempts: number;
  next_attempt_at: number;
  locked_until: number | null;
}
