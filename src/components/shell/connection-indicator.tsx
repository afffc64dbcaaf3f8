import { useLiveLists, useLiveState, type LiveState } from '../../api/live.ts';
import { useConnectionStatus, type ConnectionStatus } from '../../api/server.ts';
import { StatusDot, type StatusTone } from '../ui/status-dot.tsx';

const CONNECTION: Record<ConnectionStatus, { label: string; tone: StatusTone; title?: string }> = {
  checking: { label: 'Connecting…', tone: 'neutral' },
  connected: { label: 'Connected', tone: 'success' },
  disconnected: { label: 'Disconnected', tone: 'danger', title: 'The server does not answer; pages show what they last read.' },
};

const LIVE: Record<LiveState, { label: string; tone: StatusTone; title: string }> = {
  connecting: { label: 'Connecting…', tone: 'neutral', title: 'Opening the live stream.' },
  live: { label: 'Live', tone: 'success', title: 'Pages follow the server as it changes.' },
  reconnecting: { label: 'Reconnecting…', tone: 'warning', title: 'The live stream dropped: refreshing every 3 s until it is back, then catching up.' },
  polling: { label: 'Refreshing every 3 s', tone: 'neutral', title: 'This server offers no live stream: pages refresh every 3 s.' },
};

/** The server connection and whether pages are live, pushed or polled (and keeps lists live: one stream per tab). */
export function ConnectionIndicator() {
  useLiveLists();
  const connection = useConnectionStatus();
  const live = useLiveState();
  const { label, tone, title } = connection === 'connected' && live ? LIVE[live] : CONNECTION[connection];
  return (
    <div role="status" aria-label="Server connection" title={title} className="flex items-center gap-2 text-xs text-fg-muted">
      <StatusDot tone={tone} />
      <span>{label}</span>
    </div>
  );
}
