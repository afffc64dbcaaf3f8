import type { Page, Response } from '@playwright/test';
import { expect, test, type SyntaskServer } from './fixtures.ts';
import { SchemaFormArea } from './pages/schema-form.ts';

interface Doc {
  id: string;
  name: string;
  data: Record<string, unknown>;
  block_document_references: Record<string, { block_document: { id: string } }>;
}

async function createBlock(server: SyntaskServer, slug: string, name: string, data: Record<string, unknown>): Promise<Doc> {
  const type = await server.getJson<{ id: string }>(`/block_types/slug/${slug}`);
  const [schema] = await server.postJson<{ id: string }[]>('/block_schemas/filter', { block_schemas: { block_type_id: { any_: [type.id] } }, limit: 1 });
  return server.postJson<Doc>('/block_documents/', { name, data, block_schema_id: schema.id, block_type_id: type.id });
}

async function deleteAllBlocks(server: SyntaskServer) {
  const docs = await server.postJson<Doc[]>('/block_documents/filter', { block_documents: { is_anonymous: null }, limit: 200 });
  for (const d of docs) await fetch(`${server.api}/block_documents/${d.id}`, { method: 'DELETE' });
}

/** Every response body the page receives, to prove a secret never reaches the browser. */
function recordResponses(page: Page) {
  const bodies: Promise<string>[] = [];
  // A live stream never ends, so its body never resolves; it names changed resources only (server/api/live.test.ts).
  page.on('response', (response: Response) => {
    if (!response.headers()['content-type']?.startsWith('text/event-stream')) bodies.push(response.text().catch(() => ''));
  });
  return { all: async () => Promise.all(bodies) };
}

test('create a connection with new credentials inline, edit it without retyping the secret: the secret never reaches the page and stays stored', async ({ page, server }) => {
  const secret = 'pw-Zq81-never-shown';
  const responses = recordResponses(page);
  const noSecretInPage = async () => expect(await page.content()).not.toContain(secret);

  await page.goto('/blocks/catalog/database-connection/create');
  await expect(page.getByRole('heading', { name: 'New Database Connection block' })).toBeVisible();
  await page.getByLabel('Block name').fill('warehouse-main');
  const form = new SchemaFormArea(page, 'Database Connection values');
  await form.input('/host').fill('db.internal');
  await form.input('/database').fill('dw');
  await expect(form.input('/port')).toHaveValue('5432');

  // The credentials: a new Database Credentials block, created inline and then selected.
  const credentials = form.field('/credentials');
  await credentials.getByRole('button', { name: 'New database-credentials block' }).click();
  const panel = page.getByRole('region', { name: 'New database-credentials block for Credentials' });
  await panel.getByLabel('Block name').fill('Warehouse-Login');
  await expect(panel.getByText('Use lower-case letters only (no capitals).')).toBeVisible();
  await panel.getByLabel('Block name').fill('warehouse-login');
  await panel.locator('[data-field="/user"] input').fill('etl');
  const password = panel.locator('[data-field="/password"] input');
  await expect(password).toHaveAttribute('type', 'password');
  await password.fill(secret);
  await panel.getByRole('button', { name: 'Create and use this block' }).click();
  await expect(panel).toHaveCount(0);
  await expect(credentials.getByRole('combobox').locator('option:checked')).toHaveText('warehouse-login');
  await noSecretInPage();

  await page.getByRole('button', { name: 'Create block' }).click();
  await expect(page).toHaveURL(/\/blocks\/block\/[0-9a-f-]{36}$/);
  const connectionId = page.url().split('/blocks/block/')[1];
  await expect(page.getByRole('heading', { name: 'warehouse-main' })).toBeVisible();
  const values = page.getByRole('definition').filter({ hasText: 'warehouse-login' });
  await expect(values).toContainText('Database Credentials block');
  await noSecretInPage();

  // Edit: change the port only; the password is not retyped.
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: 'Edit warehouse-main' })).toBeVisible();
  const editForm = new SchemaFormArea(page, 'Database Connection values');
  await expect(editForm.field('/credentials').getByRole('combobox').locator('option:checked')).toHaveText('warehouse-login');
  await editForm.input('/port').fill('6543');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(new RegExp(`/blocks/block/${connectionId}$`));
  await expect(page.getByRole('definition').filter({ hasText: '6543' })).toBeVisible();
  await noSecretInPage();

  // The credentials block: its password masked, and the connection listed as referencing it.
  await page.getByRole('link', { name: 'warehouse-login' }).first().click();
  await expect(page.getByRole('heading', { name: 'warehouse-login' })).toBeVisible();
  await expect(page.getByText('secret, stored encrypted')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Blocks that reference this block' }).getByRole('link', { name: 'warehouse-main' })).toBeVisible();
  await noSecretInPage();

  for (const body of await responses.all()) expect(body).not.toContain(secret);

  // Stored as entered: the secret unchanged, the port changed, the reference kept.
  const connection = await server.getJson<Doc>(`/block_documents/${connectionId}?include_secrets=true`);
  expect(connection.data).toMatchObject({ host: 'db.internal', port: 6543, database: 'dw', credentials: { user: 'etl', password: secret } });
  const credentialsId = connection.block_document_references.credentials.block_document.id;
  const stored = await server.getJson<Doc>(`/block_documents/${credentialsId}?include_secrets=true`);
  expect(stored.name).toBe('warehouse-login');
  expect(stored.data).toEqual({ user: 'etl', password: secret });
});

test.describe('name errors', () => {
  // The 409 of a taken name is provoked on purpose.
  test.use({ allowedFailingUrls: ['/api/block_documents/'] });

  test('block name errors are inline and keep what was typed; a taken name is named at the field', async ({ page, server }) => {
  await createBlock(server, 'string', 'taken-name', { value: 'x' });
  await page.goto('/blocks/catalog/string/create');
  const name = page.getByLabel('Block name');
  await name.fill('Export Bucket');
  await expect(page.getByText('Use only lower-case letters, digits and dashes (no spaces or other characters).')).toBeVisible();
  await expect(name).toHaveValue('Export Bucket');
  await name.fill('taken-name');
  await new SchemaFormArea(page, 'String values').input('/value').fill('s3://bucket');
  await page.getByRole('button', { name: 'Create block' }).click();
  await expect(page.getByText('A String block named “taken-name” already exists; choose another name.')).toBeVisible();
  await expect(name).toHaveValue('taken-name');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
});
});

test('catalog: search and capability filter, a type page with its documentation and example, no request leaves the server', async ({ page, server }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) foreign.push(request.url());
  });
  // A block type registered with a logo on another host: shown with the local icon, never fetched.
  const suffix = Date.now().toString(36);
  await server.postJson('/block_types/', { name: `Acme Widget ${suffix}`, slug: `acme-widget-${suffix}`, logo_url: 'https://cdn.example.com/acme.png', description: 'A third-party block type.' });
  await page.goto('/blocks/catalog');
  const types = page.getByRole('list', { name: 'Block types' });
  await expect(page.getByRole('listitem', { name: `Acme Widget ${suffix}` })).toBeVisible();
  await expect(page.getByRole('listitem', { name: `Acme Widget ${suffix}` }).locator('img')).toHaveCount(0);
  const cards = types.getByRole('listitem');
  await expect(cards.first()).toBeVisible();
  const all = await cards.count();
  expect(all).toBeGreaterThanOrEqual(10);
  // Built-in logos come from this server.
  await expect(page.getByRole('listitem', { name: 'Webhook', exact: true }).locator('img')).toHaveAttribute('src', '/api/ui/block-logos/webhook.svg');

  await page.getByLabel('Search block types').fill('webhook');
  await expect(page).toHaveURL(/q=webhook/);
  await expect(cards).toHaveCount(2);
  await expect(types).toContainText('Custom Webhook Notification');

  await page.getByLabel('Search block types').fill('');
  await expect(cards).toHaveCount(all);
  await page.getByLabel('Capability').selectOption('read-path');
  await expect(page).toHaveURL(/capability=read-path/);
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('Local File System');
  await page.getByLabel('Search block types').fill('secret');
  await expect(page.getByText('No block type matches these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(cards).toHaveCount(all);

  await page.getByRole('link', { name: 'Details of Database Credentials' }).click();
  await expect(page).toHaveURL(/\/blocks\/catalog\/database-credentials$/);
  await expect(page.getByRole('heading', { name: 'Database Credentials' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Database Credentials documentation/ })).toHaveAttribute('href', /^https:\/\/docs\.syntask\.io\/.+#database-credentials$/);
  await expect(page.getByText("await Block.load('database-credentials/prod')")).toBeVisible();
  const fields = page.getByRole('table', { name: 'Fields' });
  await expect(fields.getByRole('row', { name: /Password/ })).toContainText('secret');
  await page.getByRole('link', { name: 'Create Database Credentials block' }).click();
  await expect(page).toHaveURL(/\/blocks\/catalog\/database-credentials\/create$/);
  expect(foreign).toEqual([]);
});

test('list: an empty state that leads to the catalog, filters by type, capability and name, bulk delete after confirming', async ({ page, server }) => {
  await deleteAllBlocks(server);
  await page.goto('/blocks');
  await expect(page.getByRole('heading', { name: 'No blocks yet' })).toBeVisible();
  await page.getByRole('link', { name: 'Browse the block catalog' }).click();
  await expect(page).toHaveURL(/\/blocks\/catalog$/);

  await createBlock(server, 'secret', 'api-key', { value: 'k-123' });
  await createBlock(server, 'json', 'etl-settings', { value: { batch: 10 } });
  await createBlock(server, 'string', 'export-bucket', { value: 's3://exports' });
  await createBlock(server, 'webhook', 'deploy-hook', { url: 'https://hooks.example/x', method: 'POST' });
  await page.goto('/blocks');
  const table = page.getByRole('table', { name: 'Blocks' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  const filters = page.getByRole('group', { name: 'Filters' });

  await filters.getByRole('button', { name: 'Block types' }).click();
  await page.getByRole('checkbox', { name: 'Secret' }).check();
  await expect(page).toHaveURL(/type=.*secret/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('api-key');
  await page.getByRole('checkbox', { name: 'String' }).check();
  await expect(rows).toHaveCount(2);
  await page.keyboard.press('Escape');

  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(4);
  await filters.getByLabel('Capability').selectOption('notify');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('deploy-hook');
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await filters.getByLabel('Search blocks').fill('set');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('etl-settings');
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(4);

  await table.getByRole('checkbox', { name: 'Select etl-settings' }).check();
  await table.getByRole('checkbox', { name: 'Select export-bucket' }).check();
  await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete blocks' });
  await expect(dialog).toContainText('etl-settings, export-bucket');
  // Keeping them deletes nothing.
  await dialog.getByRole('button', { name: 'Keep' }).click();
  await expect(rows).toHaveCount(4);
  await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Delete' }).click();
  await dialog.getByRole('button', { name: 'Delete 2 blocks' }).click();
  await expect(page.getByText('Deleted 2 blocks.')).toBeVisible();
  await expect(rows).toHaveCount(2);
  const left = await server.postJson<Doc[]>('/block_documents/filter', {});
  expect(left.map((d) => d.name).sort()).toEqual(['api-key', 'deploy-hook']);
});

test('unsaved changes: leaving asks first, staying keeps the input, leaving discards it; a saved form leaves freely', async ({ page, server }) => {
  const doc = await createBlock(server, 'string', 'guarded-value', { value: 'before' });
  await page.goto(`/blocks/block/${doc.id}/edit`);
  const form = new SchemaFormArea(page, 'String values');
  await form.input('/value').fill('after');
  await page.getByRole('link', { name: 'Blocks', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/blocks/block/${doc.id}/edit$`));
  await expect(form.input('/value')).toHaveValue('after');

  // Closing the tab or reloading gets the browser's own prompt: the page cancels beforeunload.
  const unloadCancelled = () => page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    (globalThis as unknown as EventTarget).dispatchEvent(event);
    return event.defaultPrevented;
  });
  expect(await unloadCancelled()).toBe(true);

  await page.getByRole('link', { name: 'Cancel' }).click();
  await dialog.getByRole('button', { name: 'Leave and discard changes' }).click();
  await expect(page).toHaveURL(new RegExp(`/blocks/block/${doc.id}$`));
  expect((await server.getJson<Doc>(`/block_documents/${doc.id}`)).data.value).toBe('before');

  await page.getByRole('link', { name: 'Edit' }).click();
  await form.input('/value').fill('saved');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(new RegExp(`/blocks/block/${doc.id}$`));
  await expect(dialog).toHaveCount(0);
  expect(await unloadCancelled()).toBe(false);
  expect((await server.getJson<Doc>(`/block_documents/${doc.id}`)).data.value).toBe('saved');

  // Deleting from the block page goes back to the list without asking for the deleted block again.
  await page.getByRole('button', { name: 'Delete block' }).click();
  await page.getByRole('dialog', { name: 'Delete block' }).getByRole('button', { name: 'Delete block' }).click();
  await expect(page).toHaveURL(/\/blocks$/);
  await expect(page.getByText('Deleted guarded-value.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'guarded-value' })).toHaveCount(0);
});
