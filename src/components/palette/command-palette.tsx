import { useCallback, useState } from 'react';
import { Search } from 'lucide-react';
import { formatKeys, shortcutById } from '../../lib/shortcuts.ts';
import { isMacPlatform, useShortcut } from '../shell/use-shortcut.ts';
import { Dialog } from '../ui/dialog.tsx';
import { PaletteBody } from './palette-body.tsx';

/** The top-bar button and the Ctrl/⌘ K dialog: jump to any page, run, flow, deployment, pool or block; run actions. */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  useShortcut('palette', () => setOpen(true));
  const keys = formatKeys(shortcutById('palette'), isMacPlatform())[0];
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Control+K Meta+K"
        className="flex h-7 w-64 items-center gap-2 rounded-md border whitespace-nowrap border-border bg-surface px-2 text-xs text-fg-muted hover:border-border-strong hover:text-fg"
      >
        <Search className="size-3.5" aria-hidden="true" />
        <span className="flex-1 truncate text-left">Search or jump to…</span>
        <kbd className="rounded border border-border px-1 font-mono text-[11px]">{keys}</kbd>
      </button>
      <Dialog open={open} onClose={close} title="Command palette" wide top>
        <PaletteBody close={close} />
      </Dialog>
    </>
  );
}

