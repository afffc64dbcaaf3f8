import { useEffect, useState, useSyncExternalStore } from 'react';
import { readTimeZone, subscribePreferences } from '../../lib/preferences.ts';

export function useTimeZone(): string {
  return useSyncExternalStore(subscribePreferences, readTimeZone, readTimeZone);
}

const tickers = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribeNow(listener: () => void) {
  tickers.add(listener);
  timer ??= setInterval(() => tickers.forEach((l) => l()), 1000);
  return () => {
    tickers.delete(listener);
    if (tickers.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time, re-rendering every `everyMs` (one shared timer for the whole page). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => subscribeNow(() => setNow((prev) => (Date.now() - prev >= everyMs ? Date.now() : prev))), [everyMs]);
  return now;
}
