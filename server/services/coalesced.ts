/**
 * One pass of background work at a time: a wake-up during a pass asks for exactly one more
 * pass after it (wake-ups coalesce), so a burst of signals costs two passes, not one each.
 */
export class Coalesced {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly pass: () => Promise<void>,
    private readonly onError: (err: unknown) => void,
    /** After every pass, failed or not (reschedule a poll). */
    private readonly after: () => void = () => undefined,
  ) {}

  wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass()
      .catch(this.onError)
      .finally(() => {
        this.running = null;
        this.after();
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Resolves when no pass runs (after stop, before closing what the passes use). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }
}
