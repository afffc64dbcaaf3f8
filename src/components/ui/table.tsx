import { useCallback, useRef, useState, type ReactNode } from 'react';
import { clsx } from 'clsx';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Button } from './button.tsx';
import { Skeleton } from './skeleton.tsx';
import { ColumnChooser, type TableColumns } from './table-columns.tsx';

export const th = 'h-8 px-3 text-left text-xs font-medium text-fg-muted whitespace-nowrap';
export const td = 'h-9 px-3 align-middle';
/** A text column that takes the room the others leave (at least 7rem) and truncates its text (`block truncate` inside); give its header a share (`w-[40%]`). */
export const tdFlex = td + ' max-w-0 min-w-28';

export function Table({ label, head, children, className, columns }: { label: string; head: ReactNode; children: ReactNode; className?: string; columns?: TableColumns }) {
  const [edges, setEdges] = useState({ left: false, right: false });
  const observer = useRef<ResizeObserver | null>(null);
  const measure = columns?.measure;
  // A table that is wider than its room (narrow screens, or columns the user chose) scrolls sideways and says so: a shadow on the side with more.
  const scroller = useCallback(
    (element: HTMLDivElement | null) => {
      observer.current?.disconnect();
      observer.current = null;
      measure?.(element);
      if (!element) return;
      const update = () => {
        const left = element.scrollLeft > 1;
        const right = element.scrollLeft + element.clientWidth < element.scrollWidth - 1;
        setEdges((e) => (e.left === left && e.right === right ? e : { left, right }));
      };
      update();
      element.addEventListener('scroll', update, { passive: true });
      observer.current = new ResizeObserver(update);
      observer.current.observe(element);
      if (element.firstElementChild) observer.current.observe(element.firstElementChild);
    },
    [measure],
  );
  const scrolls = edges.left || edges.right;
  return (
    <div className={clsx('relative', className)} data-scrolls-sideways={scrolls ? '' : undefined}>
      {/* `relative`: absolutely positioned cell content (sr-only labels) scrolls with the table instead of widening the page. */}
      <div
        ref={scroller}
        className={clsx('relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-accent', columns && '[&>table>thead>tr>th:last-child]:pr-10')}
        // Scrolled by keyboard too when it scrolls; named so a screen reader hears why.
        tabIndex={scrolls ? 0 : undefined}
        role={scrolls ? 'region' : undefined}
        aria-label={scrolls ? `${label} (scrolls sideways)` : undefined}
      >
        <table aria-label={label} className="w-full border-collapse">
          <thead className="border-b border-border">
            <tr>{head}</tr>
          </thead>
          <tbody className="divide-y divide-border">{children}</tbody>
        </table>
      </div>
      <div aria-hidden="true" className={clsx('pointer-events-none absolute inset-y-0 left-0 w-6 bg-linear-to-r from-fg/15 to-transparent transition-opacity', edges.left ? 'opacity-100' : 'opacity-0')} />
      <div aria-hidden="true" className={clsx('pointer-events-none absolute inset-y-0 right-0 w-6 bg-linear-to-l from-fg/15 to-transparent transition-opacity', edges.right ? 'opacity-100' : 'opacity-0')} />
      {edges.right && (
        <span aria-hidden="true" className="pointer-events-none absolute right-2 bottom-1 rounded bg-surface-raised/90 px-1.5 text-xs text-fg-muted shadow-sm">
          Scroll sideways for more →
        </span>
      )}
      {columns && (
        <div className="absolute top-1 right-1">
          <ColumnChooser label={label} columns={columns} />
        </div>
      )}
    </div>
  );
}

export function SkeletonRows({ columns, rows = 8 }: { columns: number; rows?: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        <tr key={r} aria-hidden="true">
          {Array.from({ length: columns }, (_, c) => (
            <td key={c} className={td}>
              <Skeleton className={c === 0 ? 'w-4' : 'w-24'} />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

/** "1–50 of 1,234" with previous / next. */
export function Pagination({ page, pageSize, total, onPage, noun }: { page: number; pageSize: number; total: number | undefined; onPage: (page: number) => void; noun: string }) {
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = total === undefined ? page * pageSize : Math.min(total, page * pageSize);
  const last = total === undefined ? page : Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="flex items-center justify-between gap-3 border-t border-border px-3 py-2 text-xs text-fg-muted">
      <span className="tabular-nums" aria-live="polite">
        {total === undefined ? `Loading ${noun}…` : `${from.toLocaleString('en')}–${to.toLocaleString('en')} of ${total.toLocaleString('en')} ${noun}`}
      </span>
      <div className="flex items-center gap-1">
        <Button aria-label="Previous page" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          <ChevronLeft aria-hidden="true" />
        </Button>
        <span className="tabular-nums">
          Page {page.toLocaleString('en')} of {last.toLocaleString('en')}
        </span>
        <Button aria-label="Next page" disabled={page >= last} onClick={() => onPage(page + 1)}>
          <ChevronRight aria-hidden="true" />
        </Button>
      </div>
    </div>
  );
}
