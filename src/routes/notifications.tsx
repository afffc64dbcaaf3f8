import { createFileRoute } from '@tanstack/react-router';
import { NotificationsPage } from '../components/placeholder/planned-pages.tsx';

export const Route = createFileRoute('/notifications')({
  component: NotificationsPage,
});
