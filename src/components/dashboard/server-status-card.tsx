import type { ReactNode } from 'react';
import { useIsFetching, useQuery, useQueryClient } from '@tanstack/react-query';
import { RefreshCw } from 'lucide-react';
import { buildVersionQuery, serverKeys, useConnectionStatus } from '../../api/server.ts';
import { Button } from '../ui/button.tsx';
import { Card, CardHeader } from '../ui/card.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { StatusDot } from '../ui/status-dot.tsx';

export function ServerStatusCard() {
  const queryClient = useQueryClient();
  const status = useConnectionStatus();
  // Only asked while connected, so a version that failed during an outage loads once the server is back.
  const version = useQuery({ ...buildVersionQuery(), enabled: status === 'connected' });
  const retrying = useIsFetching({ queryKey: serverKeys.all }) > 0;
  const retry = () => queryClient.invalidateQueries({ queryKey: serverKeys.all });

  return (
    <Card aria-labelledby="server-status-title">
      <CardHeader
        title={<span id="server-status-title">Server</span>}
        actions={
          status === 'disconnected' && (
            <Button onClick={retry} disabled={retrying}>
              <RefreshCw aria-hidden="true" className={retrying ? 'animate-spin' : undefined} />
              Retry
            </Button>
          )
        }
      />
      <dl className="grid grid-cols-[9rem_minmax(0,1fr)] gap-y-2.5 px-4 py-3.5">
        <Row label="Status" loading={status === 'checking'}>
          <span className="inline-flex items-center gap-2">
            <StatusDot tone={status === 'connected' ? 'success' : 'danger'} />
            {status === 'connected' ? 'Connected' : 'Unreachable'}
          </span>
        </Row>
        <Row label="Server version" loading={version.isLoading}>
          <span data-testid="server-version" className="font-mono tabular-nums">
            {version.data ?? '—'}
          </span>
        </Row>
      </dl>
      {status === 'disconnected' && (
        <p role="alert" className="border-t border-border px-4 py-2.5 text-fg-muted">
          The dashboard cannot reach the Syntask API. Check that the server is running, then retry.
        </p>
      )}
    </Card>
  );
}

function Row({ label, loading, children }: { label: string; loading: boolean; children: ReactNode }) {
  return (
    <>
      <dt className="text-fg-muted">{label}</dt>
      <dd aria-busy={loading} className="flex min-h-5 items-center">{loading ? <Skeleton className="w-24" /> : children}</dd>
    </>
  );
}
