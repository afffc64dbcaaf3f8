/**
 * A background service: runs `work` every `intervalSeconds`, one pass at a time, logs
 * failures and keeps going; `runOnce` runs a pass on demand (tests, `/deployments/…/schedule`).
 */
export class LoopService {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;
  private running = false;

  constructor(
    readonly name: string,
    private readonly intervalSeconds: number,
    private readonly work: () => Promise<unknown>,
    private readonly onError: (service: string, err: unknown) => void,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop();
  }

  private loop(): void {
    if (!this.running) return;
    this.current = this.runOnce().finally(() => {
      this.current = null;
      if (this.running) this.timer = setTimeout(() => this.loop(), this.intervalSeconds * 1000);
    });
  }

  async runOnce(): Promise<void> {
    try {
      await this.work();
    } catch (err) {
      this.onError(this.name, err);
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current;
  }
}
