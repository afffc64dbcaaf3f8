import { createFileRoute } from '@tanstack/react-router';
import { BlocksPage } from '../components/placeholder/planned-pages.tsx';

export const Route = createFileRoute('/blocks/')({
  component: BlocksPage,
});
