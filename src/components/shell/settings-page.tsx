import { useQuery } from '@tanstack/react-query';
import { buildUiSettingsQuery, buildVersionQuery } from '../../api/server.ts';
import { ApiKeysSection } from '../auth/api-keys-section.tsx';
import { Card, CardHeader } from '../ui/card.tsx';
import { KeyValue } from '../ui/misc.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { ClockToggle } from './clock-toggle.tsx';
import { ThemeToggle } from './theme-toggle.tsx';
import { TimeZonePicker } from './time-zone-picker.tsx';

const FLAG_LABELS: Record<string, string> = {
  log_search: 'Log text search and log counts',
  log_flow_only: "Logs filtered to the flow run's own lines",
  flow_run_task_run_counts: 'Task-run counts for a page of runs in one request',
  flow_run_id_prefix: 'Find a flow run by the start of its id (command palette)',
  flow_run_task_grid: 'Runs × tasks grid on the flow and deployment pages',
  flow_run_delay_explanation: 'Why a run has not started (run page, late runs card)',
  flow_run_stream: 'Live updates of a run (server-sent events)',
  schedule_preview: 'Next run times of an unsaved schedule',
  notification_policy_test: 'Send a test notification',
};

export function SettingsPage() {
  const version = useQuery(buildVersionQuery());
  const ui = useQuery(buildUiSettingsQuery());
  return (
    <>
      <PageHeader title="Settings" description="Preferences of this browser and what this server offers." />
      <div className="grid max-w-3xl gap-4">
        <Card>
          <CardHeader title="Display" />
          <div className="px-4 py-3">
            <KeyValue
              items={[
                ['Theme', <div className="w-fit"><ThemeToggle /></div>],
                ['Time zone', <TimeZonePicker />],
                ['Clock', <ClockToggle />],
              ]}
            />
            <p className="mt-3 text-xs text-fg-muted">Stored in this browser only. Every time in the dashboard is shown in this zone and on this clock, with the zone next to it.</p>
          </div>
        </Card>
        <Card>
          <CardHeader title="Server" />
          <div className="px-4 py-3">
            <KeyValue
              items={[
                ['Version', version.isError ? <span className="text-danger">could not be read: {version.error.message}</span> : version.data],
                ['API URL', ui.data?.api_url && <span className="font-mono text-xs">{ui.data.api_url}</span>],
                ['Profile', ui.data && (ui.data.profile ? <span className="font-mono text-xs">{ui.data.profile}</span> : 'none (settings from the environment)')],
                ['Sign-in', ui.data ? (ui.data.auth_enabled ? 'on' : 'off: everyone has full access') : undefined],
                ['CSRF protection', ui.data ? (ui.data.csrf_enabled ? 'on' : 'off') : undefined],
                [
                  'Extensions',
                  ui.data && (ui.data.flags.length ? (
                    <ul className="grid gap-0.5">
                      {ui.data.flags.map((f) => (
                        <li key={f}>
                          {FLAG_LABELS[f] ?? f} <span className="font-mono text-xs text-fg-muted">({f})</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    'none: the dashboard uses contract endpoints only'
                  )),
                ],
              ]}
            />
          </div>
        </Card>
        <ApiKeysSection />
      </div>
    </>
  );
}
