import { model, Opt, ORMBase, strict, Tags, Type } from './common.ts';

export const VARIABLE_NAME = '^[a-z0-9_]*$';

export const Variable = model('Variable', Type.Object({ ...ORMBase, name: Type.String(), value: Type.String(), tags: Type.Array(Type.String()) }));

const Name = Type.String({ minLength: 1, maxLength: 255, pattern: VARIABLE_NAME });
const Value = Type.String({ maxLength: 5000 });

export const VariableCreate = model('VariableCreate', Type.Object({ name: Name, value: Value, tags: Opt(Tags) }, strict));
export const VariableUpdate = model('VariableUpdate', Type.Object({ name: Opt(Name), value: Opt(Value), tags: Opt(Tags) }, strict));

const Str = Type.String({ maxLength: 5000 });
const Operator = Type.Union([Type.Literal('and_'), Type.Literal('or_')]);
export const VariableFilter = model(
  'VariableFilter',
  Type.Object(
    {
      id: Opt(Type.Object({ any_: Opt(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 10000 })) }, strict)),
      name: Opt(Type.Object({ any_: Opt(Type.Array(Str, { maxItems: 10000 })), like_: Opt(Str) }, strict)),
      value: Opt(Type.Object({ any_: Opt(Type.Array(Str, { maxItems: 10000 })), like_: Opt(Str) }, strict)),
      tags: Opt(Type.Object({ all_: Opt(Type.Array(Str, { maxItems: 1000 })), is_null_: Opt(Type.Boolean()), operator: Type.Optional(Operator) }, strict)),
      operator: Type.Optional(Operator),
    },
    strict,
  ),
);

export const VariableSort = model('VariableSort', Type.Enum(['CREATED_DESC', 'UPDATED_DESC', 'NAME_DESC', 'NAME_ASC']));
