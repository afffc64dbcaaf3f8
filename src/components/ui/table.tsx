import type { ReactNode } from 'react';
import { clsx } from 'clsx';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Button } from './button.tsx';
import { Skeleton } from './skeleton.tsx';

export const th = 'h-8 px-3 text-left text-xs font-medium text-fg-muted whitespace-nowrap';
export const td = 'h-9 px-3 align-middle';

export function Table({ label, head, children, className }: { label: string; head: ReactNode; children: ReactNode; className?: string }) {
  // `relative`: absolutely positioned cell content (sr-only labels) scrolls with the table instead of widening the page.
  return (
    <div className={clsx('relative overflow-x-auto', className)}>
      <table aria-label={label} className="w-full border-collapse">
        <thead className="border-b border-border">
          <tr>{head}</tr>
        </thead>
        <tbody className="divide-y divide-border">{children}</tbody>
      </table>
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
