/**
 * Where a flow run ran, from what the SDK reports in `context.runner` (scripts) or what a
 * worker sets (`infrastructure_pid` = host:pid). `null` when nothing says.
 */
export interface RunPlace {
  /** Short, for the run summary: "laptop · script, embedded API". */
  summary: string;
  /** Longer, for a tooltip and the details tab. */
  detail: string;
}

interface RunnerContext {
  hostname?: unknown;
  pid?: unknown;
  api?: unknown;
  api_url?: unknown;
  profile?: unknown;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

export function runPlace(run: { context: Record<string, unknown>; infrastructure_pid: string | null; work_pool_name: string | null; deployment_id: string | null }): RunPlace | null {
  const runner = (run.context?.runner ?? null) as RunnerContext | null;
  if (runner && typeof runner === 'object' && !run.work_pool_name) {
    const host = text(runner.hostname) ?? 'unknown host';
    const pid = typeof runner.pid === 'number' ? ` (pid ${runner.pid})` : '';
    const profile = text(runner.profile) ? `, profile ${text(runner.profile)}` : '';
    if (runner.api === 'embedded') return { summary: `${host} · script, embedded API`, detail: `A script on ${host}${pid} with no server running: its own embedded API wrote the run to the database${profile}.` };
    const url = text(runner.api_url);
    return { summary: `${host} · script`, detail: `A script on ${host}${pid}, through the server${url ? ` at ${url}` : ''}${profile}.` };
  }
  const pid = text(run.infrastructure_pid);
  if (!pid) return null;
  const colon = pid.lastIndexOf(':');
  const host = colon > 0 ? pid.slice(0, colon) : pid;
  const processId = colon > 0 ? pid.slice(colon + 1) : null;
  const via = run.work_pool_name ? `a worker of pool ${run.work_pool_name}` : 'a worker';
  return { summary: `${host} · worker`, detail: `Started by ${via} on ${host}${processId ? ` as process ${processId}` : ''}.` };
}
