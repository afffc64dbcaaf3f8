import { DateTime, model, Nullable, Opt, Pagination, Type } from './common.ts';

export const RoleName = Type.Union([Type.Literal('viewer'), Type.Literal('operator'), Type.Literal('admin')]);

export const Me = model('Me', Type.Object({ name: Type.String(), role: RoleName, kind: Type.String(), auth_enabled: Type.Boolean() }));
export const Login = model('Login', Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), password: Type.String({ minLength: 1, maxLength: 1024 }) }, { additionalProperties: false }));

export const User = model('User', Type.Object({ id: Type.String(), name: Type.String(), role: RoleName, created: DateTime }));
export const UserCreate = model('UserCreate', Type.Object({ name: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 1024 }), role: RoleName }, { additionalProperties: false }));
export const UserUpdate = model('UserUpdate', Type.Object({ role: Type.Optional(RoleName), password: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })) }, { additionalProperties: false }));

export const ApiKey = model(
  'ApiKey',
  Type.Object({ id: Type.String(), name: Type.String(), role: RoleName, created_by: Type.String(), created: DateTime, expires: Nullable(DateTime), last_used: Nullable(DateTime) }),
);
export const ApiKeyCreated = model('ApiKeyCreated', Type.Object({ ...ApiKey.properties, key: Type.String({ description: 'The key itself: shown once, never again.' }) }));
export const ApiKeyCreate = model(
  'ApiKeyCreate',
  Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), role: Opt(RoleName), expires: Opt(DateTime) }, { additionalProperties: false }),
);

export const AuditEntry = model(
  'AuditEntry',
  Type.Object({
    id: Type.String(),
    timestamp: DateTime,
    actor: Type.String(),
    actor_kind: Type.String(),
    actor_role: Nullable(Type.String()),
    address: Nullable(Type.String()),
    method: Type.String(),
    operation: Type.String(),
    path: Type.String(),
    resource_type: Nullable(Type.String()),
    resource_id: Nullable(Type.String()),
    status_code: Type.Integer(),
    outcome: Type.String(),
  }),
);
export const AuditFilter = Type.Object({
  ...Pagination,
  actor: Opt(Type.String()),
  resource_type: Opt(Type.String()),
  resource_id: Opt(Type.String()),
  outcome: Opt(Type.Union([Type.Literal('success'), Type.Literal('denied'), Type.Literal('failure')])),
  after: Opt(DateTime),
  before: Opt(DateTime),
});
