import type { ActionT, AutomationT } from '../api/models/automations.ts';
import type { AppContext } from '../context.ts';
import { decodeEvent } from '../db/events.ts';
import { jinjaValue } from './definition.ts';
import { templateContext } from './template-context.ts';
import { HttpError } from '../errors.ts';
import { RenderBusy, renderTemplate } from './templates.ts';

/**
 * An action's templates rendered for a stored event (an extension: the automation form's
 * preview). Reads only; a template that fails says why in `error`.
 */
export async function renderActionPreview(ctx: AppContext, action: ActionT, eventId: string | null, automationName: string | null) {
  let q = ctx.db.kysely.selectFrom('event').selectAll();
  q = eventId ? q.where('id', '=', eventId) : q.orderBy('occurred', 'desc').limit(1);
  const row = await q.executeTakeFirst();
  const event = row ? decodeEvent(row) : null;
  const automation: AutomationT = {
    id: '00000000-0000-0000-0000-000000000000',
    created: '',
    updated: '',
    name: automationName ?? 'New automation',
    description: '',
    enabled: true,
    trigger: { type: 'event', id: '00000000-0000-0000-0000-000000000000', posture: 'Reactive', match: {}, match_related: {}, after: [], expect: [], for_each: [], threshold: 1, within: 0 },
    actions: [action],
    actions_on_trigger: [],
    actions_on_resolve: [],
  };
  const render = async (template: string) =>
    renderTemplate(template, await templateContext(ctx, ctx.automations.inject, { automation, triggeringEvent: event, labels: {}, firingId: '00000000-0000-0000-0000-000000000000', causeEvents: [] }, template), ctx.settings.uiUrl, 'preview');
  try {
    switch (action.type) {
      case 'send-notification':
        return { subject: await render(action.subject ?? ''), body: await render(action.body), error: null };
      case 'call-webhook':
        return { payload: await render(typeof action.payload === 'string' ? action.payload : ''), error: null };
      case 'run-deployment': {
        const parameters: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(action.parameters ?? {})) {
          const template = jinjaValue(v);
          parameters[k] = template === null ? v : await render(template);
        }
        return { parameters, error: null };
      }
      default:
        return { error: null };
    }
  } catch (err) {
    if (err instanceof RenderBusy) throw new HttpError(429, err.message);
    return { error: (err as Error).message };
  }
}
