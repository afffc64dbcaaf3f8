import type { AppContext } from '../context.ts';
import { cleanUpCancellations } from './cancellation-cleanup.ts';
import { markLateRuns } from './late-runs.ts';
import { expirePauses } from './pause-expiry.ts';
import { enforceRetention } from './retention.ts';
import { schedulerPass } from './scheduler.ts';
import { LoopService } from './service.ts';
import { keepStatuses } from './status-keeper.ts';

export type ServiceName = 'scheduler' | 'recent_scheduler' | 'late_runs' | 'pause_expirations' | 'cancellation_cleanup' | 'status_keeper' | 'retention';

export interface Services {
  get(name: ServiceName): LoopService;
  start(): void;
  stop(): Promise<void>;
}

/** Every background service of contract §6, each started only when its setting enables it. */
export function createServices(ctx: AppContext, log: (service: string, err: unknown) => void): Services {
  const s = ctx.settings.services;
  const all: [ServiceName, LoopService, boolean][] = [
    ['scheduler', new LoopService('scheduler', s.scheduler.loopSeconds, () => schedulerPass(ctx), log), s.scheduler.enabled],
    ['recent_scheduler', new LoopService('recent_scheduler', s.scheduler.recentLoopSeconds, () => schedulerPass(ctx, 6), log), s.scheduler.enabled],
    ['late_runs', new LoopService('late_runs', s.lateRuns.loopSeconds, () => markLateRuns(ctx), log), s.lateRuns.enabled],
    ['pause_expirations', new LoopService('pause_expirations', s.pauseExpirations.loopSeconds, () => expirePauses(ctx), log), s.pauseExpirations.enabled],
    ['cancellation_cleanup', new LoopService('cancellation_cleanup', s.cancellationCleanup.loopSeconds, () => cleanUpCancellations(ctx), log), s.cancellationCleanup.enabled],
    ['status_keeper', new LoopService('status_keeper', s.statusKeeper.loopSeconds, () => keepStatuses(ctx), log), s.statusKeeper.enabled],
    ['retention', new LoopService('retention', s.retention.loopSeconds, () => enforceRetention(ctx), log), s.retention.days > 0],
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
