import { DateTime, Duration, Int, JsonObject, model, Nullable, Opt, ORMBase, ref, strict, Type, Uuid, type Static, type TSchema } from './common.ts';
import { ReceivedEvent, ResourceSpecification } from './events.ts';
import { Str } from './filters.ts';

/** Automations, their triggers and actions (events-automations.md A4, A5, A7). */

const Names = Type.Array(Type.String({ minLength: 1, maxLength: 600 }), { maxItems: 200, uniqueItems: false });
const Spec = ref(ResourceSpecification);
const TriggerRef = Type.Unsafe<unknown>({ $ref: 'Trigger#' });

export const EventTrigger = model(
  'EventTrigger',
  Type.Object(
    {
      type: Type.Literal('event'),
      id: Type.Optional(Uuid),
      match: Type.Optional(Spec),
      match_related: Type.Optional(Spec),
      after: Type.Optional(Names),
      expect: Type.Optional(Names),
      for_each: Type.Optional(Names),
      posture: Type.Union([Type.Literal('Reactive'), Type.Literal('Proactive')]),
      threshold: Type.Optional(Int()),
      within: Type.Optional(Duration),
    },
    strict,
  ),
);

const composite = <K extends string, P extends Record<string, TSchema>>(type: K, props: P) =>
  Type.Object({ type: Type.Literal(type), id: Type.Optional(Uuid), triggers: Type.Array(TriggerRef, { maxItems: 50 }), within: Opt(Duration), ...props }, strict);

export const CompoundTrigger = model('CompoundTrigger', composite('compound', { require: Type.Union([Int({ minimum: 0 }), Type.Literal('any'), Type.Literal('all')]) }));
export const SequenceTrigger = model('SequenceTrigger', composite('sequence', {}));

export const Trigger = model('Trigger', Type.Union([ref(EventTrigger), ref(CompoundTrigger), ref(SequenceTrigger)]));

const Source = Type.Optional(Type.Union([Type.Literal('selected'), Type.Literal('inferred')]));
const action = <K extends string, P extends Record<string, TSchema>>(type: K, props: P) => Type.Object({ type: Type.Literal(type), ...props }, strict);
const selected = <K extends string, F extends string>(type: K, idField: F) => action(type, { source: Source, ...({ [idField]: Opt(Uuid) } as Record<F, ReturnType<typeof Opt<typeof Uuid>>>) });
const Template = Type.String({ maxLength: 100_000 });

export const ACTION_TYPES = [
  'do-nothing', 'run-deployment', 'pause-deployment', 'resume-deployment', 'cancel-flow-run', 'suspend-flow-run', 'change-flow-run-state',
  'pause-work-queue', 'resume-work-queue', 'pause-work-pool', 'resume-work-pool', 'pause-automation', 'resume-automation', 'send-notification', 'call-webhook',
] as const;

export const Action = model(
  'AutomationAction',
  Type.Union([
    action('do-nothing', {}),
    action('run-deployment', { source: Source, deployment_id: Opt(Uuid), parameters: Opt(JsonObject), job_variables: Opt(JsonObject) }),
    selected('pause-deployment', 'deployment_id'),
    selected('resume-deployment', 'deployment_id'),
    action('cancel-flow-run', {}),
    action('suspend-flow-run', {}),
    action('change-flow-run-state', {
      state: Type.Union(['SCHEDULED', 'PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED', 'PAUSED', 'CANCELLING'].map((s) => Type.Literal(s))),
      name: Opt(Type.String({ maxLength: 5000 })),
      message: Opt(Type.String({ maxLength: 100_000 })),
    }),
    selected('pause-work-queue', 'work_queue_id'),
    selected('resume-work-queue', 'work_queue_id'),
    selected('pause-work-pool', 'work_pool_id'),
    selected('resume-work-pool', 'work_pool_id'),
    selected('pause-automation', 'automation_id'),
    selected('resume-automation', 'automation_id'),
    action('send-notification', { block_document_id: Uuid, subject: Type.Optional(Template), body: Template }),
    action('call-webhook', { block_document_id: Uuid, payload: Type.Optional(Type.Union([Template, JsonObject])) }),
  ]),
);

const Actions = Type.Array(ref(Action), { maxItems: 50 });

const core = {
  name: Type.String({ minLength: 1, maxLength: 5000 }),
  description: Type.Optional(Type.String({ maxLength: 100_000 })),
  enabled: Type.Optional(Type.Boolean()),
  trigger: ref(Trigger),
  actions: Actions,
  actions_on_trigger: Type.Optional(Actions),
  actions_on_resolve: Type.Optional(Actions),
};

export const AutomationCreate = model('AutomationCreate', Type.Object({ ...core, owner_resource: Opt(Type.String({ maxLength: 600 })) }, strict));
export const AutomationUpdate = model('AutomationUpdate', Type.Object(core, strict));
export const AutomationPartialUpdate = model('AutomationPartialUpdate', Type.Object({ enabled: Type.Optional(Type.Boolean()) }, strict));

export const Automation = model(
  'Automation',
  Type.Object({
    ...ORMBase,
    name: Type.String(),
    description: Type.String(),
    enabled: Type.Boolean(),
    trigger: ref(Trigger),
    actions: Type.Array(ref(Action)),
    actions_on_trigger: Type.Array(ref(Action)),
    actions_on_resolve: Type.Array(ref(Action)),
  }),
);

export const AutomationSort = Type.Union(['CREATED_DESC', 'UPDATED_DESC', 'NAME_ASC', 'NAME_DESC'].map((s) => Type.Literal(s)));

export const AutomationFilter = model(
  'AutomationFilter',
  Type.Object(
    {
      operator: Type.Optional(Type.Union([Type.Literal('and_'), Type.Literal('or_')])),
      name: Opt(Type.Object({ any_: Opt(Type.Array(Str, { maxItems: 200 })) }, strict)),
      created: Opt(Type.Object({ before_: Opt(DateTime) }, strict)),
    },
    strict,
  ),
);

/** Extension: what happened when an automation fired (its cause and each action's outcome). */
export const ActionOutcome = model(
  'AutomationActionOutcome',
  Type.Object({
    id: Uuid,
    action_index: Type.Integer(),
    action_type: Type.String(),
    status: Type.Union(['pending', 'running', 'executed', 'failed'].map((s) => Type.Literal(s))),
    reason: Nullable(Type.String()),
    status_code: Nullable(Type.Integer()),
    started: Nullable(DateTime),
    finished: Nullable(DateTime),
  }),
);

export const AutomationFiring = model(
  'AutomationFiring',
  Type.Object({
    id: Uuid,
    automation_id: Uuid,
    trigger_id: Uuid,
    fired: DateTime,
    triggering_labels: Type.Record(Type.String(), Type.String()),
    triggering_event: Nullable(ref(ReceivedEvent)),
    /** The events counted towards this firing (newest last), up to 100. */
    cause_event_ids: Type.Array(Uuid),
    actions: Type.Array(ref(ActionOutcome)),
  }),
);

/** Extension: when a trigger would have fired over stored events (nothing acts). */
export const AutomationPreviewRequest = model(
  'AutomationPreviewRequest',
  Type.Object({ trigger: ref(Trigger), since: Opt(DateTime), until: Opt(DateTime) }, strict),
);

export const AutomationPreview = model(
  'AutomationPreview',
  Type.Object({
    since: DateTime,
    until: DateTime,
    count: Type.Integer(),
    /** Firings in time order, up to 500 (the count covers all). */
    firings: Type.Array(Type.Object({ fired: DateTime, triggering_labels: Type.Record(Type.String(), Type.String()), event_ids: Type.Array(Uuid) })),
    events_evaluated: Type.Integer(),
    /** More events matched than were evaluated (the newest ones are left out). */
    truncated: Type.Boolean(),
  }),
);

/** Extension: an action's templates rendered for a stored event (the form's preview). */
export const ActionRenderRequest = model('AutomationActionRenderRequest', Type.Object({ action: ref(Action), event_id: Opt(Uuid), automation_name: Opt(Type.String({ maxLength: 5000 })) }, strict));
export const ActionRender = model(
  'AutomationActionRender',
  Type.Object({ subject: Type.Optional(Type.String()), body: Type.Optional(Type.String()), payload: Type.Optional(Type.String()), parameters: Type.Optional(JsonObject), error: Nullable(Type.String()) }),
);

type Spec = Record<string, string | string[]>;

/** Triggers as stored: ids assigned, defaults filled, durations in float seconds. */
export interface EventTriggerT {
  type: 'event';
  id: string;
  match: Spec;
  match_related: Spec;
  after: string[];
  expect: string[];
  for_each: string[];
  posture: 'Reactive' | 'Proactive';
  threshold: number;
  within: number;
}
export interface CompoundTriggerT {
  type: 'compound';
  id: string;
  triggers: TriggerT[];
  within: number | null;
  require: number | 'any' | 'all';
}
export interface SequenceTriggerT {
  type: 'sequence';
  id: string;
  triggers: TriggerT[];
  within: number | null;
}
export type TriggerT = EventTriggerT | CompoundTriggerT | SequenceTriggerT;

/** Triggers as a body sends them. */
export type TriggerInput =
  | (Omit<Static<typeof EventTrigger>, 'within'> & { within?: number | string })
  | { type: 'compound'; id?: string; triggers: TriggerInput[]; within?: number | string | null; require: number | 'any' | 'all' }
  | { type: 'sequence'; id?: string; triggers: TriggerInput[]; within?: number | string | null };
export type ActionT = Static<typeof Action>;
export type AutomationCreateT = Omit<Static<typeof AutomationCreate>, 'trigger'> & { trigger: TriggerInput };
export type AutomationT = Omit<Static<typeof Automation>, 'trigger'> & { trigger: TriggerT };
export type AutomationFilterT = Static<typeof AutomationFilter>;
