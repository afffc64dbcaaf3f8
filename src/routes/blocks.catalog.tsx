import { createFileRoute } from '@tanstack/react-router';
import { BlockCatalogPage } from '../components/placeholder/planned-pages.tsx';

export const Route = createFileRoute('/blocks/catalog')({
  component: BlockCatalogPage,
});
