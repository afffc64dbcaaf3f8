import type { SyntaskClient } from './client.ts';
import { heartbeatFrequencySeconds, WORKER_NAME_ENV } from './settings.ts';

/**
 * Heartbeats of one flow run: one right away, then every SYNTASK_RUNNER_HEARTBEAT_FREQUENCY
 * seconds until stopped. A failed heartbeat is dropped (the next one tries again); the
 * timer never keeps a process alive on its own.
 */
export class RunHeartbeats {
  private timer: NodeJS.Timeout | null = null;
  private started = false;
  private stopped = false;

  constructor(
    private readonly client: SyntaskClient,
    private readonly flowRunId: string,
    private readonly workerName: string | null = process.env[WORKER_NAME_ENV] || null,
    private readonly seconds = heartbeatFrequencySeconds(),
  ) {}

  /** Starts once; later calls do nothing. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    void this.beat();
  }

  private async beat(): Promise<void> {
    if (this.stopped) return;
    await this.client.flowRunHeartbeat(this.flowRunId, this.workerName).catch(() => undefined);
    if (!this.stopped) this.timer = setTimeout(() => void this.beat(), this.seconds * 1000).unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
