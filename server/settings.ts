import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseDuration } from './lib/time.ts';

/**
 * Every server setting is a SYNTASK_* environment variable. This table is the single
 * source for parsing, `GET /api/admin/settings` and the README's configuration section.
 */
type Kind = 'string' | 'int' | 'float' | 'bool';

interface SettingSpec {
  env: string;
  kind: Kind;
  description: string;
  /** Default as a function of the settings resolved so far (table order). */
  default: (s: Record<string, unknown>) => unknown;
  secret?: boolean;
}

const spec = (env: string, kind: Kind, def: unknown | ((s: Record<string, unknown>) => unknown), description: string, secret = false): SettingSpec => ({
  env,
  kind,
  description,
  default: typeof def === 'function' ? (def as (s: Record<string, unknown>) => unknown) : () => def,
  secret,
});

const hostForUrl = (host: unknown) => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : String(host));

export const SETTINGS: SettingSpec[] = [
  spec('SYNTASK_HOME', 'string', () => join(homedir(), '.syntask'), 'Directory for the SQLite database, the generated secret key and other local state.'),
  spec('SYNTASK_PROFILE', 'string', '', 'Profile of `$SYNTASK_HOME/profiles.toml` whose settings fill in what the environment does not set (default: the file\'s `active` one, chosen with `syntask profile use`).'),
  spec('SYNTASK_SERVER_API_HOST', 'string', '127.0.0.1', 'Interface the server binds to. Anything but loopback needs sign-in (users or `SYNTASK_SERVER_API_AUTH_STRING`), else the server refuses to start.'),
  spec('SYNTASK_SERVER_API_PORT', 'int', 4200, 'Port the server listens on.'),
  spec('SYNTASK_API_URL', 'string', (s: Record<string, unknown>) => `http://${hostForUrl(s.SYNTASK_SERVER_API_HOST)}:${s.SYNTASK_SERVER_API_PORT}/api`, 'API URL used by clients: the SDK, workers and the CLI.'),
  spec('SYNTASK_API_DATABASE_CONNECTION_URL', 'string', (s: Record<string, unknown>) => `sqlite:///${join(String(s.SYNTASK_HOME), 'syntask.db')}`, 'Database: `sqlite:///absolute/path.db` (default `$SYNTASK_HOME/syntask.db`) or `postgresql://user@host:5432/db`.', true),
  spec('SYNTASK_UI_URL', 'string', (s: Record<string, unknown>) => `http://${hostForUrl(s.SYNTASK_SERVER_API_HOST)}:${s.SYNTASK_SERVER_API_PORT}`, 'Public URL of the dashboard, used in links such as notification messages.'),
  spec('SYNTASK_UI_API_URL', 'string', (s: Record<string, unknown>) => `http://${hostForUrl(s.SYNTASK_SERVER_API_HOST)}:${s.SYNTASK_SERVER_API_PORT}/api`, 'API URL the dashboard calls (served to it by `/ui-settings`).'),
  spec('SYNTASK_UI_ENABLED', 'bool', true, 'Serve the dashboard at `/`.'),
  spec('SYNTASK_UI_STATIC_DIR', 'string', '', 'Directory of the built dashboard (default: `dist/ui` of the installed package).'),
  spec('SYNTASK_SERVER_CSRF_PROTECTION_ENABLED', 'bool', false, 'Require CSRF tokens on POST/PUT/PATCH/DELETE.'),
  spec('SYNTASK_SERVER_CSRF_TOKEN_EXPIRATION', 'float', 3600, 'Lifetime of a CSRF token in seconds.'),
  spec('SYNTASK_SERVER_CORS_ALLOWED_ORIGINS', 'string', '', 'Comma-separated origins allowed to call the API from a browser (CORS, and state-changing requests); empty = none but the server itself; `*` = any.'),
  spec('SYNTASK_SERVER_CORS_ALLOWED_METHODS', 'string', '*', 'Comma-separated CORS methods.'),
  spec('SYNTASK_SERVER_CORS_ALLOWED_HEADERS', 'string', '*', 'Comma-separated CORS headers.'),
  spec('SYNTASK_SERVER_ALLOWED_HOSTS', 'string', '', 'Comma-separated extra `Host` names the server answers (localhost, 127.0.0.1, [::1] and the bind host always are); `*` allows any (DNS rebinding is then possible).'),
  spec('SYNTASK_SERVER_API_AUTH_STRING', 'string', '', '`user:password` of one admin account (HTTP Basic, or the sign-in page); turns sign-in on.', true),
  spec('SYNTASK_SERVER_ALLOW_UNAUTHENTICATED', 'bool', false, 'Allow binding to a non-loopback interface with sign-in off (anyone who reaches the port can do anything).'),
  spec('SYNTASK_SERVER_SESSION_SECONDS', 'float', 43200, 'Lifetime of a dashboard sign-in session in seconds.'),
  spec('SYNTASK_SERVER_TRUSTED_PROXIES', 'string', '', 'Comma-separated addresses or CIDRs of reverse proxies whose `X-Forwarded-For`/`-Proto` are believed (client address in the audit log, Secure cookies over TLS).'),
  spec('SYNTASK_AUDIT_LOG_RETENTION_DAYS', 'float', 90, 'Delete audit log entries older than this many days; 0 keeps them all.'),
  spec('SYNTASK_SERVER_LOGGING_LEVEL', 'string', 'warn', 'Server log level: fatal, error, warn, info, debug.'),
  spec('SYNTASK_API_DEFAULT_LIMIT', 'int', 200, 'Default and maximum `limit` of `/filter` endpoints.'),
  spec('SYNTASK_API_MAX_FLOW_RUN_GRAPH_NODES', 'int', 10000, 'Largest flow run graph `graph-v2` returns; above it answers 400.'),
  spec('SYNTASK_API_MAX_FLOW_RUN_GRAPH_ARTIFACTS', 'int', 10000, 'Most artifacts `graph-v2` returns.'),
  spec('SYNTASK_TASK_RUN_TAG_CONCURRENCY_SLOT_WAIT_SECONDS', 'int', 30, 'WAIT given to a task run whose tag concurrency limit is full.'),
  spec('SYNTASK_API_DATABASE_TIMEOUT', 'float', 10, 'Seconds a database statement or lock wait may take before the request fails with 503.'),
  spec('SYNTASK_API_WORK_POOL_POLL_LEASE_SECONDS', 'float', 30, 'A run handed to one work-pool poll is not handed to another for this long (the worker claims it with PENDING meanwhile).'),
  spec('SYNTASK_API_SERVICES_ENABLED', 'bool', true, 'Run the background services (scheduler, late runs, pause expiry, cancellation cleanup, status keeper, retention).'),
  spec('SYNTASK_API_SERVICES_SCHEDULER_ENABLED', 'bool', true, 'Run the scheduler.'),
  spec('SYNTASK_API_SERVICES_SCHEDULER_LOOP_SECONDS', 'float', 60, 'Seconds between scheduler passes over all deployments.'),
  spec('SYNTASK_API_SERVICES_SCHEDULER_DEPLOYMENT_BATCH_SIZE', 'int', 100, 'Deployments scheduled per batch.'),
  spec('SYNTASK_API_SERVICES_SCHEDULER_MIN_RUNS', 'int', 3, 'The scheduler keeps at least this many future runs per schedule…'),
  spec('SYNTASK_API_SERVICES_SCHEDULER_MIN_SCHEDULED_TIME', 'float', 3600, '…and runs reaching at least this many seconds ahead…'),
  spec('SYNTASK_API_SERVICES_SCHEDULER_MAX_RUNS', 'int', 100, '…but never more than this many runs per schedule…'),
  spec('SYNTASK_API_SERVICES_SCHEDULER_MAX_SCHEDULED_TIME', 'float', 8640000, '…nor further ahead than this many seconds (100 days).'),
  spec('SYNTASK_API_SERVICES_RECENT_SCHEDULER_LOOP_SECONDS', 'float', 5, 'Seconds between passes that schedule deployments changed in the last few seconds.'),
  spec('SYNTASK_API_SERVICES_LATE_RUNS_ENABLED', 'bool', true, 'Mark overdue scheduled runs Late.'),
  spec('SYNTASK_API_SERVICES_LATE_RUNS_LOOP_SECONDS', 'float', 5, 'Seconds between late-run checks.'),
  spec('SYNTASK_API_SERVICES_LATE_RUNS_AFTER_SECONDS', 'float', 15, 'A scheduled run this many seconds past its time is Late.'),
  spec('SYNTASK_API_SERVICES_PAUSE_EXPIRATIONS_ENABLED', 'bool', true, 'Fail paused runs whose pause timed out.'),
  spec('SYNTASK_API_SERVICES_PAUSE_EXPIRATIONS_LOOP_SECONDS', 'float', 5, 'Seconds between pause-expiry checks.'),
  spec('SYNTASK_API_SERVICES_CANCELLATION_CLEANUP_ENABLED', 'bool', true, 'Cancel the task runs and subflows of cancelled runs.'),
  spec('SYNTASK_API_SERVICES_CANCELLATION_CLEANUP_LOOP_SECONDS', 'float', 20, 'Seconds between cancellation clean-ups.'),
  spec('SYNTASK_API_SERVICES_STATUS_KEEPER_ENABLED', 'bool', true, 'Keep worker, work pool, queue and deployment status current from heartbeats and polls.'),
  spec('SYNTASK_API_SERVICES_STATUS_KEEPER_LOOP_SECONDS', 'float', 15, 'Seconds between status updates.'),
  spec('SYNTASK_RUNNER_HEARTBEAT_FREQUENCY', 'float', 30, 'Seconds between heartbeats of a running flow run (sent by the flow process and by the worker that started it); the server marks a Running run that sent heartbeats and then missed 3 of them Crashed, checking at least this often.'),
  spec('SYNTASK_API_SERVICES_CRASHED_RUNS_ENABLED', 'bool', true, 'Mark Running flow runs whose heartbeats stopped Crashed.'),
  spec('SYNTASK_API_SERVICES_FAILURE_ROLLUP_LOOP_SECONDS', 'float', 60, 'Seconds between passes that fold recent failures into the hourly failures rollup (a read of the Failures page does it too, so it is never stale; the pass keeps its backlog small).'),
  spec('SYNTASK_RETENTION_DAYS', 'float', 0, 'Delete finished runs (with their task runs and logs) older than this many days; 0 keeps everything.'),
  spec('SYNTASK_API_SERVICES_RETENTION_LOOP_SECONDS', 'float', 3600, 'Seconds between retention passes.'),
  spec('SYNTASK_API_SERVICES_RETENTION_BATCH_SIZE', 'int', 500, 'Runs deleted per retention batch (small batches keep the database responsive).'),
  spec('SYNTASK_EXPERIMENTAL_EVENTS', 'bool', true, 'Record events (flow run states, clients\' events) and serve `/api/events*`; false answers 404 there and records nothing.'),
  spec('SYNTASK_API_SERVICES_TRIGGERS_ENABLED', 'bool', true, 'Evaluate automations (needs SYNTASK_EXPERIMENTAL_EVENTS); false answers 404 on `/api/automations*`.'),
  spec('SYNTASK_EVENTS_RETENTION_PERIOD', 'string', '604800', 'Delete events that occurred longer ago than this: seconds or an ISO-8601 duration (`P7D`). Checked every 15 minutes.'),
  spec('SYNTASK_EVENTS_MAXIMUM_LABELS_PER_RESOURCE', 'int', 500, 'Most labels an event\'s resource (or a related resource) may have; more → 422.'),
  spec('SYNTASK_EVENTS_MAXIMUM_RELATED_RESOURCES', 'int', 500, 'Most related resources of one event; more → 422.'),
  spec('SYNTASK_EVENTS_MAXIMUM_SIZE_BYTES', 'int', 1500000, 'Events larger than this (serialized) are dropped without an error, as Syntask 2 does.'),
  spec('SYNTASK_EVENTS_PROACTIVE_GRANULARITY', 'float', 5, 'Seconds between checks of proactive automation triggers (windows that ended without their events fire).'),
  spec('SYNTASK_EVENTS_EXPIRED_BUCKET_BUFFER', 'float', 60, 'Seconds after its end a reactive trigger\'s window is swept.'),
  spec('SYNTASK_API_EVENTS_STREAM_OUT_ENABLED', 'bool', true, 'Serve the `/api/events/out` websocket.'),
  spec('SYNTASK_API_EVENTS_RELATED_RESOURCE_CACHE_TTL', 'float', 300, 'Seconds a flow run\'s related resources (flow, deployment, pool, tags) are cached for its state events.'),
  spec('SYNTASK_SECRET_KEY', 'string', '', 'Key that encrypts block document data at rest (AES-256-GCM, key derived with HKDF-SHA256). Unset with SQLite: a random key is generated once into `$SYNTASK_HOME/secret-key` (mode 0600). Required with PostgreSQL: every server sharing the database must use the same key.', true),
  spec('SYNTASK_NOTIFICATIONS_ENABLED', 'bool', true, 'Send flow run notifications (policies of `/api/flow_run_notification_policies`).'),
  spec('SYNTASK_NOTIFICATIONS_RETRIES', 'int', 3, 'Retries of a failed notification delivery after the first attempt.'),
  spec('SYNTASK_NOTIFICATIONS_RETRY_DELAY_SECONDS', 'float', 0.5, 'Delay before the first retry of a notification; doubles with every further retry.'),
  spec('SYNTASK_NOTIFICATIONS_TIMEOUT_SECONDS', 'float', 10, 'Timeout of one notification request to a receiver.'),
  spec('SYNTASK_NOTIFICATIONS_POLL_INTERVAL_SECONDS', 'float', 5, 'How often the queue of notifications is checked for messages from other servers or from before a restart.'),
];

export type Settings = {
  home: string;
  /** SYNTASK_PROFILE: the profile the process runs with (the CLI names it when it applies one). */
  profile: string | null;
  host: string;
  port: number;
  apiUrl: string;
  databaseUrl: string;
  uiUrl: string;
  uiApiUrl: string;
  uiEnabled: boolean;
  uiStaticDir: string;
  csrfEnabled: boolean;
  csrfTokenExpirationSeconds: number;
  corsOrigins: string;
  corsMethods: string;
  corsHeaders: string;
  allowedHosts: string;
  authString: string;
  allowUnauthenticated: boolean;
  sessionSeconds: number;
  trustedProxies: string;
  auditRetentionDays: number;
  logLevel: string;
  defaultLimit: number;
  maxGraphNodes: number;
  maxGraphArtifacts: number;
  tagSlotWaitSeconds: number;
  databaseTimeoutSeconds: number;
  pollLeaseSeconds: number;
  services: {
    enabled: boolean;
    scheduler: { enabled: boolean; loopSeconds: number; batchSize: number; minRuns: number; maxRuns: number; minTimeSeconds: number; maxTimeSeconds: number; recentLoopSeconds: number };
    lateRuns: { enabled: boolean; loopSeconds: number; afterSeconds: number };
    pauseExpirations: { enabled: boolean; loopSeconds: number };
    cancellationCleanup: { enabled: boolean; loopSeconds: number };
    statusKeeper: { enabled: boolean; loopSeconds: number };
    /** Checks every heartbeat interval; a run is crashed after `missedHeartbeats` intervals of silence. */
    crashedRuns: { enabled: boolean; heartbeatSeconds: number; missedHeartbeats: number };
    retention: { days: number; loopSeconds: number; batchSize: number };
    failureRollup: { loopSeconds: number };
  };
  events: { enabled: boolean; triggersEnabled: boolean; proactiveGranularitySeconds: number; expiredBucketBufferSeconds: number; retentionSeconds: number; maxLabels: number; maxRelated: number; maxSizeBytes: number; streamOutEnabled: boolean; relatedCacheSeconds: number };
  /** Empty when unset (see SYNTASK_SECRET_KEY). */
  secretKey: string;
  notificationsEnabled: boolean;
  notificationRetries: number;
  notificationRetryDelaySeconds: number;
  notificationTimeoutSeconds: number;
  notificationPollIntervalSeconds: number;
  /** The raw resolved SYNTASK_* values, for `/api/admin/settings`. */
  raw: Record<string, unknown>;
};

export class SettingsError extends Error {}

function parseValue(s: SettingSpec, text: string): unknown {
  switch (s.kind) {
    case 'string':
      return text;
    case 'bool': {
      const v = text.trim().toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(v)) return true;
      if (['0', 'false', 'no', 'off', ''].includes(v)) return false;
      throw new SettingsError(`${s.env} must be true or false, got "${text}"`);
    }
    case 'int': {
      const n = Number(text);
      if (!Number.isInteger(n)) throw new SettingsError(`${s.env} must be an integer, got "${text}"`);
      return n;
    }
    case 'float': {
      const n = Number(text);
      if (!Number.isFinite(n)) throw new SettingsError(`${s.env} must be a number, got "${text}"`);
      return n;
    }
  }
}

function positive(raw: Record<string, unknown>, env: string): number {
  const n = Number(raw[env]);
  if (!(n > 0)) throw new SettingsError(`${env} must be a number of seconds above 0, got "${String(raw[env])}"`);
  return n;
}

function retention(value: unknown): number {
  const text = String(value).trim();
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : parseDuration(text);
  if (seconds === null || !(seconds > 0)) throw new SettingsError(`SYNTASK_EVENTS_RETENTION_PERIOD must be seconds or an ISO-8601 duration above 0, got "${text}"`);
  return seconds;
}

/** Resolves settings: explicit overrides (CLI flags) > environment > defaults. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env, overrides: Record<string, unknown> = {}): Settings {
  const raw: Record<string, unknown> = {};
  for (const s of SETTINGS) {
    if (overrides[s.env] !== undefined) raw[s.env] = overrides[s.env];
    else if (env[s.env] !== undefined) raw[s.env] = parseValue(s, env[s.env]!);
    else raw[s.env] = s.default(raw);
  }
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('SYNTASK_') && !(key in raw) && value !== undefined) raw[key] = value;
  }
  return {
    home: String(raw.SYNTASK_HOME),
    profile: String(raw.SYNTASK_PROFILE) || null,
    host: String(raw.SYNTASK_SERVER_API_HOST),
    port: Number(raw.SYNTASK_SERVER_API_PORT),
    apiUrl: String(raw.SYNTASK_API_URL),
    databaseUrl: String(raw.SYNTASK_API_DATABASE_CONNECTION_URL),
    uiUrl: String(raw.SYNTASK_UI_URL),
    uiApiUrl: String(raw.SYNTASK_UI_API_URL),
    uiEnabled: Boolean(raw.SYNTASK_UI_ENABLED),
    uiStaticDir: String(raw.SYNTASK_UI_STATIC_DIR),
    csrfEnabled: Boolean(raw.SYNTASK_SERVER_CSRF_PROTECTION_ENABLED),
    csrfTokenExpirationSeconds: Number(raw.SYNTASK_SERVER_CSRF_TOKEN_EXPIRATION),
    corsOrigins: String(raw.SYNTASK_SERVER_CORS_ALLOWED_ORIGINS),
    corsMethods: String(raw.SYNTASK_SERVER_CORS_ALLOWED_METHODS),
    corsHeaders: String(raw.SYNTASK_SERVER_CORS_ALLOWED_HEADERS),
    allowedHosts: String(raw.SYNTASK_SERVER_ALLOWED_HOSTS),
    authString: String(raw.SYNTASK_SERVER_API_AUTH_STRING),
    allowUnauthenticated: Boolean(raw.SYNTASK_SERVER_ALLOW_UNAUTHENTICATED),
    sessionSeconds: Math.max(60, Number(raw.SYNTASK_SERVER_SESSION_SECONDS)),
    trustedProxies: String(raw.SYNTASK_SERVER_TRUSTED_PROXIES),
    auditRetentionDays: Math.max(0, Number(raw.SYNTASK_AUDIT_LOG_RETENTION_DAYS)),
    logLevel: String(raw.SYNTASK_SERVER_LOGGING_LEVEL),
    defaultLimit: Number(raw.SYNTASK_API_DEFAULT_LIMIT),
    maxGraphNodes: Number(raw.SYNTASK_API_MAX_FLOW_RUN_GRAPH_NODES),
    maxGraphArtifacts: Number(raw.SYNTASK_API_MAX_FLOW_RUN_GRAPH_ARTIFACTS),
    tagSlotWaitSeconds: Number(raw.SYNTASK_TASK_RUN_TAG_CONCURRENCY_SLOT_WAIT_SECONDS),
    databaseTimeoutSeconds: Number(raw.SYNTASK_API_DATABASE_TIMEOUT),
    pollLeaseSeconds: Number(raw.SYNTASK_API_WORK_POOL_POLL_LEASE_SECONDS),
    services: {
      enabled: Boolean(raw.SYNTASK_API_SERVICES_ENABLED),
      scheduler: {
        enabled: Boolean(raw.SYNTASK_API_SERVICES_SCHEDULER_ENABLED),
        loopSeconds: Number(raw.SYNTASK_API_SERVICES_SCHEDULER_LOOP_SECONDS),
        batchSize: Number(raw.SYNTASK_API_SERVICES_SCHEDULER_DEPLOYMENT_BATCH_SIZE),
        minRuns: Number(raw.SYNTASK_API_SERVICES_SCHEDULER_MIN_RUNS),
        maxRuns: Number(raw.SYNTASK_API_SERVICES_SCHEDULER_MAX_RUNS),
        minTimeSeconds: Number(raw.SYNTASK_API_SERVICES_SCHEDULER_MIN_SCHEDULED_TIME),
        maxTimeSeconds: Number(raw.SYNTASK_API_SERVICES_SCHEDULER_MAX_SCHEDULED_TIME),
        recentLoopSeconds: Number(raw.SYNTASK_API_SERVICES_RECENT_SCHEDULER_LOOP_SECONDS),
      },
      lateRuns: {
        enabled: Boolean(raw.SYNTASK_API_SERVICES_LATE_RUNS_ENABLED),
        loopSeconds: Number(raw.SYNTASK_API_SERVICES_LATE_RUNS_LOOP_SECONDS),
        afterSeconds: Number(raw.SYNTASK_API_SERVICES_LATE_RUNS_AFTER_SECONDS),
      },
      pauseExpirations: { enabled: Boolean(raw.SYNTASK_API_SERVICES_PAUSE_EXPIRATIONS_ENABLED), loopSeconds: Number(raw.SYNTASK_API_SERVICES_PAUSE_EXPIRATIONS_LOOP_SECONDS) },
      cancellationCleanup: { enabled: Boolean(raw.SYNTASK_API_SERVICES_CANCELLATION_CLEANUP_ENABLED), loopSeconds: Number(raw.SYNTASK_API_SERVICES_CANCELLATION_CLEANUP_LOOP_SECONDS) },
      statusKeeper: { enabled: Boolean(raw.SYNTASK_API_SERVICES_STATUS_KEEPER_ENABLED), loopSeconds: Number(raw.SYNTASK_API_SERVICES_STATUS_KEEPER_LOOP_SECONDS) },
      crashedRuns: { enabled: Boolean(raw.SYNTASK_API_SERVICES_CRASHED_RUNS_ENABLED), heartbeatSeconds: positive(raw, 'SYNTASK_RUNNER_HEARTBEAT_FREQUENCY'), missedHeartbeats: 3 },
      retention: { days: Number(raw.SYNTASK_RETENTION_DAYS), loopSeconds: Number(raw.SYNTASK_API_SERVICES_RETENTION_LOOP_SECONDS), batchSize: Number(raw.SYNTASK_API_SERVICES_RETENTION_BATCH_SIZE) },
      failureRollup: { loopSeconds: positive(raw, 'SYNTASK_API_SERVICES_FAILURE_ROLLUP_LOOP_SECONDS') },
    },
    events: {
      enabled: Boolean(raw.SYNTASK_EXPERIMENTAL_EVENTS),
      triggersEnabled: Boolean(raw.SYNTASK_EXPERIMENTAL_EVENTS) && Boolean(raw.SYNTASK_API_SERVICES_TRIGGERS_ENABLED),
      proactiveGranularitySeconds: positive(raw, 'SYNTASK_EVENTS_PROACTIVE_GRANULARITY'),
      expiredBucketBufferSeconds: Math.max(0, Number(raw.SYNTASK_EVENTS_EXPIRED_BUCKET_BUFFER)),
      retentionSeconds: retention(raw.SYNTASK_EVENTS_RETENTION_PERIOD),
      maxLabels: Number(raw.SYNTASK_EVENTS_MAXIMUM_LABELS_PER_RESOURCE),
      maxRelated: Number(raw.SYNTASK_EVENTS_MAXIMUM_RELATED_RESOURCES),
      maxSizeBytes: Number(raw.SYNTASK_EVENTS_MAXIMUM_SIZE_BYTES),
      streamOutEnabled: Boolean(raw.SYNTASK_API_EVENTS_STREAM_OUT_ENABLED),
      relatedCacheSeconds: Math.max(0, Number(raw.SYNTASK_API_EVENTS_RELATED_RESOURCE_CACHE_TTL)),
    },
    secretKey: String(raw.SYNTASK_SECRET_KEY),
    notificationsEnabled: Boolean(raw.SYNTASK_NOTIFICATIONS_ENABLED),
    notificationRetries: Math.max(0, Number(raw.SYNTASK_NOTIFICATIONS_RETRIES)),
    notificationRetryDelaySeconds: Math.max(0, Number(raw.SYNTASK_NOTIFICATIONS_RETRY_DELAY_SECONDS)),
    notificationTimeoutSeconds: Math.max(0.001, Number(raw.SYNTASK_NOTIFICATIONS_TIMEOUT_SECONDS)),
    notificationPollIntervalSeconds: Math.max(0.01, Number(raw.SYNTASK_NOTIFICATIONS_POLL_INTERVAL_SECONDS)),
    raw,
  };
}

const SECRET_ENV = /SECRET|PASSWORD|TOKEN|KEY$|AUTH_STRING/;

/** Every SYNTASK_* setting with secrets (and credentials inside URLs) masked. */
export function publicSettings(settings: Settings): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings.raw)) {
    const specEntry = SETTINGS.find((s) => s.env === key);
    if (specEntry?.secret && key.endsWith('CONNECTION_URL')) out[key] = maskUrlPassword(String(value));
    else if (specEntry?.secret || SECRET_ENV.test(key)) out[key] = '********';
    else out[key] = value;
  }
  return out;
}

/** `scheme+driver://user:pass@host/db?password=…`: both places a password can hide. */
export function maskUrlPassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, '$1********@').replace(/([?&](?:password|passwd|pwd)=)[^&]*/gi, '$1********');
}

export const isLoopback = (host: string) => ['127.0.0.1', 'localhost', '::1'].includes(host) || host.startsWith('127.');
