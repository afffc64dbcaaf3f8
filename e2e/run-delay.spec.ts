import { axeViolations } from './axe.ts';
import { createFlow } from './data.ts';
import { createPool } from './deployment-data.ts';
import { expect, test } from './fixtures.ts';

/** "Why is this run not starting?" (issue 20 part 3): the explanation and its fix on the run page and the dashboard. */

test('a paused work pool holds a run due now: the run page says so, Resume fixes it, the next cause shows', async ({ page, server }) => {
  const pool = await createPool(server);
  const flow = await createFlow(server, `held-${Date.now()}`);
  const deployment = await server.postJson<{ id: string }>('/deployments/', { name: 'held', flow_id: flow.id, work_pool_name: pool.name, entrypoint: 'flows.ts:held' });
  const response = await fetch(`${server.api}/work_pools/${pool.name}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ is_paused: true }) });
  expect(response.status).toBe(204);
  // Its own tag: the dashboard's card lists the 5 oldest late runs, and the shared server holds other tests' late runs.
  const tag = `held-${Date.now()}`;
  const run = await server.postJson<{ id: string; name: string }>(`/deployments/${deployment.id}/create_flow_run`, { tags: [tag], state: { type: 'SCHEDULED', state_details: { scheduled_time: new Date(Date.now() - 30_000).toISOString() } } });

  await page.goto(`/runs/flow-run/${run.id}`);
  const why = page.getByRole('region', { name: 'Why this run has not started' });
  await expect(why).toContainText(`Work pool ${pool.name} is paused.`);
  expect(await axeViolations(page)).toEqual([]);
  await why.getByRole('button', { name: 'Resume work pool' }).click();
  // Resumed: the next fact that holds it (no worker has polled this pool).
  await expect(why).toContainText(`Work pool ${pool.name} has no online worker.`);
  await expect(why.getByRole('link', { name: 'Open work pool' })).toBeVisible();
  const after = await server.getJson<{ is_paused: boolean }>(`/work_pools/${pool.name}`);
  expect(after.is_paused).toBe(false);

  // Once Late, the dashboard's late-runs card gives the same reason.
  await expect.poll(async () => (await server.getJson<{ state_name: string }>(`/flow_runs/${run.id}`)).state_name, { timeout: 45_000 }).toBe('Late');
  await page.goto(`/dashboard?tag=${encodeURIComponent(JSON.stringify([tag]))}`);
  const card = page.getByRole('region', { name: 'Late runs' }).or(page.getByLabel('Late runs'));
  await expect(card.getByText(`Work pool ${pool.name} has no online worker.`).first()).toBeVisible();
});
