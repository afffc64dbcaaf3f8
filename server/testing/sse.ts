/** A plain server-sent events client for tests and benchmarks: collects `event:`/`data:` blocks. */

export interface ServerEvent {
  event: string;
  data: any;
  /** When it arrived (ms since epoch). */
  at: number;
}

export interface EventStream {
  res: Response;
  events: ServerEvent[];
  /** Resolves once `predicate` holds for the events so far; rejects after `ms`. */
  waitFor(predicate: (events: ServerEvent[]) => boolean, ms?: number): Promise<void>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): Promise<void>;
}

export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStream> {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal, headers });
  const events: ServerEvent[] = [];
  let raw = '';
  const pump = (async () => {
    if (!res.body) return;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        raw += value;
        let cut: number;
        while ((cut = raw.indexOf('\n\n')) >= 0) {
          const block = raw.slice(0, cut);
          raw = raw.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data), at: Date.now() });
        }
      }
    } catch {
      // aborted
    }
  })();
  const waitFor = async (predicate: (e: ServerEvent[]) => boolean, ms = 3000) => {
    const deadline = Date.now() + ms;
    while (!predicate(events)) {
      if (Date.now() > deadline) throw new Error(`timed out; events: ${JSON.stringify(events)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { res, events, waitFor, ended: pump, close: async () => (controller.abort(), await pump) };
}
