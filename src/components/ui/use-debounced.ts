import { useEffect, useState } from 'react';

/** `value` once it has stopped changing for `delayMs` (compared by JSON, so a rebuilt equal object does not restart the wait). */
export function useDebounced<T>(value: T, delayMs = 400): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
    // `key` stands for `value`: an equal value rebuilt at each render must not restart the timer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, delayMs]);
  return settled;
}
