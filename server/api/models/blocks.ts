import { JsonObject, model, Nullable, Opt, ORMBase, ref, SafeName, SlugName, strict, Type, Uuid, type Static } from './common.ts';
import { criterion, filter, IdAny, List, NameAnyLike, Str } from './filters.ts';

/** Block types, schemas and documents (contract §3.8). */

const Url = Type.String({ maxLength: 5000 });
const LongText = Type.String({ maxLength: 200_000 });

export const BlockType = model(
  'BlockType',
  Type.Object({
    ...ORMBase,
    name: Type.String(),
    slug: Type.String(),
    logo_url: Nullable(Type.String()),
    documentation_url: Nullable(Type.String()),
    description: Nullable(Type.String()),
    code_example: Nullable(Type.String()),
    is_protected: Type.Boolean(),
  }),
);
export type BlockTypeT = Static<typeof BlockType>;

export const BlockTypeCreate = model(
  'BlockTypeCreate',
  Type.Object(
    {
      name: Type.String({ ...SafeName, maxLength: 500 }),
      slug: Type.String({ ...SlugName, minLength: 1, maxLength: 500 }),
      logo_url: Opt(Url),
      documentation_url: Opt(Url),
      description: Opt(LongText),
      code_example: Opt(LongText),
    },
    strict,
  ),
);

export const BlockTypeUpdate = model(
  'BlockTypeUpdate',
  Type.Object({ logo_url: Opt(Url), documentation_url: Opt(Url), description: Opt(LongText), code_example: Opt(LongText) }, strict),
);

export const BlockSchema = model(
  'BlockSchema',
  Type.Object({
    ...ORMBase,
    checksum: Type.String(),
    fields: JsonObject,
    block_type_id: Uuid,
    block_type: Nullable(ref(BlockType)),
    capabilities: Type.Array(Type.String()),
    version: Type.String(),
  }),
);
export type BlockSchemaT = Static<typeof BlockSchema>;

export const BlockSchemaCreate = model(
  'BlockSchemaCreate',
  Type.Object(
    {
      fields: Type.Optional(JsonObject),
      block_type_id: Uuid,
      capabilities: Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { maxItems: 1000 })),
      version: Type.Optional(Type.String({ maxLength: 500 })),
    },
    strict,
  ),
);

/** A referenced document as listed in `block_document_references` (nested the same way). */
export const BlockDocumentReferenceInfo = model(
  'BlockDocumentReferenceInfo',
  Type.Object({
    block_document: Type.Object({
      id: Uuid,
      name: Nullable(Type.String()),
      block_type: ref(BlockType),
      is_anonymous: Type.Boolean(),
      block_document_references: Type.Record(Type.String(), Type.Unknown()),
    }),
  }),
);

export const BlockDocument = model(
  'BlockDocument',
  Type.Object({
    ...ORMBase,
    name: Nullable(Type.String()),
    data: JsonObject,
    block_schema_id: Uuid,
    block_schema: Nullable(ref(BlockSchema)),
    block_type_id: Uuid,
    block_type_name: Nullable(Type.String()),
    block_type: Nullable(ref(BlockType)),
    block_document_references: Type.Record(Type.String(), ref(BlockDocumentReferenceInfo)),
    is_anonymous: Type.Boolean(),
  }),
);
export type BlockDocumentT = Static<typeof BlockDocument>;

const DocumentName = Type.String({ ...SlugName, maxLength: 500 });

export const BlockDocumentCreate = model(
  'BlockDocumentCreate',
  Type.Object(
    {
      name: Opt(DocumentName),
      data: Type.Optional(JsonObject),
      block_schema_id: Uuid,
      block_type_id: Uuid,
      is_anonymous: Type.Optional(Type.Boolean()),
    },
    strict,
  ),
);

export const BlockDocumentUpdate = model(
  'BlockDocumentUpdate',
  Type.Object({ block_schema_id: Opt(Uuid), data: Type.Optional(JsonObject), merge_existing_data: Type.Optional(Type.Boolean()) }, strict),
);

export const BlockTypeFilter = model('BlockTypeFilter', criterion({ name: criterion({ like_: Str }), slug: criterion({ any_: List(Str) }) }));

export const BlockSchemaFilter = filter('BlockSchemaFilter', {
  id: IdAny,
  block_type_id: IdAny,
  block_capabilities: criterion({ all_: List(Str) }),
  version: criterion({ any_: List(Str) }),
});

export const BlockDocumentFilter = filter('BlockDocumentFilter', {
  id: IdAny,
  name: NameAnyLike,
  block_type_id: IdAny,
  is_anonymous: criterion({ eq_: Type.Boolean() }),
});

export type BlockTypeFilterT = Static<typeof BlockTypeFilter>;
export type BlockSchemaFilterT = Static<typeof BlockSchemaFilter>;
export type BlockDocumentFilterT = Static<typeof BlockDocumentFilter>;

export const BlockDocumentSort = model('BlockDocumentSort', Type.Enum(['NAME_DESC', 'NAME_ASC', 'BLOCK_TYPE_AND_NAME_ASC']));

