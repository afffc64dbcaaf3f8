import { useEffect, useState } from 'react';
import { Search } from 'lucide-react';
import { Input } from '../ui/form.tsx';

/** A search input that writes to the URL after a short typing pause; follows the URL when it changes elsewhere. */
export function SearchBox({ value, onChange, label, placeholder }: { value: string | undefined; onChange: (q: string | undefined) => void; label: string; placeholder: string }) {
  const [q, setQ] = useState(value ?? '');
  useEffect(() => setQ(value ?? ''), [value]);
  useEffect(() => {
    if (q === (value ?? '')) return;
    const t = setTimeout(() => onChange(q.trim() ? q : undefined), 300);
    return () => clearTimeout(t);
  }, [q, value, onChange]);
  return (
    <label className="relative">
      <span className="sr-only">{label}</span>
      <Search className="pointer-events-none absolute top-1.5 left-2 size-4 text-fg-muted" aria-hidden="true" />
      <Input data-page-search type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={placeholder} className="w-64 pl-7" />
    </label>
  );
}
