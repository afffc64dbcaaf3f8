import { useEffect, useRef, useState } from 'react';
import { useRouter } from '@tanstack/react-router';

/**
 * A search field's text, reported after a typing pause (lists filter on the server and the
 * URL keeps the reported text). The text follows `reported` when that changes from outside
 * (back button, a cleared filter). A report still waiting when the router starts leaving the
 * page is dropped: sent while the next page's code loads, it would navigate back here and
 * undo the user's click or `g` shortcut.
 */
export function useTypingPause(reported: string, report: (text: string) => void, delayMs = 300): [string, (text: string) => void] {
  const [text, setText] = useState(reported);
  const latest = useRef(report);
  useEffect(() => {
    latest.current = report;
  });
  useEffect(() => setText(reported), [reported]);
  const router = useRouter();
  useEffect(() => {
    if (text === reported) return;
    const timer = setTimeout(() => latest.current(text), delayMs);
    const unsubscribe = router.subscribe('onBeforeNavigate', (e) => {
      if (!e.pathChanged) return;
      clearTimeout(timer);
      // Still mounted on the next page (another run of the same view): the dropped text goes too.
      setText(reported);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [text, reported, delayMs, router]);
  return [text, setText];
}
