import { createFlow, createFlowRuns } from './data.ts';
import { expect, test } from './fixtures.ts';
import { CommandPalette } from './pages/palette.ts';
import { AppShell } from './pages/shell.ts';

const RUNS = 10_000;
let seededFlow: string | undefined;

// The server is shared with the specs this worker runs next: take the 10,000 runs away again (deleting the flow deletes its runs).
test.afterAll(async ({ server }) => {
  if (seededFlow) expect((await fetch(`${server.api}/flows/${seededFlow}`, { method: 'DELETE' })).ok).toBe(true);
});
const NEEDLE = 'needle-otter-4821';

test('with 10,000 flow runs the palette finds one by a fragment of its name, by its id or the start of it; Enter opens it', async ({ page, server }) => {
  test.setTimeout(240_000);
  const flow = await createFlow(server, 'palette-bulk-flow');
  seededFlow = flow.id;
  const names = Array.from({ length: RUNS }, (_, i) => (i === 6_000 ? NEEDLE : `palette-seed-${i}`));
  const runs = await createFlowRuns(server, flow.id, names);
  expect(await server.postJson<number>('/flow_runs/count', {})).toBeGreaterThanOrEqual(RUNS);
  const needle = runs[6_000];

  await page.goto('/dashboard');
  const palette = new CommandPalette(page);
  await palette.open();
  await expect(palette.input).toBeFocused();
  await palette.input.fill('otter-48');
  const option = palette.option(new RegExp(NEEDLE));
  await expect(option).toBeVisible();
  // The search ran on the server: only the matching run is listed, under its heading.
  await expect(palette.group('Flow runs').getByRole('option')).toHaveCount(1);
  await expect(palette.selected()).toContainText(NEEDLE);
  await expect(palette.input).toHaveAttribute('aria-activedescendant', (await palette.selected().getAttribute('id'))!);
  await palette.input.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/runs/flow-run/${needle.id}`));
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(NEEDLE);
  await expect(palette.dialog).toBeHidden();

  // A full id finds that run even though its name does not contain it.
  const other = runs[1234];
  await page.getByRole('button', { name: /Search or jump to/ }).click();
  await palette.input.fill(other.id);
  await expect(palette.group('Flow runs').getByRole('option')).toHaveCount(1);
  await expect(palette.group('Flow runs')).toContainText('palette-seed-1234');
  await palette.input.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/runs/flow-run/${other.id}`));

  // So does the start of an id, as the pages show it shortened (the server's id-prefix extension).
  const third = runs[4321];
  await palette.open();
  await palette.input.fill(third.id.slice(0, 13));
  await expect(palette.group('Flow runs').getByRole('option')).toHaveCount(1);
  await expect(palette.selected()).toContainText('palette-seed-4321');
  await palette.input.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/runs/flow-run/${third.id}`));

  // Nothing found: said so.
  await palette.open();
  await palette.input.fill('no-such-thing-qq');
  await expect(palette.dialog.getByText('Nothing matches “no-such-thing-qq”')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette.dialog).toBeHidden();
});

test('the palette opens a deployment and quick-runs it', async ({ page, server }) => {
  const flow = await createFlow(server, 'palette-deploy-flow');
  const deployment = await server.postJson<{ id: string; name: string }>('/deployments/', { name: 'palette-nightly-sync', flow_id: flow.id });
  await page.goto('/runs');
  const palette = new CommandPalette(page);
  await palette.open();
  await palette.input.fill('nightly-sy');
  const open = palette.group('Deployments').getByRole('option', { name: /palette-nightly-sync/ });
  await expect(open).toBeVisible();
  await palette.choose(open);
  await expect(page).toHaveURL(new RegExp(`/deployments/deployment/${deployment.id}`));
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toContainText('palette-nightly-sync');

  await palette.open();
  await palette.input.fill('nightly-sy');
  const run = palette.option(/Run palette-nightly-sync/);
  await expect(run).toBeVisible();
  await palette.choose(run);
  await expect(page).toHaveURL(/\/runs\/flow-run\//);
  const runId = new URL(page.url()).pathname.split('/').at(-1)!;
  const created = await server.getJson<{ deployment_id: string; name: string }>(`/flow_runs/${runId}`);
  expect(created.deployment_id).toBe(deployment.id);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(created.name);
});

test('the palette switches the theme and the time zone', async ({ page }) => {
  const shell = new AppShell(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/flows');
  const light = await shell.backgroundColor();
  const palette = new CommandPalette(page);
  await palette.open();
  await palette.input.fill('dark');
  await expect(palette.selected()).toHaveText(/Switch to Dark theme/);
  await palette.input.press('Enter');
  await expect(palette.dialog).toBeHidden();
  await expect.poll(() => shell.backgroundColor()).not.toBe(light);
  // The toggle in the top bar shows the same choice.
  await expect(shell.themeButton('Dark')).toHaveAttribute('aria-pressed', 'true');

  // Typing right after Ctrl K loses no key: the field has the focus as the dialog opens.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('tokyo');
  await expect(palette.input).toHaveValue('tokyo');
  await expect(palette.selected()).toHaveText(/Show times in Asia\/Tokyo/);
  await palette.input.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Asia/Tokyo');
});

test('the palette jumps to a work pool and to a block document', async ({ page, server }) => {
  await server.postJson('/work_pools/', { name: 'palette-gpu-pool', type: 'process' });
  const type = await server.getJson<{ id: string }>('/block_types/slug/secret');
  const [schema] = await server.postJson<{ id: string }[]>('/block_schemas/filter', { block_schemas: { block_type_id: { any_: [type.id] } }, limit: 1 });
  const block = await server.postJson<{ id: string }>('/block_documents/', { name: 'palette-api-token', block_schema_id: schema.id, block_type_id: type.id, data: { value: 's3cr3t' } });
  await page.goto('/flows');
  const palette = new CommandPalette(page);
  await palette.open();
  await palette.input.fill('gpu-po');
  await palette.choose(palette.group('Work pools').getByRole('option', { name: /palette-gpu-pool/ }));
  await expect(page).toHaveURL(/\/work-pools\/work-pool\/palette-gpu-pool/);

  await palette.open();
  await palette.input.fill('api-tok');
  const option = palette.group('Blocks').getByRole('option', { name: /palette-api-token/ });
  await expect(option).toContainText('Secret');
  await palette.choose(option);
  await expect(page).toHaveURL(new RegExp(`/blocks/block/${block.id}`));
  // The secret never reaches the palette or the page.
  await expect(page.getByText('s3cr3t')).toHaveCount(0);
});
