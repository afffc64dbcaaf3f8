import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { checkDefinition, defineAutomation, normalizeAction, normalizeTrigger, type Definition } from '../automations/definition.ts';
import { MAX_PREVIEW_DAYS, previewTrigger } from '../automations/preview.ts';
import { renderActionPreview } from '../automations/render-preview.ts';
import { automationsRelatedTo, countAutomations, deleteAutomations, deleteOwnedBy, filterAutomations, insertAutomation, lastFired, readAutomation, readFirings, replaceAutomation, setAutomationEnabled } from '../db/automations.ts';
import { ObjectNotFound, RequestValidationError } from '../errors.ts';
import { nowMicros, parseDateTime } from '../lib/time.ts';
import { pagination, type App } from './common.ts';
import {
  ActionRender,
  ActionRenderRequest,
  Automation,
  AutomationCreate,
  AutomationFilter,
  AutomationFiring,
  AutomationPartialUpdate,
  AutomationPreview,
  AutomationPreviewRequest,
  AutomationSort,
  AutomationUpdate,
  type ActionT,
  type AutomationCreateT,
  type AutomationFilterT,
  type AutomationT,
  type TriggerInput,
} from './models/automations.ts';
import { ref, Type, Uuid, type Static } from './models/common.ts';

export const AUTOMATIONS_DISABLED = 'Automations are not enabled. Please enable the SYNTASK_EXPERIMENTAL_EVENTS and SYNTASK_API_SERVICES_TRIGGERS_ENABLED settings.';
const NOT_FOUND = 'Automation not found';

/** Route-level hook: every `/api/automations*` route is 404 while automations are off (A1). */
const automationsEnabled = (ctx: AppContext) => async (_req: FastifyRequest, reply: { code(n: number): { send(b: unknown): unknown } }) => {
  if (!ctx.settings.events.triggersEnabled) return reply.code(404).send({ detail: AUTOMATIONS_DISABLED });
};

const Params = Type.Object({ id: Uuid });
const ResourceParams = Type.Object({ resource_id: Type.String({ minLength: 1, maxLength: 600 }) });
type Out = Static<typeof Automation>;
const out = (a: AutomationT) => a as unknown as Out;
const definitionOf = (a: AutomationT): Definition => ({ name: a.name, description: a.description, enabled: a.enabled, trigger: a.trigger, actions: a.actions, actions_on_trigger: a.actions_on_trigger, actions_on_resolve: a.actions_on_resolve });

export function automationRoutes(app: App, ctx: AppContext) {
  const tags = ['Automations'];
  const onRequest = automationsEnabled(ctx);
  // This replica evaluates with the new definitions before answering; others hear it through the change feed.
  const reloaded = () => ctx.automations.reload();

  app.post('/api/automations/', { onRequest, schema: { tags, operationId: 'createAutomation', body: ref(AutomationCreate), response: { 201: ref(Automation) } } }, async (req, reply) => {
    const body = req.body as AutomationCreateT;
    const created = await ctx.db.transaction(async (trx) => insertAutomation(trx, await defineAutomation(trx, ctx.secrets, body), body.owner_resource ?? null));
    await reloaded();
    return reply.code(201).send(out(created));
  });

  app.get('/api/automations/:id', { onRequest, schema: { tags, operationId: 'readAutomation', params: Params, response: { 200: ref(Automation) } } }, async (req) => {
    const found = await readAutomation(ctx.db.kysely, req.params.id);
    if (!found) throw new ObjectNotFound(NOT_FOUND);
    return out(found);
  });

  app.put('/api/automations/:id', { onRequest, schema: { tags, operationId: 'updateAutomation', params: Params, body: ref(AutomationUpdate) } }, async (req, reply) => {
    const updated = await ctx.db.transaction(async (trx) => replaceAutomation(trx, req.params.id, await defineAutomation(trx, ctx.secrets, req.body as AutomationCreateT)));
    if (!updated) throw new ObjectNotFound(NOT_FOUND);
    await reloaded();
    return reply.code(204).send();
  });

  app.patch('/api/automations/:id', { onRequest, schema: { tags, operationId: 'patchAutomation', params: Params, body: ref(AutomationPartialUpdate) } }, async (req, reply) => {
    const enabled = req.body.enabled ?? true;
    await ctx.db.transaction(async (trx) => {
      const found = await readAutomation(trx, req.params.id);
      if (!found) throw new ObjectNotFound(NOT_FOUND);
      await checkDefinition(trx, ctx.secrets, { ...definitionOf(found), enabled });
      await setAutomationEnabled(trx, req.params.id, enabled);
    });
    await reloaded();
    return reply.code(204).send();
  });

  app.delete('/api/automations/:id', { onRequest, schema: { tags, operationId: 'deleteAutomation', params: Params } }, async (req, reply) => {
    const deleted = await ctx.db.transaction((trx) => deleteAutomations(trx, [req.params.id]));
    if (!deleted) throw new ObjectNotFound(NOT_FOUND);
    await reloaded();
    return reply.code(204).send();
  });

  app.post(
    '/api/automations/filter',
    {
      onRequest,
      schema: {
        tags,
        operationId: 'filterAutomations',
        body: Type.Optional(Type.Object({ sort: Type.Optional(AutomationSort), limit: Type.Optional(Type.Integer()), offset: Type.Optional(Type.Integer()), automations: Type.Optional(Type.Union([ref(AutomationFilter), Type.Null()])) })),
        response: { 200: Type.Array(ref(Automation)) },
      },
    },
    async (req) => {
      const { limit, offset } = pagination(ctx, req.body ?? undefined);
      const found = await filterAutomations(ctx.db.kysely, req.body?.automations as AutomationFilterT | null, (req.body?.sort ?? 'NAME_ASC') as 'NAME_ASC', limit, offset);
      return found.map(out);
    },
  );

  // Syntask 2 ignores the body and counts every automation.
  app.post('/api/automations/count', { onRequest, schema: { tags, operationId: 'countAutomations', body: Type.Optional(Type.Unknown()), response: { 200: Type.Integer() } } }, async () => countAutomations(ctx.db.kysely));

  app.get('/api/automations/related-to/:resource_id', { onRequest, schema: { tags, operationId: 'readAutomationsRelatedTo', params: ResourceParams, response: { 200: Type.Array(ref(Automation)) } } }, async (req) =>
    (await automationsRelatedTo(ctx.db.kysely, req.params.resource_id)).map(out),
  );

  app.delete('/api/automations/owned-by/:resource_id', { onRequest, schema: { tags, operationId: 'deleteAutomationsOwnedBy', params: ResourceParams } }, async (req, reply) => {
    const deleted = await ctx.db.transaction((trx) => deleteOwnedBy(trx, req.params.resource_id));
    if (deleted.length) {
      ctx.events.emit('changed', { resources: ['automations'] });
      await reloaded();
    }
    return reply.code(202).send(null);
  });

  // Extensions (README "API extensions"): firings, last firing times, the trigger preview, template previews.
  app.get(
    '/api/automations/:id/firings',
    { onRequest, schema: { tags, operationId: 'readAutomationFirings', params: Params, querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }), response: { 200: Type.Array(ref(AutomationFiring)) } } },
    async (req) => {
      if (!(await readAutomation(ctx.db.kysely, req.params.id))) throw new ObjectNotFound(NOT_FOUND);
      return (await readFirings(ctx.db.kysely, req.params.id, req.query.limit ?? 50)) as never;
    },
  );

  app.post(
    '/api/automations/last-fired',
    { onRequest, schema: { tags, operationId: 'filterAutomationsLastFired', body: Type.Object({ automation_ids: Type.Array(Uuid, { maxItems: 200 }) }), response: { 200: Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()])) } } },
    async (req) => lastFired(ctx.db.kysely, req.body.automation_ids),
  );

  app.post('/api/automations/preview', { onRequest, schema: { tags, operationId: 'previewAutomation', body: ref(AutomationPreviewRequest), response: { 200: ref(AutomationPreview) } } }, async (req) => {
    const trigger = normalizeTrigger(req.body.trigger as TriggerInput);
    const until = req.body.until ? parseDateTime(req.body.until)! : nowMicros();
    const since = Math.min(until, req.body.since ? parseDateTime(req.body.since)! : until - 7 * 86400e6);
    if (until - since > MAX_PREVIEW_DAYS * 86400e6) throw new RequestValidationError(['body', 'since'], `A preview covers at most ${MAX_PREVIEW_DAYS} days`);
    return previewTrigger(ctx.db, trigger, since, until, ctx.settings.events.proactiveGranularitySeconds);
  });

  app.post('/api/automations/render-action', { onRequest, schema: { tags, operationId: 'previewAutomationAction', body: ref(ActionRenderRequest), response: { 200: ref(ActionRender) } } }, async (req) => {
    let action: ActionT;
    try {
      action = normalizeAction(req.body.action as ActionT, ['body', 'action']);
    } catch (err) {
      // The form shows why a template cannot render, beside the template.
      if (err instanceof RequestValidationError) return { error: err.msg };
      throw err;
    }
    return renderActionPreview(ctx, action, req.body.event_id ?? null, req.body.automation_name ?? null);
  });
}
