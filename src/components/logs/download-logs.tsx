import { useRef, useState } from 'react';
import { Download, X } from 'lucide-react';
import { downloadLogs, type LogScope } from '../../api/logs.ts';
import { stripAnsi } from '../../lib/ansi.ts';
import { formatIsoInZone } from '../../lib/time.ts';
import { Button } from '../ui/button.tsx';
import { toast } from '../ui/toast.tsx';
import { levelName } from './log-line.tsx';

/** Downloads every line of the scope as text, fetched page by page with progress and a cancel. */
export function DownloadLogsButton({ scope, name, zone }: { scope: LogScope; name: string; zone: string }) {
  const [progress, setProgress] = useState<number | null>(null);
  const abort = useRef<AbortController | null>(null);
  const start = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setProgress(0);
    try {
      const blob = await downloadLogs(scope, (l) => `${formatIsoInZone(l.timestamp, zone)} ${levelName(l.level).padEnd(8)} ${l.name}: ${stripAnsi(l.message)}`, setProgress, controller.signal);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${name}.log`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      if (!controller.signal.aborted) toast(`The download failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };
  if (progress !== null) {
    return (
      <Button onClick={() => abort.current?.abort()} aria-label="Cancel the download">
        <X aria-hidden="true" />
        <span className="tabular-nums">{progress.toLocaleString('en')} lines…</span>
      </Button>
    );
  }
  return (
    <Button onClick={() => void start()}>
      <Download aria-hidden="true" />
      Download
    </Button>
  );
}
