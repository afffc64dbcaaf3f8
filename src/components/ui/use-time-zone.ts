import { useEffect, useState, useSyncExternalStore } from 'react';
import { readClock, readTimeZone, subscribePreferences } from '../../lib/preferences.ts';
import type { Clock } from '../../lib/time.ts';

export function useTimeZone(): string {
  return useSyncExternalStore(subscribePreferences, readTimeZone, readTimeZone);
}

/** The user's hour cycle (24-hour unless they chose 12-hour in the settings). */
export function useClock(): Clock {
  return useSyncExternalStore(subscribePreferences, readClock, readClock);
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
