import type { AppContext } from '../context.ts';
import { readBlockDocument } from '../db/block-documents.ts';
import { DELIVERY_ID_HEADER } from '../services/notification-senders.ts';

/** A `call-webhook` action's request through a Webhook block (A5): any HTTP answer counts as done. */

export class WebhookSetupError extends Error {}

export interface WebhookResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

const SECRET_HEADER = /^(set-cookie|authorization|proxy-authenticate|www-authenticate|cookie)$|token|secret|key/i;

export async function callWebhookBlock(ctx: AppContext, blockDocumentId: string, payload: string, deliveryId: string, signal?: AbortSignal): Promise<WebhookResponse> {
  const doc = await readBlockDocument(ctx.db.kysely, ctx.secrets, blockDocumentId, true);
  if (!doc) throw new WebhookSetupError('The webhook block document no longer exists.');
  if (doc.block_type?.slug !== 'webhook') throw new WebhookSetupError(`Blocks of type "${doc.block_type?.slug ?? '?'}" are not webhooks.`);
  const data = doc.data as { url?: unknown; method?: unknown; headers?: unknown };
  let url: URL;
  try {
    url = new URL(String(data.url ?? ''));
  } catch {
    throw new WebhookSetupError('The URL of the webhook block is not a valid URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new WebhookSetupError('The URL of the webhook block must use http or https.');
  const method = typeof data.method === 'string' ? data.method : 'POST';
  const headers: Record<string, string> = {};
  if (data.headers && typeof data.headers === 'object') for (const [k, v] of Object.entries(data.headers)) if (typeof v === 'string') headers[k] = v;
  let json = false;
  try {
    JSON.parse(payload);
    json = true;
  } catch {
    /* plain text */
  }
  headers['content-type'] ??= json ? 'application/json' : 'text/plain; charset=utf-8';
  headers[DELIVERY_ID_HEADER] = deliveryId;
  const timeout = AbortSignal.timeout(ctx.settings.notificationTimeoutSeconds * 1000);
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: method === 'GET' ? undefined : payload, signal: signal ? AbortSignal.any([signal, timeout]) : timeout, redirect: 'manual' });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    // Never the URL: it is a secret.
    throw new Error(`Could not reach the webhook (${e.name === 'TimeoutError' ? 'TimeoutError' : (e.cause?.code ?? e.name)}).`);
  }
  const text = await res.text().catch(() => '');
  const out: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    out[k] = SECRET_HEADER.test(k) ? '********' : v;
  });
  return { status: res.status, body: text.slice(0, 1000), headers: out };
}
