import { detailTime, isTerminal, type OrchestrationContext, type StateRecord } from './context.ts';

/** Contract §5.4: what every written state does to its run. */
export function applyBookkeeping(ctx: OrchestrationContext, written: StateRecord): void {
  const run = ctx.run;
  const initial = ctx.initial;
  run.state_id = written.id;
  run.state_type = written.type;
  run.state_name = written.name;
  run.state_timestamp = written.timestamp;

  if (written.type === 'RUNNING' && run.start_time === null) run.start_time = written.timestamp;
  if (isTerminal(written.type)) {
    if (run.start_time !== null) run.end_time = written.timestamp;
  } else {
    run.end_time = null;
  }
  if (initial?.type === 'RUNNING') run.total_run_time += Math.max(0, written.timestamp - initial.timestamp) / 1e6;
  if (run.expected_start_time === null) {
    run.expected_start_time = written.type === 'SCHEDULED' ? (detailTime(written.details.scheduled_time) ?? written.timestamp) : written.timestamp;
  }
  run.next_scheduled_start_time = written.type === 'SCHEDULED' ? detailTime(written.details.scheduled_time) : null;

  if (run.kind === 'flow') {
    const policy = run.flow_policy!;
    const pauseBookkeeping = ctx.apiAtLeast(0, 8, 4);
    if (written.type === 'RUNNING' && !(pauseBookkeeping && policy.resuming)) run.run_count += 1;
    if (pauseBookkeeping && (written.type === 'RUNNING' || isTerminal(written.type))) policy.resuming = false;
    if (written.type === 'RUNNING' && initial?.type !== 'RUNNING') run.clear_heartbeat = true;
  } else if (written.type === 'RUNNING') {
    run.run_count += 1;
  }
}
