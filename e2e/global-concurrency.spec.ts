import { expect, test } from './fixtures.ts';

interface GlobalLimitT {
  id: string;
  name: string;
  active: boolean;
  limit: number;
  active_slots: number;
  denied_slots: number;
}

// The form's refusals (a negative limit, a taken name) are provoked on purpose.
test.use({ allowedFailingUrls: [/\/api\/v2\/concurrency_limits\/?$/] });

/** Slots are taken and given back the way running flows do it (the SDK's `concurrency()` calls these). */
const slots = (api: string, op: 'increment' | 'decrement', name: string, count: number) =>
  fetch(`${api}/v2/concurrency_limits/${op}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ names: [name], slots: count }) });

test('create a global limit with an inline error, watch its slots fill and drain, count a denial, edit, deactivate and delete it', async ({ page, server }) => {
  const name = `warehouse-db-${Math.random().toString(36).slice(2, 8)}`;
  await page.goto('/concurrency-limits');
  await page.getByRole('tab', { name: 'Global' }).click();
  await expect(page).toHaveURL(/[?&]tab=global/);
  await expect(page.getByRole('heading', { name: 'No global limits yet' })).toBeVisible();

  await page.getByRole('button', { name: 'New global limit' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New global limit' });
  const nameBox = dialog.getByRole('textbox', { name: 'Name' });
  const limitBox = dialog.getByRole('textbox', { name: 'Limit', exact: true });
  await nameBox.fill(name);
  await limitBox.fill('-1');
  await dialog.getByRole('button', { name: 'Create limit' }).click();
  // The server's rule, next to the field, with what was typed kept.
  await expect(dialog.getByText('Limit: must be 0 or more')).toBeVisible();
  await expect(nameBox).toHaveValue(name);
  await expect(limitBox).toHaveValue('-1');
  await limitBox.fill('2');
  await expect(dialog.getByText('Limit: must be 0 or more')).toBeHidden();
  await dialog.getByRole('button', { name: 'Create limit' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('table', { name: 'Global concurrency limits' }).getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('0 / 2');
  await expect(row).toContainText('Concurrency');
  await expect(row.getByRole('switch', { name: `Active: ${name}` })).toBeChecked();

  // A second limit with the name is refused beside the name.
  await page.getByRole('button', { name: 'New global limit' }).click();
  await nameBox.fill(name);
  await limitBox.fill('5');
  await dialog.getByRole('button', { name: 'Create limit' }).click();
  await expect(dialog.getByText(`Name: A concurrency limit named "${name}" already exists.`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Two flows hold a slot each: the page catches up without a reload.
  for (let i = 0; i < 2; i++) expect((await slots(server.api, 'increment', name, 1)).status).toBe(200);
  const meter = row.getByRole('meter', { name: `Slots in use of ${name}` });
  await expect(meter).toHaveAttribute('aria-valuenow', '2', { timeout: 10_000 });
  await expect(row).toContainText('2 / 2');
  await expect(row).toContainText('full');

  // A third is turned away (423 with Retry-After) and counted.
  const denied = await slots(server.api, 'increment', name, 1);
  expect(denied.status).toBe(423);
  expect(Number(denied.headers.get('retry-after'))).toBeGreaterThan(0);
  await expect(row.getByTitle('Slots refused because the limit was full')).toHaveText('1', { timeout: 10_000 });

  // Both give their slots back.
  expect((await slots(server.api, 'decrement', name, 2)).status).toBe(200);
  await expect(meter).toHaveAttribute('aria-valuenow', '0', { timeout: 10_000 });
  await expect(row).toContainText('0 / 2');

  // Make it a rate limit.
  await page.getByRole('button', { name: `Edit ${name}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${name}` });
  await expect(edit.getByRole('textbox', { name: 'Limit', exact: true })).toHaveValue('2');
  await edit.getByRole('textbox', { name: 'Slot decay per second' }).fill('1');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('Rate limit · 1/s');

  // The tab survives a reload.
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Global' })).toHaveAttribute('aria-selected', 'true');

  await row.getByRole('switch', { name: `Active: ${name}` }).click();
  await expect(row.getByRole('switch', { name: `Active: ${name}` })).not.toBeChecked();
  expect(await server.getJson<GlobalLimitT>(`/v2/concurrency_limits/${name}`)).toMatchObject({ active: false, limit: 2, denied_slots: 1 });

  await page.getByRole('button', { name: `Delete ${name}` }).click();
  await page.getByRole('dialog', { name: 'Delete global limit' }).getByRole('button', { name: 'Delete limit' }).click();
  await expect(row).toBeHidden();
  await expect(page.getByRole('heading', { name: 'No global limits yet' })).toBeVisible();

  // Back to the tag limits: the default tab leaves the URL clean.
  await page.getByRole('tab', { name: 'Task runs by tag' }).click();
  await expect(page).not.toHaveURL(/tab=/);
  await expect(page.getByRole('heading', { name: 'Task concurrency limits' })).toBeVisible();
});
