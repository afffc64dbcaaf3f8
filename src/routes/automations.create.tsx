import { createFileRoute } from '@tanstack/react-router';
import { CreateAutomationPage } from '../components/automations/automation-form-pages.tsx';

interface CreateSearch {
  /** The resource whose page linked here (`syntask.flow.<id>`…): the form starts from its template. */
  resource?: string;
}

export const Route = createFileRoute('/automations/create')({
  validateSearch: (raw: Record<string, unknown>): CreateSearch => (typeof raw.resource === 'string' && raw.resource.length <= 200 ? { resource: raw.resource } : {}),
  component: function CreateAutomationRoute() {
    const { resource } = Route.useSearch();
    return <CreateAutomationPage resource={resource} />;
  },
});
