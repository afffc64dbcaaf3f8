import type { StateCounts } from '../../api/flow-runs.ts';
import { Skeleton } from '../ui/skeleton.tsx';

const PARTS: { key: keyof StateCounts; label: string; token: string }[] = [
  { key: 'COMPLETED', label: 'completed', token: 'completed' },
  { key: 'FAILED', label: 'failed', token: 'failed' },
  { key: 'CRASHED', label: 'crashed', token: 'crashed' },
  { key: 'RUNNING', label: 'running', token: 'running' },
];

/** Task runs of one flow run by state, as text ("4 completed · 1 failed"); colour only reinforces. */
export function TaskRunCounts({ counts }: { counts: Partial<StateCounts> | undefined }) {
  if (!counts) return <Skeleton className="w-20" />;
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  if (total === 0) return <span className="text-fg-muted">none</span>;
  const shown = PARTS.filter((p) => (counts[p.key] ?? 0) > 0);
  const other = total - shown.reduce((a, p) => a + (counts[p.key] ?? 0), 0);
  return (
    <span className="inline-flex flex-wrap gap-x-2 text-xs tabular-nums whitespace-nowrap">
      {shown.map((p) => (
        <span key={p.key} style={{ color: `var(--color-state-${p.token})` }}>
          {counts[p.key]} {p.label}
        </span>
      ))}
      {other > 0 && <span className="text-fg-muted">{other} other</span>}
    </span>
  );
}
