import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { filterPolicies, insertPolicy, POLICY_NOT_FOUND, readPolicy, updatePolicy } from '../db/notification-policies.ts';
import { HttpError, notFound, RequestValidationError } from '../errors.ts';
import { templateError } from '../lib/notification-template.ts';
import { formatDateTime, nowMicros } from '../lib/time.ts';
import { DeliveryError, NotificationSetupError, sendThroughBlock } from '../services/notification-senders.ts';
import { flowRunUrl, renderNotification } from '../services/notifications.ts';
import { IdParams, pagination, type App } from './common.ts';
import { model, Nullable, Opt, ORMBase, Pagination, ref, strict, Type, Uuid } from './models/common.ts';
import { criterion, List, Str } from './models/filters.ts';

/** Flow run notification policies (contract §3.13) and the "send a test" extension. */

const Names = List(Str);
const Template = Type.String({ maxLength: 20_000 });

export const FlowRunNotificationPolicy = model(
  'FlowRunNotificationPolicy',
  Type.Object({
    ...ORMBase,
    is_active: Type.Boolean(),
    state_names: Type.Array(Type.String()),
    tags: Type.Array(Type.String()),
    block_document_id: Uuid,
    message_template: Nullable(Type.String()),
  }),
);

const PolicyCreate = model(
  'FlowRunNotificationPolicyCreate',
  Type.Object({ is_active: Type.Optional(Type.Boolean()), state_names: Type.Optional(Names), tags: Type.Optional(Names), block_document_id: Uuid, message_template: Opt(Template) }, strict),
);

const PolicyUpdate = model(
  'FlowRunNotificationPolicyUpdate',
  Type.Object({ is_active: Opt(Type.Boolean()), state_names: Opt(Names), tags: Opt(Names), block_document_id: Opt(Uuid), message_template: Opt(Template) }, strict),
);

const PolicyFilter = model('FlowRunNotificationPolicyFilter', criterion({ is_active: criterion({ eq_: Type.Boolean() }) }));

const TestResult = model('NotificationTestResult', Type.Object({ delivered: Type.Boolean() }));

function checkTemplate(template: string | null | undefined) {
  if (template === null || template === undefined) return;
  const error = templateError(template);
  if (error) throw new RequestValidationError(['body', 'message_template'], error, 'value_error.template');
}

/** Extension endpoints (README "API extensions"), for `/ui-settings` flags. */
export const NOTIFICATION_FLAGS = ['notification_policy_test'];

export function notificationPolicyRoutes(app: App, ctx: AppContext) {
  const tags = ['Flow Run Notification Policies'];
  const base = '/api/flow_run_notification_policies';

  app.post(`${base}/`, { schema: { tags, operationId: 'createFlowRunNotificationPolicy', body: ref(PolicyCreate), response: { 201: ref(FlowRunNotificationPolicy) } } }, async (req, reply) => {
    checkTemplate(req.body.message_template);
    return reply.code(201).send(await insertPolicy(ctx.db.kysely, req.body));
  });

  app.get(`${base}/:id`, { schema: { tags, operationId: 'readFlowRunNotificationPolicy', params: IdParams, response: { 200: ref(FlowRunNotificationPolicy) } } }, async (req) =>
    (await readPolicy(ctx.db.kysely, req.params.id)) ?? Promise.reject(notFound(POLICY_NOT_FOUND)),
  );

  app.patch(`${base}/:id`, { schema: { tags, operationId: 'updateFlowRunNotificationPolicy', params: IdParams, body: ref(PolicyUpdate) } }, async (req, reply) => {
    checkTemplate(req.body.message_template);
    if (!(await updatePolicy(ctx.db.kysely, req.params.id, req.body))) throw notFound(POLICY_NOT_FOUND);
    return reply.code(204).send();
  });

  app.delete(`${base}/:id`, { schema: { tags, operationId: 'deleteFlowRunNotificationPolicy', params: IdParams } }, async (req, reply) => {
    const res = await ctx.db.kysely.deleteFrom('flow_run_notification_policy').where('id', '=', req.params.id).executeTakeFirst();
    if (!res.numDeletedRows) throw notFound(POLICY_NOT_FOUND);
    return reply.code(204).send();
  });

  app.post(
    `${base}/filter`,
    {
      schema: {
        tags,
        operationId: 'filterFlowRunNotificationPolicies',
        body: Type.Object({ flow_run_notification_policy_filter: Opt(ref(PolicyFilter)), ...Pagination }),
        response: { 200: Type.Array(ref(FlowRunNotificationPolicy)) },
      },
    },
    async (req) => {
      const { limit, offset } = pagination(ctx, req.body);
      return filterPolicies(ctx.db.kysely, req.body.flow_run_notification_policy_filter, limit, offset);
    },
  );

  // Extension: sends one test message through the policy's block right away and reports the outcome.
  app.post(
    `${base}/:id/test`,
    { schema: { tags, operationId: 'testFlowRunNotificationPolicy', params: IdParams, response: { 200: ref(TestResult) } } },
    async (req) => {
      const policy = await readPolicy(ctx.db.kysely, req.params.id);
      if (!policy) throw notFound(POLICY_NOT_FOUND);
      const flowRunId = randomUUID();
      const message = renderNotification(policy, {
        flow_run_notification_policy_id: policy.id,
        flow_id: randomUUID(),
        flow_name: 'example-flow',
        flow_run_url: flowRunUrl(ctx, flowRunId),
        flow_run_id: flowRunId,
        flow_run_name: 'example-run',
        flow_run_parameters: '{}',
        flow_run_state_type: 'COMPLETED',
        flow_run_state_name: 'Completed',
        flow_run_state_timestamp: formatDateTime(nowMicros()),
        flow_run_state_message: 'This is a test notification from Syntask.',
      });
      try {
        await sendThroughBlock(ctx, policy.block_document_id, { ...message, subject: `${message.subject} (test)` });
      } catch (err) {
        if (err instanceof DeliveryError) throw new HttpError(502, `The test notification was not delivered: ${err.message}`);
        if (err instanceof NotificationSetupError) throw new HttpError(409, err.message);
        throw err;
      }
      return { delivered: true };
    },
  );
}
