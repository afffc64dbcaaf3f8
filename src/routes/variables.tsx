import { createFileRoute } from '@tanstack/react-router';
import { VariablesPage } from '../components/placeholder/planned-pages.tsx';

export const Route = createFileRoute('/variables')({
  component: VariablesPage,
});
