import { browserTimeZone, isValidTimeZone, type Clock } from './time.ts';

/** Local-only preferences (localStorage), shared by every tab of this browser. */
const TIME_ZONE_KEY = 'syntask.timezone';
const CLOCK_KEY = 'syntask.clock';

type Listener = () => void;
const listeners = new Set<Listener>();

export function subscribePreferences(listener: Listener): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => (event.key === TIME_ZONE_KEY || event.key === CLOCK_KEY) && listener();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The chosen IANA zone, or the browser's when none (or an unknown one) is stored. */
export function readTimeZone(): string {
  try {
    const stored = localStorage.getItem(TIME_ZONE_KEY);
    if (stored && isValidTimeZone(stored)) return stored;
  } catch {
    // Storage unavailable: the browser's zone.
  }
  return browserTimeZone();
}

export function writeTimeZone(zone: string | null): void {
  try {
    if (zone === null || zone === browserTimeZone()) localStorage.removeItem(TIME_ZONE_KEY);
    else localStorage.setItem(TIME_ZONE_KEY, zone);
  } catch {
    // Applies until reload only.
  }
  for (const listener of listeners) listener();
}

/** The hour cycle times are shown in: 24-hour unless the user chose 12-hour. */
export function readClock(): Clock {
  try {
    return localStorage.getItem(CLOCK_KEY) === '12h' ? '12h' : '24h';
  } catch {
    return '24h';
  }
}

export function writeClock(clock: Clock): void {
  try {
    if (clock === '24h') localStorage.removeItem(CLOCK_KEY);
    else localStorage.setItem(CLOCK_KEY, clock);
  } catch {
    // Applies until reload only.
  }
  for (const listener of listeners) listener();
}
