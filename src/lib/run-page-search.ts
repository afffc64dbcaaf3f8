/** URL search params of the flow run and task run pages: tab, selected task run, log level, search, line, writer and attempt. */

export const FLOW_RUN_TABS = ['graph', 'timeline', 'logs', 'task-runs', 'subflow-runs', 'artifacts', 'parameters', 'details'] as const;
export type FlowRunTab = (typeof FLOW_RUN_TABS)[number];

export const TASK_RUN_TABS = ['logs', 'states', 'inputs', 'details'] as const;
export type TaskRunTab = (typeof TASK_RUN_TABS)[number];

export const LOG_LEVELS = [
  { value: 0, label: 'All levels' },
  { value: 10, label: 'Debug and above' },
  { value: 20, label: 'Info and above' },
  { value: 30, label: 'Warning and above' },
  { value: 40, label: 'Error and above' },
  { value: 50, label: 'Critical' },
] as const;

export interface LogSearch {
  level?: number;
  q?: string;
  /** A linked line: `<log id>@<ISO timestamp>` (the timestamp finds it by keyset, the id marks it). */
  line?: string;
  /** Lines of one attempt of the run (1, 2, …), by the time ranges of its state history. */
  attempt?: number;
  /** Flow run logs only: the lines one task run wrote (its id), or the flow run's own (`flow`). */
  source?: LogSource;
}

export type LogSource = 'flow' | (string & {});

/** The graph's layout: dependencies left to right (default), or x = start time, width = duration. */
export type GraphLayout = 'layered' | 'time';

export interface FlowRunSearch extends LogSearch {
  tab?: FlowRunTab;
  /** Task run open in the graph's side panel. */
  task?: string;
  graph?: GraphLayout;
  page?: number;
}

export interface TaskRunSearch extends LogSearch {
  tab?: TaskRunTab;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseLogSearch(raw: Record<string, unknown>): LogSearch {
  const out: LogSearch = {};
  const level = Number(raw.level);
  if (LOG_LEVELS.some((l) => l.value === level) && level !== 0) out.level = level;
  if (typeof raw.q === 'string' && raw.q.trim() !== '') out.q = raw.q.slice(0, 500);
  if (typeof raw.line === 'string' && parseLineRef(raw.line)) out.line = raw.line;
  const attempt = Number(raw.attempt);
  if (raw.attempt !== undefined && raw.attempt !== '' && Number.isInteger(attempt) && attempt >= 1 && attempt <= 10_000) out.attempt = attempt;
  return out;
}

export function parseFlowRunSearch(raw: Record<string, unknown>): FlowRunSearch {
  const out: FlowRunSearch = parseLogSearch(raw);
  if (typeof raw.tab === 'string' && (FLOW_RUN_TABS as readonly string[]).includes(raw.tab) && raw.tab !== 'graph') out.tab = raw.tab as FlowRunTab;
  if (typeof raw.task === 'string' && UUID.test(raw.task)) out.task = raw.task;
  if (raw.graph === 'time') out.graph = 'time';
  if (typeof raw.page === 'number' && Number.isInteger(raw.page) && raw.page > 1) out.page = raw.page;
  if (raw.source === 'flow' || (typeof raw.source === 'string' && UUID.test(raw.source))) out.source = raw.source;
  return out;
}

export function parseTaskRunSearch(raw: Record<string, unknown>): TaskRunSearch {
  const out: TaskRunSearch = parseLogSearch(raw);
  if (typeof raw.tab === 'string' && (TASK_RUN_TABS as readonly string[]).includes(raw.tab) && raw.tab !== 'logs') out.tab = raw.tab as TaskRunTab;
  return out;
}

export function lineRef(id: string, timestamp: string): string {
  return `${id}@${timestamp}`;
}

export function parseLineRef(ref: string): { id: string; timestamp: string } | null {
  const at = ref.indexOf('@');
  if (at <= 0) return null;
  const id = ref.slice(0, at);
  const timestamp = ref.slice(at + 1);
  if (!UUID.test(id) || Number.isNaN(Date.parse(timestamp))) return null;
  return { id, timestamp };
}
