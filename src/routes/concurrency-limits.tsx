import { createFileRoute } from '@tanstack/react-router';
import { ConcurrencyPage } from '../components/placeholder/planned-pages.tsx';

export const Route = createFileRoute('/concurrency-limits')({
  component: ConcurrencyPage,
});
