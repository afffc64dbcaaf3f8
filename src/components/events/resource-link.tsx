import { Link } from '@tanstack/react-router';
import { clsx } from 'clsx';
import { resourceLabel, resourceRoute } from '../../lib/event-search.ts';

/** A resource of an event: a link to its dashboard page when it has one, its name otherwise; the id in the tooltip. */
export function ResourceLink({ labels, role, className }: { labels: Record<string, string>; role?: string; className?: string }) {
  const to = resourceRoute(labels);
  const text = resourceLabel(labels);
  const title = `${role ? `${role}: ` : ''}${labels['syntask.resource.id']}`;
  return to ? (
    <Link to={to} title={title} className={clsx('text-accent hover:underline', className)}>
      {text}
    </Link>
  ) : (
    <span title={title} className={className}>
      {text}
    </span>
  );
}

/** Related resources as small chips: role, then name; tags as `#tag`. */
export function RelatedChips({ related, max = 4 }: { related: Record<string, string>[]; max?: number }) {
  const shown = related.slice(0, max);
  return (
    <span className="flex min-w-0 flex-wrap items-center gap-1">
      {shown.map((r) => (
        <span key={`${r['syntask.resource.role']}:${r['syntask.resource.id']}`} className="inline-flex max-w-56 items-center gap-1 truncate rounded bg-surface-hover px-1.5 py-0.5 text-[11px]">
          {r['syntask.resource.role'] === 'tag' ? (
            <span>#{r['syntask.resource.id'].replace(/^syntask\.tag\./, '')}</span>
          ) : (
            <>
              <span className="text-fg-muted">{r['syntask.resource.role']}</span>
              <ResourceLink labels={r} role={r['syntask.resource.role']} className="truncate" />
            </>
          )}
        </span>
      ))}
      {related.length > max && <span className="text-[11px] text-fg-muted">+{related.length - max}</span>}
    </span>
  );
}
