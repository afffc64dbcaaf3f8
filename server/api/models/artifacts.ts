import { model, Nullable, Opt, ORMBase, strict, Type, Uuid, type Static } from './common.ts';
import { criterion, filter, IdAny, List, Str } from './filters.ts';

/** Artifacts and latest-per-key collections (contract §3.11). */

export const ARTIFACT_KEY_PATTERN = '^[a-z0-9-]*$';
const Metadata = Type.Record(Type.String(), Type.String());

const artifactFields = {
  ...ORMBase,
  key: Nullable(Type.String()),
  type: Nullable(Type.String()),
  description: Nullable(Type.String()),
  data: Type.Unknown(),
  metadata_: Nullable(Metadata),
  flow_run_id: Nullable(Uuid),
  task_run_id: Nullable(Uuid),
};

export const Artifact = model('Artifact', Type.Object(artifactFields));
export type ArtifactT = Static<typeof Artifact>;

export const ArtifactCollection = model('ArtifactCollection', Type.Object({ ...artifactFields, key: Type.String(), latest_id: Uuid }));
export type ArtifactCollectionT = Static<typeof ArtifactCollection>;

export const ArtifactCreate = model(
  'ArtifactCreate',
  Type.Object(
    {
      key: Opt(Type.String({ pattern: ARTIFACT_KEY_PATTERN, maxLength: 500 })),
      type: Opt(Type.String({ maxLength: 500 })),
      description: Opt(Type.String()),
      data: Type.Optional(Type.Unknown()),
      metadata_: Opt(Metadata),
      flow_run_id: Opt(Uuid),
      task_run_id: Opt(Uuid),
    },
    strict,
  ),
);
export type ArtifactCreateT = Static<typeof ArtifactCreate>;

export const ArtifactUpdate = model('ArtifactUpdate', Type.Object({ data: Type.Optional(Type.Unknown()), description: Opt(Type.String()), metadata_: Opt(Metadata) }, strict));
export type ArtifactUpdateT = Static<typeof ArtifactUpdate>;

const common = {
  key: criterion({ any_: List(Str), like_: Str, exists_: Type.Boolean() }),
  flow_run_id: IdAny,
  task_run_id: IdAny,
  type: criterion({ any_: List(Str), not_any_: List(Str) }),
};
export const ArtifactFilter = filter('ArtifactFilter', { id: IdAny, ...common });
export const ArtifactCollectionFilter = filter('ArtifactCollectionFilter', { latest_id: IdAny, ...common });
export type ArtifactFilterT = Static<typeof ArtifactFilter>;
export type ArtifactCollectionFilterT = Static<typeof ArtifactCollectionFilter>;

const SORTS = ['CREATED_DESC', 'UPDATED_DESC', 'ID_DESC', 'KEY_DESC', 'KEY_ASC'];
export const ArtifactSort = model('ArtifactSort', Type.Enum(SORTS));
export const ArtifactCollectionSort = model('ArtifactCollectionSort', Type.Enum(SORTS));
