import { createFileRoute } from '@tanstack/react-router';
import { ArtifactsPage } from '../components/placeholder/planned-pages.tsx';

export const Route = createFileRoute('/artifacts')({
  component: ArtifactsPage,
});
