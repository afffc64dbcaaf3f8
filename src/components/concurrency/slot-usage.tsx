/** Slots in use of a limit: a small meter and `used / limit`, flagged when full or when 0 blocks everything. */
export function SlotUsage({ used, limit, label }: { used: number; limit: number; label: string }) {
  const full = used >= limit;
  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap">
      <span role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={limit} aria-valuenow={used} className="h-1.5 w-14 overflow-hidden rounded-full bg-surface-hover">
        <span className={`block h-full rounded-full ${full ? 'bg-state-scheduled' : 'bg-accent'}`} style={{ width: `${limit > 0 ? Math.min(100, (used / limit) * 100) : 0}%` }} />
      </span>
      <span className="tabular-nums">
        {used.toLocaleString('en')} / {limit.toLocaleString('en')}
      </span>
      {limit === 0 ? <span className="rounded border border-border px-1 text-xs text-fg-muted">blocks all</span> : full && <span className="rounded border border-border px-1 text-xs text-fg-muted">full</span>}
    </span>
  );
}
