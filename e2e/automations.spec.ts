import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFlow, createFlowRun, setFlowState } from './data.ts';
import { createPool } from './deployment-data.ts';
import { expect, test, type SyntaskServer } from './fixtures.ts';

/**
 * Automations, as an operator makes one: "3 failures of flow X within 10 minutes → pause
 * deployment D and call a webhook", built through the three-step form, whose preview counts
 * the failures already recorded; then three more failures fire it once: D is paused, the
 * webhook is called once, and the firing, its cause and its actions' outcomes are on the
 * automation's page and in the event feed.
 */

interface Received {
  path: string;
  body: string;
}

/** A webhook receiver on loopback that records every request. */
async function startReceiver() {
  const requests: Received[] = [];
  const read = (req: IncomingMessage) => new Promise<string>((resolve) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve(body));
  });
  const server = createServer((req, res) => {
    void read(req).then((body) => {
      requests.push({ path: req.url ?? '', body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A Webhook block document (the built-in `webhook` type) that posts to `url`. */
async function webhookBlock(server: SyntaskServer, url: string) {
  const type = await server.getJson<{ id: string }>('/block_types/slug/webhook');
  const [schema] = await server.postJson<{ id: string }[]>('/block_schemas/filter', { block_schemas: { block_type_id: { any_: [type.id] } } });
  return server.postJson<{ id: string; name: string }>('/block_documents/', { name: `hook-${randomUUID().slice(0, 8)}`, data: { url, method: 'POST' }, block_schema_id: schema.id, block_type_id: type.id });
}

async function failRun(server: SyntaskServer, flowId: string, name: string) {
  const run = await createFlowRun(server, flowId, { name });
  await setFlowState(server, run.id, { type: 'RUNNING' }, false);
  await setFlowState(server, run.id, { type: 'FAILED', message: 'row 17 did not parse' }, false);
  return run;
}

/** Events are stored a few seconds after they are sent: wait until `n` Failed events of the flow are readable. */
async function failedEventsStored(server: SyntaskServer, flowId: string, n: number) {
  await expect(async () => {
    const page = await server.postJson<{ total: number }>('/events/filter', { filter: { event: { name: ['syntask.flow-run.Failed'] }, related: { id: [`syntask.flow.${flowId}`] } }, limit: 1 });
    expect(page.total).toBe(n);
  }).toPass({ timeout: 20_000 });
}

test('3 failures of a flow within 10 minutes pause its deployment and call a webhook: previewed, fired once, shown', async ({ page, server }) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver();
  try {
    const suffix = randomUUID().slice(0, 6);
    const flow = await createFlow(server, `invoice-check-${suffix}`);
    const pool = await createPool(server);
    const deployment = await server.postJson<{ id: string; name: string }>('/deployments/', { name: `nightly-${suffix}`, flow_id: flow.id, work_pool_name: pool.name, entrypoint: 'flows.ts:invoiceCheck' });
    const hook = await webhookBlock(server, `${receiver.url}/hook`);
    const past = [];
    for (let i = 1; i <= 3; i++) past.push(await failRun(server, flow.id, `past-failure-${i}-${suffix}`));
    await failedEventsStored(server, flow.id, 3);

    // Step 1: the trigger, from the "Flow run state" template, and its preview.
    await page.goto('/automations');
    await expect(page.getByRole('heading', { name: 'Automations', exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'New automation' }).first().click();
    await expect(page.getByRole('heading', { name: 'New automation' })).toBeVisible();
    await expect(page.getByRole('radio', { name: /Flow run state/ })).toBeChecked();
    await page.getByLabel('Flow', { exact: true }).selectOption(flow.id);
    await expect(page.getByRole('checkbox', { name: 'Failed', exact: true })).toBeChecked();
    await page.getByLabel('Number of runs').fill('3');
    await expect(page.getByRole('textbox', { name: 'Within', exact: true })).toHaveValue('10');
    await expect(page.getByLabel('Within: unit')).toHaveValue('minutes');
    const preview = page.getByRole('region', { name: 'Preview: would have fired' });
    await expect(preview).toContainText('Would have fired 1 time in the last 7 days');
    // The firing links the three failures that caused it.
    const firings = preview.getByRole('list', { name: 'Firings in the preview' }).locator('> li');
    await expect(firings).toHaveCount(1);
    await firings.first().getByText('3 events').click();
    const causes = firings.first().getByRole('list', { name: /^Events behind the firing/ }).getByRole('listitem');
    await expect(causes).toHaveCount(3);
    for (const run of past) await expect(causes.filter({ hasText: run.name })).toHaveCount(1);
    await expect(causes.first().getByRole('link', { name: 'Flow run Failed' })).toHaveAttribute('href', /^\/events\/event\/\d{4}-\d{2}-\d{2}\/[0-9a-f-]{36}$/);

    // Step 2: pause D, and call the webhook with a templated payload previewed for the newest failure.
    await page.getByRole('button', { name: 'Next' }).click();
    const first = page.getByRole('group', { name: 'Action 1' });
    await first.getByLabel('Type').selectOption({ label: 'Pause a deployment' });
    await first.getByRole('combobox', { name: 'Deployment', exact: true }).selectOption(deployment.id);
    await page.getByRole('button', { name: 'Add an action' }).click();
    const second = page.getByRole('group', { name: 'Action 2' });
    await second.getByLabel('Type').selectOption({ label: 'Call a webhook' });
    await second.getByLabel('Webhook block').selectOption(hook.id);
    await second.getByLabel('Payload').fill('{"run": "{{ flow_run.name }}", "flow": "{{ flow.name }}"}');
    await expect(second.getByRole('region', { name: 'Rendered preview' })).toContainText(`{"run": "${past[2].name}", "flow": "${flow.name}"}`);

    // Steps keep their input: back to the trigger and forward again.
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByLabel('Number of runs')).toHaveValue('3');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(second.getByLabel('Payload')).toHaveValue('{"run": "{{ flow_run.name }}", "flow": "{{ flow.name }}"}');

    // Step 3: details; the preview is still beside the form.
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(preview).toContainText('Would have fired 1 time');
    const name = `invoice-check keeps failing ${suffix}`;
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await page.getByRole('button', { name: 'Create automation' }).click();
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await expect(page.getByText('3 runs of flow invoice-check-')).toBeVisible();
    await expect(page.getByText('It has not fired yet')).toBeVisible();
    const automationId = page.url().split('/').at(-1)!;

    // Three more failures fire it once.
    for (let i = 1; i <= 3; i++) await failRun(server, flow.id, `new-failure-${i}-${suffix}`);
    const firing = page.getByRole('list', { name: 'Firings' }).getByRole('listitem', { name: /^Firing at / });
    await expect(async () => {
      await page.reload();
      await expect(firing).toHaveCount(1, { timeout: 2_000 });
      await expect(firing.getByRole('list', { name: 'Action outcomes' }).getByText('Executed')).toHaveCount(2, { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(firing.getByRole('link', { name: 'Flow run Failed' })).toBeVisible();
    await expect(firing.getByText(`Pause deployment ${deployment.name}`)).toBeVisible();
    await firing.getByText('3 events counted toward it').click();
    await expect(firing.getByRole('list', { name: /^Events counted toward/ }).getByRole('listitem')).toHaveCount(3);

    // Exactly one webhook call, with the rendered payload of the third new failure.
    await expect.poll(() => receiver.requests.length, { timeout: 10_000 }).toBe(1);
    await page.waitForTimeout(2_000);
    expect(receiver.requests).toHaveLength(1);
    expect(JSON.parse(receiver.requests[0].body)).toEqual({ run: `new-failure-3-${suffix}`, flow: flow.name });

    // D is paused, and its page names the automation that watches it.
    await page.goto(`/deployments/deployment/${deployment.id}`);
    await expect(page.getByRole('switch', { name: `Active: ${deployment.name}` })).toHaveAttribute('aria-checked', 'false');
    await expect(page.getByRole('region', { name: 'Automations that watch this' }).getByRole('link', { name })).toBeVisible();

    // The list says when it last fired; the feed has the firing and its actions.
    await page.goto('/automations');
    await expect(page.getByRole('row', { name: new RegExp(name) }).getByText(/ago|just now/)).toBeVisible();
    await page.goto(`/events?range=1h&resource=${encodeURIComponent(`syntask.automation.${automationId}`)}`);
    const events = page.getByRole('list', { name: 'Events' });
    await expect(events.getByRole('link', { name: 'Automation triggered' })).toHaveCount(1);
    await expect(events.getByRole('link', { name: 'Automation action.executed' })).toHaveCount(2);
  } finally {
    await receiver.close();
  }
});
