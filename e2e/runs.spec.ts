import { formatDateTime } from '../src/lib/time.ts';
import { expect, test } from './fixtures.ts';
import { createFlow, createFlowRun, failedEtlRun, setFlowState } from './data.ts';
import { FlowRunPage } from './pages/flow-run.ts';
import { RunsPage } from './pages/runs.ts';
import { AppShell } from './pages/shell.ts';

// The deep-link check opens a work pool that does not exist: its page asks for it and gets 404.
test.use({ allowedFailingUrls: ['/api/work_pools/pool-a'] });

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

test('bulk cancel of two scheduled runs', async ({ page, server }) => {
  const flow = await createFlow(server, 'bulk-flow');
  const scheduled = { type: 'SCHEDULED', state_details: { scheduled_time: inAnHour() } };
  const a = await createFlowRun(server, flow.id, { name: 'bulk-a', state: scheduled });
  const b = await createFlowRun(server, flow.id, { name: 'bulk-b', state: scheduled });
  const keep = await createFlowRun(server, flow.id, { name: 'bulk-keep', state: scheduled });
  const runs = new RunsPage(page);
  await runs.goto();
  await runs.searchName('bulk-');
  await expect(runs.table.getByRole('row')).toHaveCount(4);
  await runs.select(a.name);
  await runs.select(b.name);
  await expect(runs.bulkActions.getByText('2 selected')).toBeVisible();
  await runs.bulkActions.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog', { name: 'Cancel runs' }).getByRole('button', { name: 'Cancel runs' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled 2 runs.' })).toBeVisible();
  await expect(runs.row(a.name).getByText('Cancelled', { exact: true })).toBeVisible();
  await expect(runs.row(b.name).getByText('Cancelled', { exact: true })).toBeVisible();
  await expect(runs.row(keep.name).getByText('Scheduled', { exact: true })).toBeVisible();
  const stored = await server.getJson<{ state_type: string }>(`/flow_runs/${a.id}`);
  expect(stored.state_type).toBe('CANCELLED');
});

test('filters live in the URL and survive a reload; deep links open their page', async ({ page, server }) => {
  // A long journey: filters, reloads, deep links and a visit to every section (more sections since sign-in and global limits).
  test.setTimeout(90_000);
  const { run: failed } = await failedEtlRun(server, 'filter-etl');
  const flow = await createFlow(server, 'filter-other');
  const ok = await createFlowRun(server, flow.id, { name: 'filter-ok', tags: ['nightly'] });
  await setFlowState(server, ok.id, { type: 'RUNNING' });
  await setFlowState(server, ok.id, { type: 'COMPLETED' });
  const runs = new RunsPage(page);
  await runs.goto();
  await runs.searchName('filter-');
  await runs.filterStates('Failed');
  await runs.addTag('nightly');
  await expect(page).toHaveURL(/state=/);
  await expect(page).toHaveURL(/tag=/);
  await expect(runs.runLink(failed.name)).toBeVisible();
  await expect(runs.runLink(ok.name)).toHaveCount(0);

  await page.reload();
  await expect(runs.filters.getByRole('button', { name: 'States' })).toHaveText(/States \(1\)/);
  await expect(runs.filters.getByRole('textbox', { name: 'Search run names' })).toHaveValue('filter-');
  await expect(runs.filters.getByRole('button', { name: 'Remove tag filter nightly' })).toBeVisible();
  await expect(runs.runLink(failed.name)).toBeVisible();
  await expect(runs.runLink(ok.name)).toHaveCount(0);

  // A deep link with a tab, and the older flow-run address.
  const flowRun = new FlowRunPage(page);
  await flowRun.goto(failed.id, '?tab=details');
  await expect(flowRun.tab('Details')).toHaveAttribute('aria-selected', 'true');
  await page.reload();
  await expect(flowRun.tab('Details')).toHaveAttribute('aria-selected', 'true');
  await page.goto(`/flow-runs/flow-run/${failed.id}`);
  await expect(page).toHaveURL(new RegExp(`/runs/flow-run/${failed.id}$`));
  await expect(flowRun.heading).toHaveText(failed.name);
  for (const path of ['/flows', '/deployments', '/work-pools', '/blocks', '/blocks/catalog', '/variables', '/concurrency-limits', '/artifacts', '/notifications', '/settings', '/deployments/deployment/x', '/work-pools/work-pool/pool-a', '/blocks/block/x']) {
    await page.goto(path);
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).not.toHaveText('Page not found');
  }
});

test('dark mode and a chosen time zone show correct times', async ({ page, server }) => {
  const { run } = await failedEtlRun(server, 'zone-etl');
  const stored = await server.getJson<{ start_time: string }>(`/flow_runs/${run.id}`);
  const shell = new AppShell(page);
  const flowRun = new FlowRunPage(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await flowRun.goto(run.id);
  const lightBackground = await shell.backgroundColor();
  await shell.themeButton('Dark').click();
  await expect.poll(() => shell.backgroundColor()).not.toBe(lightBackground);

  await page.getByRole('combobox', { name: 'Time zone' }).selectOption('Asia/Kolkata');
  const started = page.getByRole('region', { name: 'Run summary' }).or(page.getByLabel('Run summary')).locator('time').first();
  await expect(started).toHaveText(formatDateTime(stored.start_time, 'Asia/Kolkata', 'seconds'));
  await expect(started).toContainText('GMT+5:30');
  await page.reload();
  await expect(started).toHaveText(formatDateTime(stored.start_time, 'Asia/Kolkata', 'seconds'));
  await expect.poll(() => shell.backgroundColor()).not.toBe(lightBackground);

  await page.getByRole('combobox', { name: 'Time zone' }).selectOption('America/New_York');
  await expect(started).toHaveText(formatDateTime(stored.start_time, 'America/New_York', 'seconds'));
  expect(await started.getAttribute('title')).toMatch(/[+-]0[45]:00 \(America\/New_York\)$/);
});

test('work pool filter, and a saved search stored on the server that brings the filters back', async ({ page, server }) => {
  const suffix = Math.random().toString(36).slice(2, 7);
  const flow = await createFlow(server, `pool-filter-${suffix}`);
  const runs: Record<string, string> = {};
  for (const pool of [`wp-a-${suffix}`, `wp-b-${suffix}`]) {
    await server.postJson('/work_pools/', { name: pool, type: 'process' });
    const deployment = await server.postJson<{ id: string }>('/deployments/', { name: `d-${pool}`, flow_id: flow.id, work_pool_name: pool });
    runs[pool] = (await server.postJson<{ name: string }>(`/deployments/${deployment.id}/create_flow_run`, { name: `run-in-${pool}` })).name;
  }
  const listPage = new RunsPage(page);
  await listPage.goto(`?flow=${encodeURIComponent(JSON.stringify([flow.id]))}`);
  await expect(listPage.runLink(runs[`wp-b-${suffix}`])).toBeVisible();

  // Pick the pool in the filter bar: only its run stays, and the URL says so.
  await listPage.filters.getByRole('button', { name: 'Work pools' }).click();
  await page.getByRole('textbox', { name: 'Find a work pool' }).fill(`wp-a-${suffix}`);
  await page.getByRole('checkbox', { name: `wp-a-${suffix} process`, exact: true }).check();
  await page.keyboard.press('Escape');
  await expect(listPage.runLink(runs[`wp-b-${suffix}`])).toHaveCount(0);
  await expect(listPage.runLink(runs[`wp-a-${suffix}`])).toBeVisible();
  await expect(page).toHaveURL(/pool=/);

  // Save these filters, clear them, and bring them back from the saved search.
  const name = `only pool a ${suffix}`;
  await listPage.filters.getByRole('button', { name: 'Saved searches' }).click();
  await page.getByRole('textbox', { name: 'Save the current filters as' }).fill(name);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved the search “${name}”.` })).toBeVisible();
  const stored = await server.postJson<{ name: string; filters: { property: string; value: unknown }[] }[]>('/saved_searches/filter', {});
  expect(stored.find((s) => s.name === name)?.filters).toContainEqual(expect.objectContaining({ property: 'pool', value: [`wp-a-${suffix}`] }));
  await page.keyboard.press('Escape');

  await listPage.filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).not.toHaveURL(/pool=/);
  await page.reload();
  await listPage.filters.getByRole('button', { name: 'Saved searches' }).click();
  await page.getByRole('list', { name: 'Saved searches' }).getByRole('button', { name, exact: true }).click();
  await expect(page).toHaveURL(/pool=/);
  await expect(listPage.filters.getByRole('button', { name: `Saved search: ${name}` })).toBeVisible();
  await expect(listPage.runLink(runs[`wp-a-${suffix}`])).toBeVisible();
  await expect(listPage.runLink(runs[`wp-b-${suffix}`])).toHaveCount(0);

  await listPage.filters.getByRole('button', { name: `Saved search: ${name}` }).click();
  await page.getByRole('button', { name: `Delete saved search ${name}` }).click();
  await expect.poll(async () => (await server.postJson<{ name: string }[]>('/saved_searches/filter', {})).some((s) => s.name === name)).toBe(false);
});
