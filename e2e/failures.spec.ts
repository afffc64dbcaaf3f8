import { axeViolations } from './axe.ts';
import { createFlow, createFlowRun, setFlowState } from './data.ts';
import { expect, test } from './fixtures.ts';

/** Failures grouped by cause (issue 20 part 1): the invoice-check failures are one group that opens its runs. */

test('failures of one cause with different values are one group with its count; it opens the failed runs', async ({ page, server }) => {
  const suffix = Math.random().toString(36).slice(2, 8);
  const invoices = await createFlow(server, `invoice-check-${suffix}`);
  const etl = await createFlow(server, `etl-${suffix}`);
  const fail = async (flowId: string, message: string) => {
    const run = await createFlowRun(server, flowId, { state: { type: 'RUNNING' }, tags: [`night-${suffix}`] });
    await setFlowState(server, run.id, { type: 'FAILED', message });
    return run;
  };
  const failed = [];
  for (const [raw, row] of [['n/a', 17], ['', 93], ['12,5', 4]] as const) failed.push(await fail(invoices.id, `Flow run encountered an exception: TypeError: Cannot parse amount "${raw}" in row ${row} of invoices.csv`));
  await fail(etl.id, 'Flow run encountered an exception: Error: FX rates API answered 503 Service Unavailable');

  await page.goto(`/failures?flow=${invoices.id}&flow=${etl.id}`);
  const groups = page.getByRole('list', { name: 'Failure groups' });
  const invoiceGroup = groups.getByRole('listitem', { name: 'TypeError: Cannot parse amount <str> in row <n> of invoices.csv' });
  // The first answer waits for the server's flags and the grouping query: give a busy machine time.
  await expect(invoiceGroup.getByLabel('3 failures')).toBeVisible({ timeout: 20_000 });
  await expect(groups.getByRole('listitem')).toHaveCount(2);
  await expect(invoiceGroup.getByRole('link', { name: invoices.name })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await invoiceGroup.getByRole('link', { name: 'Show failed runs' }).click();
  await expect(page).toHaveURL(/\/runs\?/);
  const table = page.getByRole('table').first();
  for (const run of failed) await expect(table.getByRole('link', { name: run.name })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(failed.length + 1);

  // The dashboard's panel: the top causes in its range (tag-filtered to this test's runs).
  await page.goto(`/dashboard?tag=${encodeURIComponent(JSON.stringify([`night-${suffix}`]))}`);
  const panel = page.getByLabel('Failures by cause');
  await expect(panel.getByRole('link', { name: 'TypeError: Cannot parse amount <str> in row <n> of invoices.csv' })).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByText('3×')).toBeVisible();

  // In the navigation.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Failures' }).click();
  await expect(page.getByRole('heading', { name: 'Failures' })).toBeVisible();
});
