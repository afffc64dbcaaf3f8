import { createFileRoute } from '@tanstack/react-router';
import { ComparePage } from '../components/compare/compare-page.tsx';

const isUuid = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

export const Route = createFileRoute('/runs/compare')({
  validateSearch: (raw: Record<string, unknown>): { left?: string; right?: string } => ({ ...(isUuid(raw.left) ? { left: raw.left } : {}), ...(isUuid(raw.right) ? { right: raw.right } : {}) }),
  component: function CompareRoute() {
    const { left, right } = Route.useSearch();
    return <ComparePage left={left ?? ''} right={right ?? ''} />;
  },
});
