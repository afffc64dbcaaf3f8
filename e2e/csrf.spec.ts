import { expect, test } from './fixtures.ts';
import { createFlow, createFlowRun } from './data.ts';
import { FlowRunPage } from './pages/flow-run.ts';

test('with CSRF protection on, every change carries the token of this tab', async ({ page, server }) => {
  const flow = await createFlow(server, 'csrf-flow');
  const run = await createFlowRun(server, flow.id, { name: 'csrf-run', state: { type: 'SCHEDULED', state_details: { scheduled_time: new Date(Date.now() + 3_600_000).toISOString() } } });
  // This server runs without protection; the page is told it is on and handed a token.
  await page.route('**/ui-settings', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...(await response.json()), csrf_enabled: true } });
  });
  const tokenRequests: string[] = [];
  await page.route('**/api/csrf-token?*', (route) => {
    tokenRequests.push(route.request().url());
    const now = new Date().toISOString();
    return route.fulfill({ json: { id: 'x', created: now, updated: now, token: 'a'.repeat(64), client: 'c', expiration: new Date(Date.now() + 3_600_000).toISOString() } });
  });
  const changes: Record<string, string>[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/set_state')) changes.push(r.headers());
  });
  const flowRun = new FlowRunPage(page);
  await flowRun.goto(run.id);
  await flowRun.action('Cancel').click();
  await page.getByRole('dialog', { name: 'Cancel this run' }).getByRole('button', { name: 'Cancel run' }).click();
  await expect(flowRun.stateBadge()).toHaveText('Cancelled');
  expect(tokenRequests).toHaveLength(1);
  const client = new URL(tokenRequests[0]).searchParams.get('client');
  expect(client).toMatch(/^[0-9a-f]{32}$/);
  expect(changes).toHaveLength(1);
  expect(changes[0]['syntask-csrf-token']).toBe('a'.repeat(64));
  expect(changes[0]['syntask-csrf-client']).toBe(client);
});
