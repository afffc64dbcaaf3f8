import type { ActionT, AutomationT } from '../api/models/automations.ts';
import type { ReceivedEventT, ResourceT } from '../api/models/events.ts';
import type { AppContext } from '../context.ts';
import { readBlockDocument } from '../db/block-documents.ts';
import { formatDateTime, nowMicros } from '../lib/time.ts';
import { DeliveryError, sendThroughBlock } from '../services/notification-senders.ts';
import { renderParameters } from './definition.ts';
import { inferred, UUID } from './targets.ts';
import { templateContext, type Inject } from './template-context.ts';
import { renderTemplate } from './templates.ts';
import { callWebhookBlock } from './webhook.ts';

/**
 * Runs one action of a firing (A5). Actions call the server's own API in-process (so its
 * checks, events, audit log and live signals all apply); an answer ≥ 300 fails the action
 * with the server's reason.
 */

export interface Invocation {
  id: string;
  automation: AutomationT;
  firingId: string;
  actionIndex: number;
  action: ActionT;
  triggeringEvent: ReceivedEventT | null;
  labels: Record<string, string>;
  causeEvents: string[];
}

export interface Outcome {
  ok: boolean;
  reason?: string;
  statusCode?: number;
  related: ResourceT[];
  extra?: Record<string, unknown>;
}

export class ActionFailed extends Error {
  constructor(
    message: string,
    readonly statusCode?: number,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

const target = (id: string, name?: string): ResourceT => ({ 'syntask.resource.id': id, 'syntask.resource.role': 'target', ...(name ? { 'syntask.resource.name': name } : {}) });

function flowRunOf(inv: Invocation): string {
  const labelled = inv.labels['syntask.resource.id'];
  if (labelled?.startsWith('syntask.flow-run.') && UUID.test(labelled.slice('syntask.flow-run.'.length))) return labelled.slice('syntask.flow-run.'.length);
  const found = inferred(inv.triggeringEvent, 'flow-run');
  if (!found) throw new ActionFailed('No flow run could be inferred');
  return found;
}

function reasonOf(res: { statusCode: number; body: string }): string {
  try {
    const b = JSON.parse(res.body) as { detail?: unknown; exception_message?: unknown };
    const d = b.detail ?? b.exception_message;
    if (d !== undefined) return typeof d === 'string' ? d : JSON.stringify(d);
  } catch {
    /* not JSON */
  }
  return res.body.slice(0, 200) || `HTTP ${res.statusCode}`;
}

export async function act(ctx: AppContext, inject: Inject, inv: Invocation, signal?: AbortSignal): Promise<Outcome> {
  const a = inv.action;
  const call = async (method: string, url: string, payload?: unknown) => {
    const res = await inject({ method, url, payload });
    if (res.statusCode >= 300) throw new ActionFailed(reasonOf(res), res.statusCode);
    return res.body ? (JSON.parse(res.body) as Record<string, unknown>) : null;
  };
  const selectedOr = (id: string | null | undefined, kind: string, label: string) => {
    const found = (a as { source?: string }).source === 'inferred' ? inferred(inv.triggeringEvent, kind) : id;
    if (!found) throw new ActionFailed(`No ${label} could be inferred`);
    return found;
  };
  const render = async (template: string) => renderTemplate(template, await templateContext(ctx, inject, inv, template), ctx.settings.uiUrl);
  const setState = async (state: Record<string, unknown>) => {
    const runId = flowRunOf(inv);
    const result = (await call('POST', `/api/flow_runs/${runId}/set_state`, { state, force: true })) as { status?: string; details?: { reason?: string } };
    if (result?.status !== 'ACCEPT') throw new ActionFailed(`Failed to set state: ${result?.details?.reason ?? result?.status ?? 'unknown'}`);
    return [target(`syntask.flow-run.${runId}`)];
  };
  const message = (verb: string) => `${verb} by Automation ${inv.automation.id}`;

  switch (a.type) {
    case 'do-nothing':
      return { ok: true, related: [] };
    case 'run-deployment': {
      const id = selectedOr(a.deployment_id, 'deployment', 'deployment');
      const parameters = a.parameters ? await renderParameters(a.parameters, render) : undefined;
      const run = await call('POST', `/api/deployments/${id}/create_flow_run`, {
        state: { type: 'SCHEDULED', name: 'Scheduled' },
        ...(parameters ? { parameters } : {}),
        ...(a.job_variables ? { job_variables: a.job_variables } : {}),
        idempotency_key: `automation ${inv.automation.id}, action ${inv.actionIndex}, invocation ${inv.firingId}`,
      });
      return { ok: true, related: [target(`syntask.deployment.${id}`), { 'syntask.resource.id': `syntask.flow-run.${String(run?.id)}`, 'syntask.resource.role': 'flow-run', 'syntask.resource.name': String(run?.name ?? '') }] };
    }
    case 'pause-deployment':
    case 'resume-deployment': {
      const id = selectedOr(a.deployment_id, 'deployment', 'deployment');
      await call('POST', `/api/deployments/${id}/${a.type === 'pause-deployment' ? 'pause_deployment' : 'resume_deployment'}`);
      return { ok: true, related: [target(`syntask.deployment.${id}`)] };
    }
    case 'cancel-flow-run':
      return { ok: true, related: await setState({ type: 'CANCELLING', name: 'Cancelling', message: message('Cancelled') }) };
    case 'suspend-flow-run':
      return {
        ok: true,
        related: await setState({ type: 'PAUSED', name: 'Suspended', message: message('Suspended'), state_details: { pause_timeout: formatDateTime(nowMicros() + 3600e6), pause_reschedule: true } }),
      };
    case 'change-flow-run-state':
      return { ok: true, related: await setState({ type: a.state, ...(a.name ? { name: a.name } : {}), message: a.message ?? message('State changed') }) };
    case 'pause-work-queue':
    case 'resume-work-queue': {
      const id = selectedOr(a.work_queue_id, 'work-queue', 'work queue');
      await call('PATCH', `/api/work_queues/${id}`, { is_paused: a.type === 'pause-work-queue' });
      return { ok: true, related: [target(`syntask.work-queue.${id}`)] };
    }
    case 'pause-work-pool':
    case 'resume-work-pool': {
      const id = selectedOr(a.work_pool_id, 'work-pool', 'work pool');
      const pool = await ctx.db.kysely.selectFrom('work_pool').select('name').where('id', '=', id).executeTakeFirst();
      if (!pool) throw new ActionFailed('Work pool not found', 404);
      await call('PATCH', `/api/work_pools/${encodeURIComponent(pool.name)}`, { is_paused: a.type === 'pause-work-pool' });
      return { ok: true, related: [target(`syntask.work-pool.${id}`, pool.name)] };
    }
    case 'pause-automation':
    case 'resume-automation': {
      const id = selectedOr(a.automation_id, 'automation', 'automation');
      await call('PATCH', `/api/automations/${id}`, { enabled: a.type === 'resume-automation' });
      return { ok: true, related: [target(`syntask.automation.${id}`)] };
    }
    case 'send-notification': {
      const block = await blockResources(ctx, a.block_document_id);
      const subject = await render(a.subject ?? 'Syntask automated notification');
      const body = await render(a.body);
      try {
        await sendThroughBlock(ctx, a.block_document_id, { subject, body }, signal, inv.id);
      } catch (err) {
        throw new ActionFailed((err as Error).message, err instanceof DeliveryError ? (err.status ?? undefined) : undefined, { notification_log: (err as Error).message });
      }
      return { ok: true, related: block };
    }
    case 'call-webhook': {
      const block = await blockResources(ctx, a.block_document_id);
      const payload = await render(typeof a.payload === 'string' ? a.payload : '');
      const res = await callWebhookBlock(ctx, a.block_document_id, payload, inv.id, signal);
      return { ok: true, statusCode: res.status, related: block, extra: { response_body: res.body, response_headers: res.headers } };
    }
  }
}

async function blockResources(ctx: AppContext, id: string): Promise<ResourceT[]> {
  const doc = await readBlockDocument(ctx.db.kysely, ctx.secrets, id, false);
  if (!doc) throw new ActionFailed('Block document not found', 404);
  const out: ResourceT[] = [{ 'syntask.resource.id': `syntask.block-document.${id}`, 'syntask.resource.role': 'block', 'syntask.resource.name': doc.name ?? '' }];
  if (doc.block_type) out.push({ 'syntask.resource.id': `syntask.block-type.${doc.block_type.slug}`, 'syntask.resource.role': 'block-type' });
  return out;
}
