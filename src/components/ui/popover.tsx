import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { clsx } from 'clsx';
import { ChevronDown } from 'lucide-react';
import { buttonClassName } from './button.tsx';

/** A button that opens a panel below it; closes on Escape or a click outside. */
export function Popover({ label, children, className, align = 'start', buttonLabel, chevron = true }: { label: ReactNode; children: (close: () => void) => ReactNode; className?: string; align?: 'start' | 'end'; buttonLabel?: string; chevron?: boolean }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => ref.current && !ref.current.contains(e.target as Node) && setOpen(false);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div ref={ref} className="relative">
      <button type="button" aria-expanded={open} aria-controls={id} aria-label={buttonLabel} onClick={() => setOpen((o) => !o)} className={buttonClassName('secondary', className)}>
        {label}
        {chevron && <ChevronDown aria-hidden="true" className="text-fg-muted" />}
      </button>
      {open && (
        <div id={id} className={clsx('absolute top-full z-30 mt-1 min-w-56 rounded-md border border-border bg-surface-raised p-1 shadow-lg', align === 'end' ? 'right-0' : 'left-0')}>
          {children(() => setOpen(false))}
        </div>
      )}
    </div>
  );
}

export function MenuItem({ children, onSelect, danger, disabled, title }: { children: ReactNode; onSelect: () => void; danger?: boolean; disabled?: boolean; title?: string }) {
  return (
    <button type="button" disabled={disabled} title={title} onClick={onSelect} className={clsx('flex h-7 w-full items-center gap-2 rounded px-2 text-left whitespace-nowrap hover:bg-surface-hover disabled:opacity-50 [&_svg]:size-3.5', danger && 'text-danger')}>
      {children}
    </button>
  );
}
