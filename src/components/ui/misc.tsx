import { useState } from 'react';
import { clsx } from 'clsx';
import { Check, Copy } from 'lucide-react';
import { collapseTags } from '../../lib/table-columns.ts';
import { Button } from './button.tsx';

const tagClass = 'rounded border border-border bg-surface px-1.5 text-xs leading-5 whitespace-nowrap text-fg-muted';

/** Tags as chips; `max` (table cells) shows the first few that fit on one line, long ones truncated, and "+N" with the rest in a tooltip. */
export function TagList({ tags, max }: { tags: readonly string[]; max?: number }) {
  if (tags.length === 0) return null;
  const { shown, hidden } = max === undefined ? { shown: tags, hidden: [] } : collapseTags(tags, max);
  return (
    <span className={max === undefined ? 'inline-flex flex-wrap gap-1' : 'inline-flex max-w-full gap-1 whitespace-nowrap'}>
      {shown.map((t) => (
        <span key={t} className={max === undefined ? tagClass : clsx(tagClass, 'max-w-36 truncate')} title={max !== undefined && t.length > 18 ? t : undefined}>
          {t}
        </span>
      ))}
      {hidden.length > 0 && (
        <span className={tagClass} title={hidden.join(', ')} aria-label={`${hidden.length} more tags: ${hidden.join(', ')}`}>
          +{hidden.length}
        </span>
      )}
    </span>
  );
}

/** Copies `value`; the tooltip shows it unless `title` says otherwise (a secret must not sit in an attribute). */
export function CopyButton({ value, label = 'Copy id', title = value }: { value: string; label?: string; title?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Clipboard unavailable (insecure context): select-and-copy fallback.
      const input = document.createElement('textarea');
      input.value = value;
      document.body.append(input);
      input.select();
      document.execCommand('copy');
      input.remove();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <Button onClick={copy} aria-label={label} title={title}>
      {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
      {copied ? 'Copied' : label}
    </Button>
  );
}

/** Tabular count with thousands separators. */
export const formatCount = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toLocaleString('en'));
/** "1 run", "2 runs", "— runs" while unknown. */
export const countOf = (n: number | null | undefined, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** A definition list row layout used by details panels. */
export function KeyValue({ items }: { items: [string, React.ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[fit-content(10rem)_minmax(0,1fr)] gap-x-4 gap-y-2">
      {items.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-fg-muted">{k}</dt>
          <dd className="min-w-0 break-words">{v ?? <span className="text-fg-muted">—</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
