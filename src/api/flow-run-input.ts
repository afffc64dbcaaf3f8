import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { JsonSchema } from '../lib/schema-form/schema.ts';
import { api, unwrap, type Schemas } from './client.ts';
import { invalidateFlowRun, type FlowRun } from './flow-runs.ts';

export type FlowRunInput = Schemas['FlowRunInput'];
/** `state_details.run_input_keyset` of a run paused for input: where its schema, description and answer live. */
export type RunInputKeyset = Record<string, string>;

export const flowRunInputKeys = {
  all: ['flow-run-input'] as const,
  run: (flowRunId: string) => [...flowRunInputKeys.all, flowRunId] as const,
  request: (flowRunId: string, keyset: RunInputKeyset) => [...flowRunInputKeys.run(flowRunId), 'request', keyset] as const,
};

/** The keyset of a run waiting for input, or null (not paused, or paused without asking for input). */
export const waitingKeyset = (run: FlowRun): RunInputKeyset | null => (run.state_type === 'PAUSED' ? (run.state?.state_details.run_input_keyset ?? null) : null);

/** What a run paused for input asks for: the input's JSON schema and the flow's (markdown) description. */
export interface InputRequest {
  schema: JsonSchema | null;
  description: string | null;
}

const commonPrefix = (keys: string[]) => keys.reduce((a, b) => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return a.slice(0, i);
});

/** Values are JSON written by the flow; anything else is shown as the text it is. */
function parseValue(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * Reads `keyset.schema` and `keyset.description` in one `/input/filter` call (the keys share
 * their prefix): a missing description is an empty list, not a 404.
 */
export function buildInputRequestQuery(flowRunId: string, keyset: RunInputKeyset) {
  return queryOptions({
    queryKey: flowRunInputKeys.request(flowRunId, keyset),
    queryFn: async ({ signal }): Promise<InputRequest> => {
      const wanted = [keyset.schema, keyset.description].filter((k): k is string => typeof k === 'string');
      const inputs = await unwrap(api.POST('/api/flow_runs/{id}/input/filter', { params: { path: { id: flowRunId } }, body: { prefix: commonPrefix(wanted), limit: 200 }, signal }));
      const value = (key: string | undefined) => {
        const found = inputs.find((i) => i.key === key);
        return found ? parseValue(found.value) : undefined;
      };
      const schema = value(keyset.schema);
      const description = value(keyset.description);
      return {
        schema: schema && typeof schema === 'object' && !Array.isArray(schema) ? (schema as JsonSchema) : null,
        description: description === undefined || description === null ? null : typeof description === 'string' ? description : JSON.stringify(description),
      };
    },
    // The request of a pause never changes.
    staleTime: Infinity,
  });
}

/**
 * `POST /flow_runs/{id}/resume {run_input}`: resolves to the orchestration result (REJECT when
 * the server refuses the input). The request is read again too: a refusal may come from a
 * schema that changed since the form was built, and the form then shows it at the field.
 */
export function useResumeWithInput() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, runInput }: { id: string; runInput: Record<string, unknown> }) => unwrap(api.POST('/api/flow_runs/{id}/resume', { params: { path: { id } }, body: { run_input: runInput } })),
    onSettled: (_d, _e, { id }) => Promise.all([invalidateFlowRun(queryClient, id), queryClient.invalidateQueries({ queryKey: flowRunInputKeys.run(id) })]),
    meta: { inlineErrors: [422] },
  });
}
