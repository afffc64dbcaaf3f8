import type { Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { createFlow, createFlowRun } from './data.ts';

interface ArtifactT {
  id: string;
  key: string | null;
  created: string;
}

const suffix = () => Math.random().toString(36).slice(2, 8);

/** Any `alert()` from artifact content would be an XSS hole. */
function failOnDialogs(page: Page) {
  page.on('dialog', (dialog) => {
    throw new Error(`artifact content opened a ${dialog.type()} dialog: ${dialog.message()}`);
  });
}

test('markdown, table and link artifacts render, unsafe markdown is sanitized, and a key keeps its versions', async ({ page, server }) => {
  failOnDialogs(page);
  const s = suffix();
  const flow = await createFlow(server, `reporting-${s}`);
  const run = await createFlowRun(server, flow.id, { name: `report-run-${s}` });
  const create = (body: Record<string, unknown>) => server.postJson<ArtifactT>('/artifacts/', { flow_run_id: run.id, ...body });
  const first = await create({ key: `report-${s}`, type: 'markdown', description: 'First run', data: '# Old report\n\nStale numbers.' });
  await create({
    key: `report-${s}`,
    type: 'markdown',
    description: 'Nightly summary',
    data: `# Daily report\n\nAll **42** tables loaded.\n\n<img src="x" onerror="window.__xss = 1; alert(1)"><script>window.__xss = 2; alert(2)</script>\n\n[click me](javascript:alert(3))`,
  });
  await create({ key: `rows-${s}`, type: 'table', data: JSON.stringify([{ table: 'orders', rows: 1204 }, { table: 'customers', rows: 88 }]) });
  await create({ key: `link-${s}`, type: 'link', data: '[Open the BI dashboard](https://bi.example.com/d/42)' });
  await create({ key: `result-${s}`, type: 'result', data: { value: 1 } });

  await page.goto('/artifacts');
  const table = page.getByRole('table', { name: 'Artifacts' });
  // Results are hidden unless their type is chosen.
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row', { name: new RegExp(`report-${s}`) })).toContainText('markdown');
  await expect(table.getByRole('row', { name: new RegExp(`report-${s}`) })).toContainText(`report-run-${s}`);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('combobox', { name: 'Type' }).selectOption('table');
  await expect(page).toHaveURL(/type=table/);
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row', { name: new RegExp(`rows-${s}`) })).toBeVisible();
  await page.getByRole('combobox', { name: 'Type' }).selectOption('');
  await page.getByLabel('Search artifacts').fill(`link-${s}`);
  await expect(table.getByRole('row')).toHaveCount(2);
  await table.getByRole('link', { name: `link-${s}` }).click();

  // A link artifact: a real link, nothing else.
  await expect(page).toHaveURL(new RegExp(`/artifacts/key/link-${s}$`));
  await expect(page.getByRole('link', { name: 'Open the BI dashboard' })).toHaveAttribute('href', 'https://bi.example.com/d/42');

  // A table artifact: columns and rows.
  await page.goto(`/artifacts/key/rows-${s}`);
  const rows = page.getByRole('table', { name: `rows-${s}` });
  await expect(rows.getByRole('columnheader')).toHaveText(['table', 'rows']);
  await expect(rows.getByRole('row').nth(1)).toHaveText('orders1204');
  await expect(rows.getByRole('row').nth(2)).toHaveText('customers88');

  // Markdown: rendered, with the script, the event handler and the javascript: link removed.
  await page.goto(`/artifacts/key/report-${s}`);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Daily report' })).toBeVisible();
  await expect(main.locator('strong', { hasText: '42' })).toBeVisible();
  await expect(main.locator('script')).toHaveCount(0);
  await expect(main.locator('[onerror]')).toHaveCount(0);
  await expect(main.locator('a[href^="javascript:"]')).toHaveCount(0);
  expect(await page.evaluate<unknown>('window.__xss')).toBeUndefined();
  expect(await axeViolations(page)).toEqual([]);

  // Version history: newest first, the latest marked; the older version has its own page.
  const versions = page.getByRole('table', { name: 'Versions' });
  await expect(versions.getByRole('row')).toHaveCount(3);
  await expect(versions.getByRole('row').nth(1)).toContainText('Nightly summary');
  await expect(versions.getByRole('row').nth(1)).toContainText('latest');
  await expect(versions.getByRole('row').nth(2)).toContainText('First run');
  await versions.getByRole('row').nth(2).getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/artifacts/artifact/${first.id}$`));
  await expect(page.getByText('older version')).toBeVisible();
  await expect(main.getByRole('heading', { name: 'Old report' })).toBeVisible();
  await page.getByRole('link', { name: 'See the latest and the history' }).click();
  await expect(page).toHaveURL(new RegExp(`/artifacts/key/report-${s}$`));

  // The run that made it.
  await main.getByRole('link', { name: `report-run-${s}` }).first().click();
  await expect(page).toHaveURL(new RegExp(`/runs/flow-run/${run.id}`));

  // The run page lists what the run published (not its result).
  await page.getByRole('tab', { name: /Artifacts/ }).click();
  const published = page.getByRole('table', { name: 'Artifacts of this run' });
  await expect(published.getByRole('row')).toHaveCount(5);
  await expect(published.getByRole('link', { name: `rows-${s}` })).toBeVisible();
  await expect(published.getByRole('link', { name: `result-${s}` })).toHaveCount(0);
});

test.describe('missing artifacts', () => {
  test.use({ allowedFailingUrls: ['/api/artifacts/'] });

  test('an unknown key or id says so', async ({ page }) => {
    await page.goto('/artifacts/key/no-such-key');
    await expect(page.getByRole('heading', { name: 'Artifact not found' })).toBeVisible();
    await expect(page.getByText('No artifact has the key “no-such-key”.')).toBeVisible();
    await page.goto('/artifacts/artifact/not-a-uuid');
    await expect(page.getByText('No artifact has the id “not-a-uuid”.')).toBeVisible();
  });
});
