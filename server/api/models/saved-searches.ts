import { model, ORMBase, strict, Type } from './common.ts';

export const SavedSearchFilter = model(
  'SavedSearchFilter',
  Type.Object({ object: Type.String({ maxLength: 5000 }), property: Type.String({ maxLength: 5000 }), type: Type.String({ maxLength: 5000 }), operation: Type.String({ maxLength: 5000 }), value: Type.Unknown() }, strict),
);

export const SavedSearch = model('SavedSearch', Type.Object({ ...ORMBase, name: Type.String(), filters: Type.Array(Type.Unsafe({ $ref: 'SavedSearchFilter#' })) }));

export const SavedSearchCreate = model(
  'SavedSearchCreate',
  Type.Object({ name: Type.String({ minLength: 1, maxLength: 5000 }), filters: Type.Optional(Type.Array(Type.Unsafe({ $ref: 'SavedSearchFilter#' }), { maxItems: 1000 })) }, strict),
);
