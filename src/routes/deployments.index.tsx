import { createFileRoute } from '@tanstack/react-router';
import { DeploymentsPage } from '../components/placeholder/planned-pages.tsx';

export const Route = createFileRoute('/deployments/')({
  component: DeploymentsPage,
});
