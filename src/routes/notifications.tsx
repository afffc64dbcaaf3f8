import { createFileRoute } from '@tanstack/react-router';
import { buildNotificationPoliciesQuery } from '../api/notification-policies.ts';
import { NotificationsPage } from '../components/notifications/notifications-page.tsx';

export const Route = createFileRoute('/notifications')({
  loader: ({ context: { queryClient } }) => void queryClient.prefetchQuery(buildNotificationPoliciesQuery()),
  component: NotificationsPage,
});
