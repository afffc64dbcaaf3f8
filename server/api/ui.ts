import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { loadVariables } from '../db/deployments.ts';
import { FilterCompiler } from '../db/filters.ts';
import { RequestValidationError } from '../errors.ts';
import { hydrate, isPlaceholder, Placeholder, referencedVariables } from '../lib/hydration.ts';
import { errorTree, hasCircularRefs, schemaProblem, validateValues, type ValueError } from '../lib/json-schema.ts';
import { normalizeSchedule, scheduleDates, scheduleTimezone, type ScheduleInput } from '../lib/schedules/index.ts';
import { formatDateTime, nowMicros, parseDateTime } from '../lib/time.ts';
import type { App } from './common.ts';
import { DateTime, Int, JsonObject, Opt, ref, Type } from './models/common.ts';
import { ScheduleInput as ScheduleInputModel } from './models/deployments.ts';
import { DeploymentFilter, FlowFilter, FlowRunFilter, TaskRunFilter, WorkPoolFilter, WorkQueueFilter, type TaskRunFilterT } from './models/filters.ts';
import { STATE_TYPES } from './models/states.ts';

const BUCKETS = 20;
const MINUTE = 60_000_000;

const DashboardBody = Type.Object({
  task_runs: Opt(ref(TaskRunFilter)),
  flows: Opt(ref(FlowFilter)),
  flow_runs: Opt(ref(FlowRunFilter)),
  deployments: Opt(ref(DeploymentFilter)),
  work_pools: Opt(ref(WorkPoolFilter)),
  work_queues: Opt(ref(WorkQueueFilter)),
});

const CountBody = Type.Object({ flows: Opt(ref(FlowFilter)), flow_runs: Opt(ref(FlowRunFilter)), task_runs: Opt(ref(TaskRunFilter)), deployments: Opt(ref(DeploymentFilter)) });

/** Error placeholders nested where the schema did not look (untyped values), by path. */
function placeholderErrors(value: unknown, path: (string | number)[] = [], out: ValueError[] = []): ValueError[] {
  if (value instanceof Placeholder) {
    if (value.error) out.push({ path, message: value.message, keyword: 'hydration', instance: value });
  } else if (Array.isArray(value)) value.forEach((v, i) => placeholderErrors(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) placeholderErrors(v, [...path, k], out);
  return out;
}

/** Feature flags of the extensions in this module (served in `/ui-settings`). */
export const UI_FLAGS = ['schedule_preview'];

export function uiRoutes(app: App, ctx: AppContext) {
  const tags = ['UI'];
  const k = ctx.db.kysely;

  app.post(
    '/api/ui/task_runs/dashboard/counts',
    { schema: { tags, operationId: 'taskRunDashboardCounts', body: DashboardBody, response: { 200: Type.Array(Type.Object({ completed: Type.Integer(), failed: Type.Integer() })) } } },
    async (req) => {
      const { work_queues, task_runs, ...rest } = req.body;
      const after = task_runs?.start_time?.after_;
      if (!after) throw new RequestValidationError(['body', 'task_runs', 'start_time', 'after_'], 'task_runs.start_time.after_ is required');
      const start = Math.floor(parseDateTime(after)! / MINUTE) * MINUTE;
      const before = task_runs?.start_time?.before_ ? parseDateTime(task_runs.start_time.before_)! : nowMicros();
      const end = Math.max(start + MINUTE, Math.ceil(before / MINUTE) * MINUTE);
      // Terminal runs only: a sent state criterion is ignored.
      const filter: TaskRunFilterT = { ...task_runs, state: null, start_time: { after_: formatDateTime(start), before_: formatDateTime(end) } };
      const where = new FilterCompiler(ctx.db.dialect).taskRunBody({ ...rest, task_runs: filter, work_pool_queues: work_queues }, 'task_run');
      const rows = await k
        .selectFrom('task_run')
        .select([
          // Integer arithmetic on both databases: bound as REAL, every run would be its own group.
          sql<number>`(task_run.start_time - cast(${start} as bigint)) * ${BUCKETS} / cast(${end - start} as bigint)`.as('bucket'),
          sql<number>`sum(case when task_run.state_type in ('COMPLETED', 'CANCELLED') then 1 else 0 end)`.as('completed'),
          sql<number>`sum(case when task_run.state_type in ('FAILED', 'CRASHED') then 1 else 0 end)`.as('failed'),
        ])
        .where(where)
        .where('task_run.state_type', 'in', ['COMPLETED', 'CANCELLED', 'FAILED', 'CRASHED'])
        .groupBy(sql`1`)
        .execute();
      const buckets = Array.from({ length: BUCKETS }, () => ({ completed: 0, failed: 0 }));
      for (const r of rows) {
        const b = buckets[Math.min(BUCKETS - 1, Math.max(0, Math.floor(Number(r.bucket))))];
        b.completed += Number(r.completed);
        b.failed += Number(r.failed);
      }
      return buckets;
    },
  );

  app.post(
    '/api/ui/task_runs/count',
    { schema: { tags, operationId: 'taskRunCountsByState', body: CountBody, response: { 200: Type.Object(Object.fromEntries(STATE_TYPES.map((t) => [t, Type.Integer()]))) } } },
    async (req) => {
      const where = new FilterCompiler(ctx.db.dialect).taskRunBody(req.body, 'task_run');
      const rows = await k.selectFrom('task_run').select(['task_run.state_type', (eb) => eb.fn.countAll<number>().as('n')]).where(where).groupBy('task_run.state_type').execute();
      const out: Record<string, number> = Object.fromEntries(STATE_TYPES.map((t) => [t, 0]));
      for (const r of rows) if (r.state_type) out[r.state_type] = Number(r.n);
      return out;
    },
  );

  app.post(
    '/api/ui/schemas/validate',
    {
      schema: {
        tags,
        operationId: 'validateSchemaValues',
        body: Type.Object({ schema: JsonObject, values: JsonObject }),
        response: { 200: Type.Object({ errors: Type.Array(Type.Unknown()), valid: Type.Boolean() }) },
      },
    },
    async (req) => {
      const { schema, values } = req.body;
      const problem = schemaProblem(schema);
      if (problem) throw new RequestValidationError(['body', 'schema'], `Invalid schema: ${problem}`);
      if (hasCircularRefs(schema)) throw new RequestValidationError(['body', 'schema'], 'Invalid schema: it contains circular references.');
      const variables = await loadVariables(k, referencedVariables(values));
      const hydrated = hydrate(values, { variables, renderJinja: false, strict: false });
      const errors = validateValues(schema, hydrated);
      const covered = new Set(errors.filter((e) => isPlaceholder(e.instance)).map((e) => JSON.stringify(e.path)));
      for (const e of placeholderErrors(hydrated)) if (!covered.has(JSON.stringify(e.path))) errors.push(e);
      return errorTree(errors, isPlaceholder);
    },
  );

  app.post(
    '/api/ui/schedules/preview',
    {
      schema: {
        tags,
        operationId: 'previewSchedule',
        description: 'Syntask extension: the next run times of an unsaved schedule.',
        body: Type.Object({ schedule: ref(ScheduleInputModel), start: Opt(DateTime), count: Opt(Int({ minimum: 1, maximum: 100 })) }),
        response: { 200: Type.Object({ timezone: Type.String(), dates: Type.Array(DateTime) }) },
      },
    },
    async (req) => {
      const now = nowMicros();
      const schedule = normalizeSchedule(req.body.schedule as ScheduleInput, now);
      const start = req.body.start ? parseDateTime(req.body.start)! : now;
      const startMs = Math.ceil(start / 1000);
      const dates = scheduleDates(schedule, { start: startMs, end: startMs + 10 * 366 * 86_400_000, max: req.body.count ?? 10 });
      return { timezone: scheduleTimezone(schedule), dates: dates.map((ms) => formatDateTime(ms * 1000)) };
    },
  );
}
