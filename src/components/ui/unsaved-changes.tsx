import { useCallback, useRef, type ReactNode } from 'react';
import { useBlocker } from '@tanstack/react-router';
import { Button } from './button.tsx';
import { Dialog } from './dialog.tsx';

/**
 * Keeps unsaved form input from being lost: leaving for another page asks first (in-app
 * links, back/forward), and closing or reloading the tab gets the browser's own prompt.
 * `release()` lets the next navigation through (after a successful save).
 */
export function useUnsavedChangesGuard(dirty: boolean): { dialog: ReactNode; release: () => void } {
  const released = useRef(false);
  const blocker = useBlocker({
    shouldBlockFn: ({ current, next }) => dirty && !released.current && current.pathname !== next.pathname,
    enableBeforeUnload: () => dirty && !released.current,
    withResolver: true,
  });
  const release = useCallback(() => {
    released.current = true;
  }, []);
  const dialog = (
    <Dialog
      open={blocker.status === 'blocked'}
      onClose={() => blocker.reset?.()}
      title="Leave without saving?"
      footer={
        <>
          <Button variant="primary" onClick={() => blocker.reset?.()}>
            Stay on this page
          </Button>
          <Button className="!text-danger" onClick={() => blocker.proceed?.()}>
            Leave and discard changes
          </Button>
        </>
      }
    >
      <p className="text-fg-muted">You have changes that are not saved. If you leave this page now, they are lost.</p>
    </Dialog>
  );
  return { dialog, release };
}
