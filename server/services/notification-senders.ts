import type { AppContext } from '../context.ts';
import { readBlockDocument } from '../db/block-documents.ts';

/**
 * Sends a notification through a block document with the `notify` capability. Errors name
 * the receiver's status or the network error class, never the URL (it is a secret).
 */

export interface Notification {
  subject: string;
  body: string;
}

/** The block cannot send at all (missing, no `notify` capability, bad URL): retrying will not help. */
export class NotificationSetupError extends Error {}

/** The receiver failed or could not be reached: worth a retry. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly errorClass: string,
  ) {
    super(message);
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const stringMap = (v: unknown): Record<string, string> => (isObject(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'string')) as Record<string, string> : {});

interface Request {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs?: number;
}

type Sender = (data: Json, notification: Notification) => Request;

/** Replaces `{{ key }}` in every string of a JSON value. */
function fillTemplate(value: unknown, values: Record<string, string>): unknown {
  if (typeof value === 'string') return value.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, key: string) => (Object.hasOwn(values, key) ? values[key] : whole));
  if (Array.isArray(value)) return value.map((v) => fillTemplate(v, values));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillTemplate(v, values)]));
  return value;
}

const json = { 'content-type': 'application/json' };

const SENDERS: Record<string, Sender> = {
  // POSTs {"subject", "body"} as JSON with the block's headers.
  webhook: (data, n) => ({ url: String(data.url ?? ''), method: 'POST', headers: { ...json, ...stringMap(data.headers) }, body: JSON.stringify({ subject: n.subject, body: n.body }) }),
  // The block's JSON body template with {{subject}}, {{body}}, {{name}} and {{<secret key>}} filled in.
  'custom-webhook-notification': (data, n) => {
    const values = { ...stringMap(data.secrets), name: typeof data.name === 'string' ? data.name : 'Syntask Notifications', subject: n.subject, body: n.body };
    const template = isObject(data.json_data) ? data.json_data : { subject: '{{subject}}', body: '{{body}}' };
    const method = typeof data.method === 'string' && ['POST', 'PUT', 'PATCH'].includes(data.method) ? data.method : 'POST';
    const timeout = typeof data.timeout === 'number' && data.timeout > 0 ? data.timeout * 1000 : undefined;
    return { url: String(data.url ?? ''), method, headers: { ...json, ...(fillTemplate(stringMap(data.headers), values) as Record<string, string>) }, body: JSON.stringify(fillTemplate(template, values)), timeoutMs: timeout };
  },
  // Slack incoming webhooks (registered from the integration catalog).
  'slack-webhook': (data, n) => ({ url: String(data.url ?? ''), method: 'POST', headers: json, body: JSON.stringify({ text: `*${n.subject}*\n${n.body}` }) }),
};


/** Stable per queued message (same on retries and on another server): receivers drop repeats by it. */
export const DELIVERY_ID_HEADER = 'Syntask-Delivery-Id';

/** Sends one notification through a block document (one attempt). */
export async function sendThroughBlock(ctx: AppContext, blockDocumentId: string, notification: Notification, signal?: AbortSignal, deliveryId?: string): Promise<void> {
  const doc = await readBlockDocument(ctx.db.kysely, ctx.secrets, blockDocumentId, true);
  if (!doc) throw new NotificationSetupError('The block document of the policy no longer exists.');
  const slug = doc.block_type?.slug ?? '';
  if (!doc.block_schema?.capabilities.includes('notify')) throw new NotificationSetupError(`Blocks of type "${slug}" cannot send notifications (no "notify" capability).`);
  const sender = SENDERS[slug];
  if (!sender) throw new NotificationSetupError(`Syntask cannot send notifications through "${slug}" blocks; use a "webhook" or "custom-webhook-notification" block.`);
  const request = sender(doc.data, notification);
  if (deliveryId) request.headers[DELIVERY_ID_HEADER] = deliveryId;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new NotificationSetupError('The URL of the notification block is not a valid URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new NotificationSetupError('The URL of the notification block must use http or https.');
  const timeout = AbortSignal.timeout(request.timeoutMs ?? ctx.settings.notificationTimeoutSeconds * 1000);
  let res: Response;
  try {
    res = await fetch(url, { method: request.method, headers: request.headers, body: request.body, signal: signal ? AbortSignal.any([signal, timeout]) : timeout, redirect: 'manual' });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const errorClass = e.name === 'TimeoutError' ? 'TimeoutError' : (e.cause?.code ?? e.name ?? 'Error');
    throw new DeliveryError(`Could not reach the receiver (${errorClass}).`, null, errorClass);
  }
  await res.arrayBuffer().catch(() => undefined);
  if (res.status < 200 || res.status >= 300) throw new DeliveryError(`The receiver answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.`, res.status, 'HTTPStatusError');
}
