import { EventEmitter } from 'node:events';
import type { Db, Executor } from './db/connection.ts';
import type { AutomationRuntime } from './automations/runtime.ts';
import type { EventLog } from './events/event-log.ts';
import type { SecretBox } from './lib/secret-box.ts';
import type { WrittenState } from './orchestration/engine.ts';
import type { Security } from './security/index.ts';
import type { ServiceLocks } from './services/service-locks.ts';
import type { Settings } from './settings.ts';

export interface AppEvents {
  /** After commit: a state was written to a flow or task run. */
  state: [WrittenState];
  /** After commit: log lines were stored (ids of the runs they belong to). */
  logs: [{ flowRunIds: string[]; count: number }];
  /** After commit: something else changed (a write through the API, a service pass), by resource (`flow_runs`, `work_pools`…), for live lists. */
  changed: [{ resources: string[] }];
  /** Changes from other replicas may have been missed (change feed reconnected): refetch once. */
  reset: [];
}

/** Seams filled in by modules that own the data (blocks own block documents). */
export interface AppHooks {
  /** 409 when a referenced storage/infrastructure block document does not exist. */
  checkDocuments(trx: Executor, ...ids: (string | null | undefined)[]): Promise<void>;
}

/** What routes and services share: settings, the database, in-process events. */
export interface AppContext {
  hooks: AppHooks;
  settings: Settings;
  db: Db;
  events: EventEmitter<AppEvents>;
  /** Encrypts block document data at rest (SYNTASK_SECRET_KEY or the generated key file). */
  secrets: SecretBox;
  /** Release of this server (package version). */
  version: string;
  /** Who is asking (sessions, keys, the auth string) and sign-in throttling. */
  security: Security;
  /** Work that one replica at a time may do (service passes, start-up seeding). */
  locks: ServiceLocks;
  /** Events (events-automations.md): stored, streamed, emitted for state changes. */
  eventLog: EventLog;
  /** Automations (A4–A7): trigger evaluation and actions. */
  automations: AutomationRuntime;
}

export const API_VERSION = '0.8.4';
export const MIN_API_VERSION: readonly [number, number, number] = [0, 8, 0];
export const LATEST_API_VERSION: readonly [number, number, number] = [0, 8, 4];
