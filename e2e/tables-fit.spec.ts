/// <reference lib="dom" />
import type { Page } from '@playwright/test';
import { expect, test as base, type SyntaskServer } from './fixtures.ts';
import { AppShell } from './pages/shell.ts';
import { loadInLight, showTheme } from './theme.ts';
import { createFlow, createFlowRun, createTaskRun, setFlowState, setTaskState } from './data.ts';

/**
 * Every list fits its page from 1024 px up, in both themes: the table is no wider than its
 * scroll container and every header cell lies inside it. Columns that do not fit wait behind
 * the column chooser (kept in localStorage); below 1024 px a table may scroll sideways and
 * shows that it does. The sidebar collapses to icons and stays so.
 */

const test = base.extend<object, { seeded: Seeded }>({
  seeded: [async ({ server }, use) => use(await seed(server)), { scope: 'worker', timeout: 60_000 }],
  page: async ({ page }, use) => {
    await loadInLight(page);
    await use(page);
  },
});

interface Seeded {
  flowId: string;
  deploymentId: string;
  pool: string;
}

const suffix = Math.random().toString(36).slice(2, 8);
const LONG_FAILURE = 'Flow run encountered an exception: WarehouseConnectionError: could not reach warehouse-reporting-replica-eu-west-1 while reconciling quarterly revenue for every enterprise customer segment';
const LONG_TAGS = ['customer-segment-enterprise-emea', 'warehouse-nightly-refresh', 'priority-high', 'team-data-platform', 'sla-gold'];

/** Enough of everything to fill each list, with long names, values and tags (the server may hold other specs' data too). */
async function seed(server: SyntaskServer): Promise<Seeded> {
  const flow = await createFlow(server, `tables-fit-quarterly-revenue-reconciliation-${suffix}`, LONG_TAGS);
  const pool = `tables-fit-pool-with-a-rather-long-name-${suffix}`;
  await server.postJson('/work_pools/', { name: pool, type: 'process', description: 'Runs the nightly warehouse jobs of the data platform team on the shared cluster', concurrency_limit: 10 });
  const deployment = await server.postJson<{ id: string }>('/deployments/', {
    name: `tables-fit-nightly-warehouse-refresh-deployment-${suffix}`,
    flow_id: flow.id,
    work_pool_name: pool,
    tags: LONG_TAGS,
    schedules: [{ schedule: { cron: '15 2 * * 1-5', timezone: 'America/New_York' } }, { schedule: { interval: 3600 } }],
  });
  for (let i = 0; i < 12; i++) {
    const run = await createFlowRun(server, flow.id, {
      name: `tables-fit-run-with-an-unusually-long-generated-name-${i}-${suffix}`,
      tags: LONG_TAGS.slice(0, 2 + (i % 4)),
      deployment_id: i % 2 ? deployment.id : undefined,
    });
    await setFlowState(server, run.id, { type: 'RUNNING' });
    const task = await createTaskRun(server, run.id, `tables-fit-extract-customer-orders-from-the-warehouse-${i}`, [], { tags: LONG_TAGS.slice(i % 3) });
    await setTaskState(server, task.id, { type: 'RUNNING' });
    await setTaskState(server, task.id, { type: i % 3 ? 'COMPLETED' : 'FAILED' });
    await setFlowState(server, run.id, { type: i % 3 ? 'COMPLETED' : 'FAILED', message: i % 3 ? undefined : LONG_FAILURE });
    if (i < 3) {
      await server.postJson('/artifacts/', {
        key: `tables-fit-quarterly-revenue-report-${i}-${suffix}`,
        type: 'markdown',
        description: 'The quarterly revenue reconciliation report for every region, with the differences explained line by line',
        data: '# Report',
        flow_run_id: run.id,
      });
    }
  }
  for (let i = 0; i < 4; i++) {
    await server.postJson('/variables/', { name: `tables_fit_warehouse_connection_string_${i}_${suffix}`, value: `postgres://reporting-user@warehouse-${i}.internal.example.com:5432/analytics?sslmode=require`, tags: LONG_TAGS });
    await server.postJson('/concurrency_limits/', { tag: `tables-fit-warehouse-connections-${i}-${suffix}`, concurrency_limit: 5 + i });
    await server.postJson('/v2/concurrency_limits/', { name: `tables-fit-external-billing-api-${i}-${suffix}`, limit: 4, slot_decay_per_second: i % 2 ? 0.5 : 0 });
    const type = await server.getJson<{ id: string }>('/block_types/slug/string');
    const [schema] = await server.postJson<{ id: string }[]>('/block_schemas/filter', { block_schemas: { block_type_id: { any_: [type.id] } }, limit: 1 });
    await server.postJson('/block_documents/', { name: `tables-fit-warehouse-connection-${i}-${suffix}`, data: { value: 'x' }, block_schema_id: schema.id, block_type_id: type.id });
  }
  return { flowId: flow.id, deploymentId: deployment.id, pool };
}

const LISTS: { name: string; url: (s: Seeded) => string }[] = [
  { name: 'flow runs', url: () => '/runs' },
  { name: 'task runs', url: () => '/runs?tab=task-runs' },
  { name: 'flows', url: () => '/flows' },
  { name: 'deployments', url: () => '/deployments' },
  { name: 'work pools', url: () => '/work-pools' },
  { name: 'blocks', url: () => '/blocks' },
  { name: 'variables', url: () => '/variables' },
  { name: 'task concurrency limits', url: () => '/concurrency-limits' },
  { name: 'global concurrency limits', url: () => '/concurrency-limits?tab=global' },
  { name: 'artifacts', url: () => '/artifacts' },
  { name: "a flow's runs", url: (s) => `/flows/flow/${s.flowId}` },
  { name: "a flow's deployments", url: (s) => `/flows/flow/${s.flowId}?tab=deployments` },
  { name: "a deployment's runs", url: (s) => `/deployments/deployment/${s.deploymentId}` },
  { name: "a work pool's runs", url: (s) => `/work-pools/work-pool/${encodeURIComponent(s.pool)}?tab=runs` },
  { name: "a work pool's deployments", url: (s) => `/work-pools/work-pool/${encodeURIComponent(s.pool)}?tab=deployments` },
];

async function settled(page: Page) {
  // Generous: each row of some lists asks for its own last and next runs.
  await expect(page.locator('main table').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('main table tbody tr').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('.animate-pulse')).toHaveCount(0, { timeout: 15_000 });
}

/** What does not fit: a table wider than its scroll container, a header cell outside it, or a page that scrolls sideways. */
function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const table of Array.from(document.querySelectorAll<HTMLTableElement>('main table'))) {
      if (table.getClientRects().length === 0) continue;
      const box = table.parentElement!;
      const name = table.getAttribute('aria-label') ?? 'table';
      const room = box.getBoundingClientRect();
      const heads = Array.from(table.querySelectorAll<HTMLElement>('thead th'));
      const widths = heads.map((th) => `${th.textContent?.trim() || '·'} ${Math.round(th.getBoundingClientRect().width)}`).join(', ');
      if (box.scrollWidth > box.clientWidth) problems.push(`${name}: ${box.scrollWidth} px wide in ${box.clientWidth} px (${widths})`);
      for (const th of heads) {
        const r = th.getBoundingClientRect();
        if (r.left < room.left - 0.5 || r.right > room.right + 0.5) problems.push(`${name}: column "${th.textContent?.trim()}" at ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(room.left)}–${Math.round(room.right)}`);
      }
    }
    const main = document.querySelector('main')!;
    if (main.scrollWidth > main.clientWidth) problems.push(`main scrolls sideways: ${main.scrollWidth} > ${main.clientWidth}`);
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth) problems.push('the page scrolls sideways');
    return problems;
  });
}

test.describe('every list', () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  test('no list has a clipped column or scrolls sideways, at 1440 and 1024 px, in both themes', async ({ page, seeded }) => {
    test.setTimeout(300_000);
    for (const list of LISTS) {
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(list.url(seeded)); // light: the fixture's `loadInLight`
      await settled(page);
      expect.soft(await clipped(page), `${list.name}, light, 1440 px`).toEqual([]);
      await showTheme(page, 'dark');
      expect.soft(await clipped(page), `${list.name}, dark, 1440 px`).toEqual([]);
      // Narrowed as a user would: the columns that fit are worked out again.
      await page.setViewportSize({ width: 1024, height: 900 });
      await expect.soft.poll(() => clipped(page), { message: `${list.name}, dark, 1024 px`, timeout: 5_000 }).toEqual([]);
      await showTheme(page, 'light');
      expect.soft(await clipped(page), `${list.name}, light, 1024 px`).toEqual([]);
    }
  });
});

test.describe('the dashboard', () => {
  for (const width of [1024, 1280]) {
    test(`fits ${width} px with a long failure cause: no card is cut off`, async ({ page, seeded }) => {
      expect(seeded.flowId).toBeTruthy();
      await page.setViewportSize({ width, height: 900 });
      // Tagged like the seeded failures, so other specs' failures on this server cannot push the long cause out of the top three.
      await page.goto(`/dashboard?tag=${encodeURIComponent(JSON.stringify([LONG_TAGS[0]]))}`);
      await expect(page.getByRole('region', { name: 'Failures by cause' }).getByRole('link', { name: /WarehouseConnectionError/ })).toBeVisible();
      expect(await clipped(page)).toEqual([]);
      const mainRight = await page.locator('main').evaluate((m) => m.getBoundingClientRect().right);
      for (const name of ['Late runs', 'Failures by cause', 'Work pools']) {
        const box = await page.getByRole('region', { name, exact: true }).boundingBox();
        expect(box!.x + box!.width, name).toBeLessThanOrEqual(mainRight);
      }
    });
  }
});

test.describe('choosing columns', () => {
  test.use({ viewport: { width: 1024, height: 900 } });
  test.describe.configure({ timeout: 90_000 });

  test('the column chooser shows and hides a column, and the choice survives a reload', async ({ page, seeded }) => {
    expect(seeded.flowId).toBeTruthy();
    await page.goto('/runs');
    await settled(page);
    const table = page.getByRole('table', { name: 'Flow runs' });
    const header = (name: string) => table.getByRole('columnheader', { name, exact: true });
    // At 1024 px the tags do not fit by themselves: they wait behind the chooser.
    await expect(header('Start')).toBeVisible();
    await expect(header('Tags')).toHaveCount(0);
    const chooser = page.getByRole('button', { name: 'Columns of flow runs' });
    await chooser.click();
    const choices = page.getByRole('group', { name: 'Columns of flow runs' });
    await expect(choices.getByRole('checkbox', { name: 'Tags' })).not.toBeChecked();
    await choices.getByRole('checkbox', { name: 'Tags' }).check();
    await choices.getByRole('checkbox', { name: 'Start' }).uncheck();
    await page.keyboard.press('Escape');
    await expect(header('Tags')).toBeVisible();
    await expect(header('Start')).toHaveCount(0);
    // Long tags collapse to the first one and "+N".
    await expect(table.getByText(/^\+\d$/).first()).toBeVisible();
    expect(await clipped(page)).toEqual([]);

    await page.reload();
    await settled(page);
    await expect(header('Tags')).toBeVisible();
    await expect(header('Start')).toHaveCount(0);

    // Back to what fits.
    await chooser.click();
    await choices.getByRole('button', { name: 'Fit to width' }).click();
    await expect(header('Start')).toBeVisible();
    await expect(header('Tags')).toHaveCount(0);
  });

  test('below 1024 px a table wider than the screen scrolls sideways and says so', async ({ page, seeded }) => {
    expect(seeded.flowId).toBeTruthy();
    await page.setViewportSize({ width: 800, height: 900 });
    await page.goto('/runs');
    await settled(page);
    const chooser = page.getByRole('button', { name: 'Columns of flow runs' });
    await chooser.click();
    const choices = page.getByRole('group', { name: 'Columns of flow runs' });
    for (const name of ['Flow', 'Deployment', 'Start', 'Duration', 'Task runs', 'Tags']) await choices.getByRole('checkbox', { name, exact: true }).check();
    await page.keyboard.press('Escape');
    const region = page.getByRole('region', { name: 'Flow runs (scrolls sideways)' });
    await expect(region).toBeVisible();
    await expect(page.locator('[data-scrolls-sideways]')).toHaveCount(1);
    await expect(page.getByText('Scroll sideways for more →')).toBeVisible();
    // The page itself does not scroll: only the table does.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: test.info().outputPath('runs-800-scrolls.png') });
  });
});

test.describe('the sidebar', () => {
  test.use({ viewport: { width: 1024, height: 900 } });
  test.describe.configure({ timeout: 90_000 });

  test('collapses to icons, gives the room to the page, and stays collapsed after a reload', async ({ page, seeded }) => {
    expect(seeded.flowId).toBeTruthy();
    await page.goto('/runs');
    await settled(page);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const toggle = nav.getByRole('button', { name: 'Sidebar' });
    const mainWidth = () => page.getByRole('main').evaluate((m) => m.getBoundingClientRect().width);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(nav.getByRole('link', { name: 'Runs', exact: true })).toContainText('Runs');
    const before = await mainWidth();
    const columnsBefore = await page.getByRole('table', { name: 'Flow runs' }).getByRole('columnheader').count();

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect.poll(mainWidth).toBeGreaterThan(before + 100);
    // Icons only, each still named (and with its tooltip).
    const runs = nav.getByRole('link', { name: 'Runs', exact: true });
    await expect(runs).toHaveText('');
    await expect(runs).toHaveAttribute('title', 'Runs (g then r)');
    // The wider page fits more columns.
    await expect.poll(() => page.getByRole('table', { name: 'Flow runs' }).getByRole('columnheader').count()).toBeGreaterThan(columnsBefore);
    expect(await clipped(page)).toEqual([]);

    await page.reload();
    await settled(page);
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(await mainWidth()).toBeGreaterThan(before + 100);
    // Go-to shortcuts still work with the sidebar collapsed.
    await new AppShell(page).pressSequence('g', 'f');
    await expect(page).toHaveURL(/\/flows$/);

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect.poll(mainWidth).toBe(before);
  });
});
