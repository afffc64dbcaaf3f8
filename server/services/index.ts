import type { AppContext } from '../context.ts';
import { cleanUpCancellations } from './cancellation-cleanup.ts';
import { crashSilentRuns } from './crashed-runs.ts';
import { markLateRuns } from './late-runs.ts';
import { expirePauses } from './pause-expiry.ts';
import { enforceRetention } from './retention.ts';
import { refreshFailureHours } from '../db/failure-rollup.ts';
import { pruneSecurityRecords } from '../security/audit.ts';
import { schedulerPass } from './scheduler.ts';
import { LoopService } from './service.ts';
import { keepStatuses } from './status-keeper.ts';
import { deleteEventsBefore } from '../db/events.ts';
import { deleteFiringsBefore } from '../db/automations.ts';
import { nowMicros } from '../lib/time.ts';

export type ServiceName = 'scheduler' | 'recent_scheduler' | 'late_runs' | 'pause_expirations' | 'cancellation_cleanup' | 'crashed_runs' | 'status_keeper' | 'retention' | 'security_retention' | 'failure_rollup' | 'event_retention';

export interface Services {
  get(name: ServiceName): LoopService;
  start(): void;
  stop(): Promise<void>;
}

/** Every background service of contract §6, each started only when its setting enables it. */
export function createServices(ctx: AppContext, log: (service: string, err: unknown) => void): Services {
  const s = ctx.settings.services;
  // One replica at a time runs a pass of each service; a pass held elsewhere is skipped until the next interval.
  const loop = (name: ServiceName, seconds: number, work: () => Promise<unknown>) => new LoopService(name, seconds, () => ctx.locks.tryRun(name, work), log);
  // Passes that changed rows tell live lists (what a state write does for runs on its own).
  const changed = (resource: string) => (n: unknown) => {
    if (typeof n === 'number' && n > 0) ctx.events.emit('changed', { resources: [resource] });
  };
  const all: [ServiceName, LoopService, boolean][] = [
    ['scheduler', loop('scheduler', s.scheduler.loopSeconds, () => schedulerPass(ctx).then(changed('flow_runs'))), s.scheduler.enabled],
    ['recent_scheduler', loop('recent_scheduler', s.scheduler.recentLoopSeconds, () => schedulerPass(ctx, 6).then(changed('flow_runs'))), s.scheduler.enabled],
    ['late_runs', loop('late_runs', s.lateRuns.loopSeconds, () => markLateRuns(ctx)), s.lateRuns.enabled],
    ['pause_expirations', loop('pause_expirations', s.pauseExpirations.loopSeconds, () => expirePauses(ctx)), s.pauseExpirations.enabled],
    ['cancellation_cleanup', loop('cancellation_cleanup', s.cancellationCleanup.loopSeconds, () => cleanUpCancellations(ctx)), s.cancellationCleanup.enabled],
    // At least once per heartbeat interval: a silent run is crashed within 3 intervals plus one pass.
    ['crashed_runs', loop('crashed_runs', s.crashedRuns.heartbeatSeconds, () => crashSilentRuns(ctx)), s.crashedRuns.enabled],
    ['status_keeper', loop('status_keeper', s.statusKeeper.loopSeconds, () => keepStatuses(ctx).then(changed('work_pools'))), s.statusKeeper.enabled],
    ['retention', loop('retention', s.retention.loopSeconds, () => enforceRetention(ctx).then(changed('flow_runs'))), s.retention.days > 0],
    // Folds failures into the hourly rollup, so marks do not pile up where nobody opens the Failures page.
    ['failure_rollup', loop('failure_rollup', s.failureRollup.loopSeconds, async () => {
      await refreshFailureHours(ctx.db, 'flow_run');
      await refreshFailureHours(ctx.db, 'task_run');
    }), true],
    // Events older than SYNTASK_EVENTS_RETENTION_PERIOD, every 15 minutes (A1).
    // Automation firings age out with the events that caused them.
    ['event_retention', loop('event_retention', 900, async () => {
      const cutoff = nowMicros() - ctx.settings.events.retentionSeconds * 1e6;
      await deleteFiringsBefore(ctx.db.kysely, cutoff);
      return deleteEventsBefore(ctx.db, cutoff);
    }), ctx.settings.events.enabled],
    ['security_retention', loop('security_retention', s.retention.loopSeconds, () => pruneSecurityRecords(ctx.db, ctx.settings.auditRetentionDays)), true],
  ];
  const byName = new Map(all.map(([name, service]) => [name, service]));
  return {
    get: (name) => byName.get(name)!,
    start() {
      if (!s.enabled) return;
      for (const [, service, enabled] of all) if (enabled) service.start();
    },
    async stop() {
      await Promise.all(all.map(([, service]) => service.stop()));
    },
  };
}
