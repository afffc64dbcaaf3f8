import { DateTime, model, Opt, ref, strict, Type, Uuid, type Static, type TSchema } from './common.ts';
import { criterion, Str } from './filters.ts';

/** Filter lists are short in practice; long ones would build SQL deeper than SQLite allows (and cost every live event). */
const List = <T extends TSchema>(item: T) => Type.Array(item, { maxItems: 200 });

/** Events and their filters (events-automations.md A2, A3). */

const Label = Type.String({ maxLength: 100_000 });

/** Names, resource ids and roles are indexed: PostgreSQL refuses index entries over ~2.7 kB (600 characters of up to 4 bytes fit). */
const ResourceId = Type.String({ minLength: 1, maxLength: 600 });

/** Flat string labels with a non-empty `syntask.resource.id`. */
export const Resource = model(
  'Resource',
  Type.Object({ 'syntask.resource.id': ResourceId, 'syntask.resource.name': Type.Optional(Label) }, { additionalProperties: Label }),
);

/** A resource in a role (`flow`, `deployment`, `tag`, `creator`…). */
export const RelatedResource = model(
  'RelatedResource',
  Type.Object(
    { 'syntask.resource.id': ResourceId, 'syntask.resource.role': Type.String({ minLength: 1, maxLength: 600 }), 'syntask.resource.name': Type.Optional(Label) },
    { additionalProperties: Label },
  ),
);

/** An event as a client sends it; `received` is set by the server and ignored here. */
export const Event = model(
  'Event',
  Type.Object({
    occurred: DateTime,
    event: Type.String({ minLength: 1, maxLength: 600 }),
    resource: ref(Resource),
    related: Type.Optional(Type.Array(ref(RelatedResource))),
    payload: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    id: Uuid,
    follows: Opt(Uuid),
  }),
);

/** Output order: occurred, event, resource, related, payload, id, follows, received. */
export const ReceivedEvent = model(
  'ReceivedEvent',
  Type.Object({
    occurred: DateTime,
    event: Type.String(),
    resource: ref(Resource),
    related: Type.Array(ref(RelatedResource)),
    payload: Type.Record(Type.String(), Type.Unknown()),
    id: Uuid,
    follows: Type.Union([Uuid, Type.Null()]),
    received: DateTime,
  }),
);

/** `{label: pattern | [patterns]}`: `x`, `x*`, `!x`, `!x*` (A2.1). */
export const ResourceSpecification = model('ResourceSpecification', Type.Record(Type.String({ maxLength: 1000 }), Type.Union([Str, Type.Array(Str, { maxItems: 50 })]), { maxProperties: 50 }));

const Spec = ref(ResourceSpecification);

export const EventFilter = model(
  'EventFilter',
  Type.Object(
    {
      occurred: Opt(criterion({ since: DateTime, until: DateTime })),
      event: Opt(criterion({ prefix: List(Str), exclude_prefix: List(Str), name: List(Str), exclude_name: List(Str) })),
      resource: Opt(criterion({ id: List(Str), id_prefix: List(Str), labels: Spec, distinct: Type.Boolean() })),
      related: Opt(criterion({ id: List(Str), role: List(Str), resources_in_roles: List(Type.Tuple([Str, Str])), labels: Spec })),
      any_resource: Opt(criterion({ id: List(Str), id_prefix: List(Str), labels: Spec })),
      id: Opt(criterion({ id: List(Uuid) })),
      order: Opt(Type.Union([Type.Literal('DESC'), Type.Literal('ASC')])),
    },
    strict,
  ),
);

export const EventPage = model('EventPage', Type.Object({ events: Type.Array(ref(ReceivedEvent)), total: Type.Integer(), next_page: Type.Union([Type.String(), Type.Null()]) }));

export const EventCount = model('EventCount', Type.Object({ value: Type.String(), label: Type.String(), count: Type.Integer(), start_time: DateTime, end_time: DateTime }));

export const TimeUnit = Type.Union(['week', 'day', 'hour', 'minute', 'second'].map((u) => Type.Literal(u)));

/** Labels: `syntask.resource.id` always, any others (the schemas' additionalProperties). */
export type ResourceT = Record<string, string>;
type WithLabels<T> = Omit<T, 'resource' | 'related'> & { resource: ResourceT; related: ResourceT[] };
export type EventT = Omit<WithLabels<Static<typeof Event>>, 'related'> & { related?: ResourceT[] };
export type ReceivedEventT = WithLabels<Static<typeof ReceivedEvent>>;
export type ResourceSpecT = Static<typeof ResourceSpecification>;
export type EventFilterT = Static<typeof EventFilter>;
