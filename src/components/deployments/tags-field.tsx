import { useState } from 'react';
import { X } from 'lucide-react';

/** Tags as removable chips; Enter adds the typed tag (it never submits the form), Backspace in an empty box removes the last. */
export function TagsField({ value, onChange, id, label }: { value: string[]; onChange: (tags: string[]) => void; id: string; label: string }) {
  const [text, setText] = useState('');
  const add = () => {
    const tag = text.trim();
    if (tag && !value.includes(tag)) onChange([...value, tag]);
    setText('');
  };
  return (
    <div className="flex min-h-7 max-w-xl flex-wrap items-center gap-1 rounded-md border border-border-strong bg-surface-raised px-1 py-0.5 focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-accent">
      {value.map((t) => (
        <span key={t} className="inline-flex h-5 items-center gap-1 rounded border border-border bg-surface px-1.5 text-xs">
          {t}
          <button type="button" aria-label={`Remove tag ${t}`} onClick={() => onChange(value.filter((x) => x !== t))} className="text-fg-muted hover:text-fg">
            <X className="size-3" aria-hidden="true" />
          </button>
        </span>
      ))}
      <input
        id={id}
        aria-label={label}
        value={text}
        placeholder={value.length ? '' : 'Add a tag + Enter'}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          } else if (e.key === 'Backspace' && text === '' && value.length) onChange(value.slice(0, -1));
        }}
        onBlur={add}
        className="h-6 min-w-24 flex-1 bg-transparent px-1 text-sm outline-none placeholder:text-fg-muted/80"
      />
    </div>
  );
}
