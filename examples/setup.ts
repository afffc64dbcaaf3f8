import { createServer, type Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SyntaskApiError, SyntaskClient, type DeploymentT } from '../sdk/client.ts';
import { deployFromConfig } from '../sdk/cli/deploy.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Creates, ignoring "already exists": the demo can be set up again on the same database. */
async function ensure<T>(create: () => Promise<T>): Promise<T | null> {
  try {
    return await create();
  } catch (err) {
    if (err instanceof SyntaskApiError && err.status === 409) return null;
    throw err;
  }
}

async function blockRefs(client: SyntaskClient, slug: string) {
  const type = await client.get<{ id: string }>(`/block_types/slug/${slug}`);
  const [schema] = await client.post<{ id: string }[]>('/block_schemas/filter', { block_schemas: { block_type_id: { any_: [type.id] } }, limit: 1 });
  return { block_type_id: type.id, block_schema_id: schema.id };
}

async function ensureDocument(client: SyntaskClient, slug: string, name: string, data: Record<string, unknown>): Promise<string> {
  try {
    return (await client.get<{ id: string }>(`/block_types/slug/${slug}/block_documents/name/${name}`)).id;
  } catch (err) {
    if (!(err instanceof SyntaskApiError) || err.status !== 404) throw err;
  }
  return (await client.post<{ id: string }>('/block_documents/', { name, data, ...(await blockRefs(client, slug)) })).id;
}

/** A local HTTP endpoint the demo's failure notifications are sent to; it prints what it receives. */
export function startDemoReceiver(log: (line: string) => void = console.log): Promise<{ url: string; server: Server; received: unknown[] }> {
  const received: unknown[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      try {
        const message = JSON.parse(body) as { subject?: string; body?: string };
        received.push(message);
        log(`[demo notification receiver] ${message.subject ?? 'notification'}: ${(message.body ?? '').split('\n')[0]}`);
      } catch {
        received.push(body);
      }
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}/notify`, server, received })));
}

/**
 * The demo: variables, the `database-connection/warehouse` block referencing its
 * `database-credentials` block, a tag concurrency limit, global concurrency and rate limits,
 * a failure notification policy, the deployments of `syntask.yaml` on the `demo` pool, and a first run of each.
 */
export async function setUpDemo(client: SyntaskClient, options: { receiverUrl?: string; log?: (line: string) => void } = {}): Promise<DeploymentT[]> {
  const log = options.log ?? console.log;
  for (const [name, value] of [
    ['warehouse_region', 'eu-west-1'],
    ['report_recipients', 'ops@example.com'],
    ['etl_batch_size', '500'],
  ]) {
    await ensure(() => client.post('/variables/', { name, value, tags: ['demo'] }));
  }
  const creds = await ensureDocument(client, 'database-credentials', 'warehouse-creds', { user: 'etl_loader', password: 'demo-only-password' });
  await ensureDocument(client, 'database-connection', 'warehouse', { host: 'warehouse.internal', port: 5432, database: 'analytics', credentials: { $ref: { block_document_id: creds } } });
  await client.post('/concurrency_limits/', { tag: 'warehouse-slot', concurrency_limit: 2 });
  // Global limits of the partner-sync flow: 2 warehouse loads at once; partner calls in bursts of 3, then 1 per second.
  await ensure(() => client.post('/v2/concurrency_limits/', { name: 'warehouse-db', limit: 2 }));
  await ensure(() => client.post('/v2/concurrency_limits/', { name: 'partner-api', limit: 3, slot_decay_per_second: 1 }));

  let hook: string | null = null;
  if (options.receiverUrl) {
    // The receiver's port changes on every start: keep the block pointing at the current one.
    hook = await ensureDocument(client, 'custom-webhook-notification', 'demo-receiver', { url: options.receiverUrl });
    await client.patch(`/block_documents/${hook}`, { data: { url: options.receiverUrl } });
    const policies = await client.post<{ block_document_id: string }[]>('/flow_run_notification_policies/filter', {});
    if (!policies.some((p) => p.block_document_id === hook)) {
      await client.post('/flow_run_notification_policies/', { is_active: true, state_names: ['Failed', 'Crashed'], tags: ['demo'], block_document_id: hook });
    }
  }

  const deployments = await deployFromConfig(join(HERE, 'syntask.yaml'), [], log, client);
  const invoiceCheck = deployments.find((d) => d.entrypoint === 'always-fails.ts:invoiceCheck');
  if (invoiceCheck) await ensureDemoAutomation(client, invoiceCheck.flow_id, hook);
  // A first run of each now; the cached flow again a bit later, so it hits its cache.
  for (const d of deployments) await client.post(`/deployments/${d.id}/create_flow_run`, { tags: ['demo'] });
  const cached = deployments.find((d) => d.entrypoint === 'cached.ts:cachedLookups');
  if (cached) {
    const later = new Date(Date.now() + 20_000).toISOString();
    await client.post(`/deployments/${cached.id}/create_flow_run`, { tags: ['demo'], state: { type: 'SCHEDULED', state_details: { scheduled_time: later } } });
  }
  return deployments;
}

export const DEMO_AUTOMATION = 'invoice-check keeps failing';

/** The demo's automation: three failures of invoice-check within 10 minutes → a notification (or nothing, without a receiver). */
async function ensureDemoAutomation(client: SyntaskClient, flowId: string, hook: string | null) {
  let existing: { id: string }[];
  try {
    existing = await client.post<{ id: string }[]>('/automations/filter', { automations: { name: { any_: [DEMO_AUTOMATION] } } });
  } catch (err) {
    if (err instanceof SyntaskApiError && err.status === 404) return; // Automations switched off.
    throw err;
  }
  if (existing.length) return;
  await client.post('/automations/', {
    name: DEMO_AUTOMATION,
    description: 'Three failed runs of invoice-check within 10 minutes send a notification to the demo receiver.',
    trigger: {
      type: 'event',
      posture: 'Reactive',
      match: { 'syntask.resource.id': 'syntask.flow-run.*' },
      match_related: { 'syntask.resource.role': 'flow', 'syntask.resource.id': `syntask.flow.${flowId}` },
      expect: ['syntask.flow-run.Failed'],
      for_each: ['related:flow:syntask.resource.id'],
      threshold: 3,
      within: 600,
    },
    actions: hook
      ? [{ type: 'send-notification', block_document_id: hook, subject: '{{ flow.name }} failed 3 times in 10 minutes', body: 'Last failure: {{ flow_run.name }} ({{ flow_run|ui_url }}).' }]
      : [{ type: 'do-nothing' }],
  });
}
