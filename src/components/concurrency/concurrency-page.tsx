import { ConcurrencyLimitsPage } from './concurrency-limits-page.tsx';
import { GlobalLimitsPage } from './global-limits-page.tsx';
import { Tabs } from '../ui/tabs.tsx';
import type { ConcurrencyTab } from '../../lib/concurrency-search.ts';

/** `/concurrency-limits`: task-run limits by tag, and global limits shared by name; the tab lives in the URL. */
export function ConcurrencyPage({ tab, onTab }: { tab: ConcurrencyTab; onTab: (tab: ConcurrencyTab) => void }) {
  return (
    <>
      <div className="mb-4">
        <Tabs
          label="Kind of concurrency limit"
          value={tab}
          onSelect={onTab}
          items={[
            { id: 'tag', label: 'Task runs by tag' },
            { id: 'global', label: 'Global' },
          ]}
        />
      </div>
      {tab === 'global' ? <GlobalLimitsPage /> : <ConcurrencyLimitsPage />}
    </>
  );
}
