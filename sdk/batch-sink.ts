const BATCH = 200;
const FLUSH_MS = 1000;

/**
 * Ships items to the server in order, in batches of up to 200, at most a second after the
 * first one waits (log lines, events). `send` failing stops the rest of that flush: `failed`
 * says what to do (report it; answer true to stop sending for good).
 */
export class BatchSink<T> {
  private queue: T[] = [];
  private timer: NodeJS.Timeout | null = null;
  private sending: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly send: (batch: T[]) => Promise<unknown>,
    private readonly failed: (err: unknown, unsent: number) => boolean | void,
  ) {}

  push(item: T) {
    if (this.stopped) return;
    this.queue.push(item);
    if (this.queue.length >= BATCH) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), FLUSH_MS);
      this.timer.unref();
    }
  }

  /** Sends everything queued so far; resolves when it is stored. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return this.sending;
    this.sending = this.sending.then(async () => {
      for (let i = 0; i < batch.length && !this.stopped; i += BATCH) {
        try {
          await this.send(batch.slice(i, i + BATCH));
        } catch (err) {
          if (this.failed(err, batch.length - i)) this.stopped = true;
          return;
        }
      }
    });
    return this.sending;
  }
}
