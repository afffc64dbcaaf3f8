import { useState } from 'react';
import { Search, X } from 'lucide-react';
import { Input } from './form.tsx';
import { useTypingPause } from './use-typing-pause.ts';

/** A search box that reports its text after a typing pause (the list filters on the server). */
export function SearchBox({ value, onChange, label, placeholder }: { value: string; onChange: (text: string) => void; label: string; placeholder: string }) {
  const [text, setText] = useTypingPause(value, onChange);
  return (
    <label className="relative">
      <span className="sr-only">{label}</span>
      <Search className="pointer-events-none absolute top-1.5 left-2 size-4 text-fg-muted" aria-hidden="true" />
      <Input data-page-search type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={placeholder} className="w-60 pl-7" />
    </label>
  );
}

/** Tag filters: type a tag and press Enter; each chosen tag is a removable chip. */
export function TagFilter({ tags, onChange }: { tags: string[]; onChange: (tags: string[]) => void }) {
  const [text, setText] = useState('');
  return (
    <>
      <Input
        aria-label="Add a tag filter"
        placeholder="Tag + Enter"
        value={text}
        className="w-28"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && text.trim()) {
            onChange([...new Set([...tags, text.trim()])]);
            setText('');
          }
        }}
      />
      {tags.map((t) => (
        <button key={t} type="button" aria-label={`Remove tag filter ${t}`} onClick={() => onChange(tags.filter((x) => x !== t))} className="inline-flex h-6 items-center gap-1 rounded border border-border bg-surface px-1.5 text-xs">
          {t}
          <X className="size-3" aria-hidden="true" />
        </button>
      ))}
    </>
  );
}
