import { useConnectionStatus, type ConnectionStatus } from '../../api/server.ts';
import { StatusDot, type StatusTone } from '../ui/status-dot.tsx';

const DISPLAY: Record<ConnectionStatus, { label: string; tone: StatusTone }> = {
  checking: { label: 'Connecting…', tone: 'neutral' },
  connected: { label: 'Connected', tone: 'success' },
  disconnected: { label: 'Disconnected', tone: 'danger' },
};

export function ConnectionIndicator() {
  const { label, tone } = DISPLAY[useConnectionStatus()];
  return (
    <div role="status" aria-label="Server connection" className="flex items-center gap-2 text-xs text-fg-muted">
      <StatusDot tone={tone} />
      <span>{label}</span>
    </div>
  );
}
