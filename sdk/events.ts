import { randomUUID } from 'node:crypto';
import type { EventT, StateT, SyntaskClient } from './client.ts';
import type { FlowRunContext } from './context.ts';
import { BatchSink } from './batch-sink.ts';
import { truncateMiddle } from '../server/events/flow-run-events.ts';

const FOLLOWS_WINDOW_MS = 5 * 60 * 1000;

/**
 * Ships events to `POST /api/events` in batches, like the log sink. A server with events off
 * answers 404: the sink then stops sending (events are an observation, never a reason to
 * fail a run).
 */
export class EventSink extends BatchSink<EventT> {
  constructor(client: SyntaskClient) {
    super(
      (batch) => client.createEvents(batch),
      (err, unsent) => {
        if ((err as { status?: number }).status === 404) return true;
        process.stderr.write(`syntask: could not send ${unsent} events: ${(err as Error).message}\n`);
      },
    );
  }
}

const sinks = new WeakMap<SyntaskClient, EventSink>();
export function eventSinkFor(client: SyntaskClient): EventSink {
  let sink = sinks.get(client);
  if (!sink) sinks.set(client, (sink = new EventSink(client)));
  return sink;
}

const summary = (s: StateT) => {
  const out: Record<string, string> = { type: s.type };
  if (s.name) out.name = s.name;
  if (s.message) out.message = truncateMiddle(s.message);
  return out;
};

interface TaskRunFacts {
  id: string;
  name: string;
  tags: string[];
}

/** `syntask.task-run.<state>` (A2.2: sent by clients, same shape as the server's flow-run events). */
export function taskRunStateEvent(run: TaskRunFacts, initial: StateT | null, validated: StateT, intendedTo: string, flowCtx: FlowRunContext | null): EventT {
  const related: Record<string, string>[] = [];
  if (flowCtx) {
    related.push({ 'syntask.resource.id': `syntask.flow-run.${flowCtx.flowRun.id}`, 'syntask.resource.role': 'flow-run', 'syntask.resource.name': flowCtx.flowRun.name });
    if (flowCtx.flowRun.flowId) related.push({ 'syntask.resource.id': `syntask.flow.${flowCtx.flowRun.flowId}`, 'syntask.resource.role': 'flow', 'syntask.resource.name': flowCtx.flowRun.flowName });
  }
  for (const tag of [...new Set(run.tags)].sort()) related.push({ 'syntask.resource.id': `syntask.tag.${tag}`, 'syntask.resource.role': 'tag' });
  const near = initial && Math.abs(Date.parse(validated.timestamp) - Date.parse(initial.timestamp)) <= FOLLOWS_WINDOW_MS;
  return {
    occurred: validated.timestamp,
    event: `syntask.task-run.${validated.name}`,
    resource: {
      'syntask.resource.id': `syntask.task-run.${run.id}`,
      'syntask.resource.name': run.name,
      'syntask.state-message': truncateMiddle(validated.message ?? ''),
      'syntask.state-name': validated.name,
      'syntask.state-timestamp': validated.timestamp,
      'syntask.state-type': validated.type,
      'syntask.orchestration': 'client',
    },
    related,
    payload: { intended: { from: initial?.type ?? null, to: intendedTo }, ...(initial ? { initial_state: summary(initial) } : {}), validated_state: summary(validated) },
    id: validated.id ?? randomUUID(),
    follows: near ? (initial!.id ?? null) : null,
  };
}
