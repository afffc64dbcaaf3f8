import { createFileRoute } from '@tanstack/react-router';
import { SettingsPage } from '../components/shell/settings-page.tsx';

export const Route = createFileRoute('/settings')({
  component: SettingsPage,
});
