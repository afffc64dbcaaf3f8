import { browserTimeZone, isValidTimeZone } from './time.ts';

/** Local-only preferences (localStorage), shared by every tab of this browser. */
const TIME_ZONE_KEY = 'syntask.timezone';

type Listener = () => void;
const listeners = new Set<Listener>();

export function subscribePreferences(listener: Listener): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => event.key === TIME_ZONE_KEY && listener();
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
