import { createFileRoute } from '@tanstack/react-router';
import { WorkPoolsPage } from '../components/placeholder/planned-pages.tsx';

export const Route = createFileRoute('/work-pools/')({
  component: WorkPoolsPage,
});
