import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Plus, Zap } from 'lucide-react';
import { buildRelatedAutomationsQuery } from '../../api/automations.ts';
import { useFeatureFlags } from '../../api/server.ts';
import { buttonClassName } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';

/**
 * "Automations that watch this" on a run, deployment, work pool or flow page: the
 * automations whose trigger or actions name the resource (`related-to`), and a way to add one
 * (`newFor`: the resource the new automation's template starts from).
 */
export function WatchingAutomations({ resourceId, newFor = resourceId }: { resourceId: string; newFor?: string }) {
  const flags = useFeatureFlags();
  const on = flags?.has('automations') ?? false;
  const related = useQuery({ ...buildRelatedAutomationsQuery(resourceId), enabled: on });
  if (!on) return null;
  return (
    <Card className="mb-4 px-3 py-2">
      <section aria-label="Automations that watch this" className="flex flex-wrap items-center gap-x-3 gap-y-1.5 text-sm">
        <h2 className="inline-flex items-center gap-1.5 font-medium">
          <Zap className="size-3.5 text-fg-muted" aria-hidden="true" />
          Automations that watch this
          {related.data && <span className="text-fg-muted tabular-nums">{related.data.length}</span>}
        </h2>
        {related.isError ? (
          <span className="text-danger">Could not load them: {related.error.message}</span>
        ) : !related.data ? (
          <span className="text-fg-muted">Loading…</span>
        ) : related.data.length === 0 ? (
          <span className="text-fg-muted">None yet.</span>
        ) : (
          <ul className="flex flex-wrap gap-x-3 gap-y-1">
            {related.data.map((a) => (
              <li key={a.id}>
                <Link to="/automations/automation/$id" params={{ id: a.id }} className="text-accent hover:underline">
                  {a.name}
                </Link>
                {!a.enabled && <span className="ml-1 text-xs text-fg-muted">(disabled)</span>}
              </li>
            ))}
          </ul>
        )}
        <Link to="/automations/create" search={{ resource: newFor }} className={buttonClassName('secondary', 'ml-auto')}>
          <Plus aria-hidden="true" />
          New automation
        </Link>
      </section>
    </Card>
  );
}
