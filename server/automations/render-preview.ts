import type { ActionT } from '../api/models/automations.ts';
import type { AppContext } from '../context.ts';
import { decodeEvent } from '../db/events.ts';
import { draftAutomation, renderParameters } from './definition.ts';
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
  const automation = draftAutomation({ name: automationName ?? 'New automation', actions: [action] });
  const render = async (template: string) =>
    renderTemplate(template, await templateContext(ctx, ctx.automations.inject, { automation, triggeringEvent: event, labels: {}, firingId: automation.id, causeEvents: [] }, template), ctx.settings.uiUrl, 'preview');
  try {
    switch (action.type) {
      case 'send-notification':
        return { subject: await render(action.subject ?? ''), body: await render(action.body), error: null };
      case 'call-webhook':
        return { payload: await render(typeof action.payload === 'string' ? action.payload : ''), error: null };
      case 'run-deployment':
        return { parameters: await renderParameters(action.parameters ?? {}, render), error: null };
      default:
        return { error: null };
    }
  } catch (err) {
    if (err instanceof RenderBusy) throw new HttpError(429, err.message);
    return { error: (err as Error).message };
  }
}
