import { model, ORMBase, SafeName, strict, Tags, Type, type Static } from './common.ts';

export const Flow = model('Flow', Type.Object({ ...ORMBase, name: Type.String(), tags: Type.Array(Type.String()) }));
export type FlowT = Static<typeof Flow>;

export const FlowCreate = model('FlowCreate', Type.Object({ name: SafeName, tags: Type.Optional(Tags) }, strict));
export const FlowUpdate = model('FlowUpdate', Type.Object({ tags: Type.Optional(Tags) }, strict));
