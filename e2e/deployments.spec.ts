import { expect, test } from './fixtures.ts';
import { getDeployment, getRun, reportDeployment } from './deployment-data.ts';
import { SchemaFormArea } from './pages/schema-form.ts';

test.use({ timezoneId: 'UTC' });

test('edit a cron schedule and see its next runs across a DST change', async ({ page, server }) => {
  const { deployment } = await reportDeployment(server, { schedules: [{ schedule: { cron: '0 9 * * *', timezone: 'America/New_York' } }] });
  await page.goto(`/deployments/deployment/${deployment.id}`);
  const schedules = page.getByRole('region', { name: 'Schedules' });
  await expect(schedules.getByText('At 09:00 (America/New_York)')).toBeVisible();

  await schedules.getByRole('button', { name: 'Edit schedule At 09:00 (America/New_York)' }).click();
  const editor = page.getByRole('region', { name: 'Edit schedule' });
  await editor.getByLabel('Cron expression').fill('30 2 * * *');
  await expect(editor.getByText('At 02:30', { exact: true })).toBeVisible();
  // A fixed start just before the spring-forward night of 2024 in New York.
  await editor.getByLabel('Preview from').fill('2024-03-08T12:00');
  const next = editor.getByRole('table', { name: 'Next runs' });
  const rows = next.getByRole('row');
  await expect(rows).toHaveCount(11);
  await expect(rows.nth(1)).toContainText('2024-03-09 02:30 EST');
  await expect(rows.nth(1)).toContainText('2024-03-09 07:30 UTC');
  // 02:30 does not exist on 10 March: the run fires at the end of the gap, 03:00 EDT.
  await expect(rows.nth(2)).toContainText('2024-03-10 03:00 EDT');
  await expect(rows.nth(2)).toContainText('clocks change: UTC-05:00 → UTC-04:00');
  await expect(rows.nth(3)).toContainText('2024-03-11 02:30 EDT');
  await expect(rows.nth(3)).toContainText('2024-03-11 06:30 UTC');

  await editor.getByRole('button', { name: 'Save schedule' }).click();
  await expect(schedules.getByText('At 02:30 (America/New_York)')).toBeVisible();
  const saved = await getDeployment(server, deployment.id);
  expect(saved.schedules).toHaveLength(1);
  expect(saved.schedules[0].schedule).toMatchObject({ cron: '30 2 * * *', timezone: 'America/New_York', day_or: true });
});

test('a custom run: an inline error first, fixed, then the run has exactly the parameters entered; run again prefills them', async ({ page, server }) => {
  const { deployment } = await reportDeployment(server);
  await page.goto(`/deployments/deployment/${deployment.id}`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('menuitem', { name: /Custom run/ }).click();
  await expect(page).toHaveURL(new RegExp(`/deployments/deployment/${deployment.id}/run$`));

  const form = new SchemaFormArea(page, 'Parameters');
  const start = page.getByRole('button', { name: 'Start run' });
  // The deployment's value and the flow's defaults are filled in.
  await expect(form.input('/report_date')).toHaveValue('2026-01-05');
  await expect(form.input('/thresholds/warn')).toHaveValue('0.8');

  // Nested object: an invalid value is reported at the field and at the top; the run cannot start.
  await form.input('/thresholds/warn').fill('-1');
  await expect(form.field('/thresholds/warn')).toContainText('Must be at least 0');
  await expect(form.summary).toContainText('Thresholds › Warn at: Must be at least 0');
  await expect(start).toBeDisabled();
  await expect(page.getByText(/1 field needs attention: Thresholds › Warn at/).last()).toBeVisible();
  await form.input('/thresholds/warn').fill('0.5');
  await expect(form.summary).toHaveCount(0);
  await expect(start).toBeEnabled();

  // Date, enum, list, multi-select, union, date-time in another zone, nullable.
  await form.input('/report_date').fill('2026-02-01');
  await form.field('/format').getByRole('radio', { name: 'pdf' }).check();
  await form.field('/recipients').getByRole('button', { name: 'Add item to Recipients' }).click();
  await form.input('/recipients/1').fill('team@example.com');
  await form.field('/regions').getByRole('checkbox', { name: 'ap-south' }).check();
  await form.field('/limit').getByLabel('Type of Row limit').selectOption({ label: 'integer' });
  await form.input('/limit').fill('250');
  await form.field('/window_start').getByLabel('Time zone of Window start').selectOption('Europe/Berlin');
  await form.input('/window_start').fill('2026-01-05T08:30:00');
  await expect(form.field('/window_start')).toContainText('Sent as 2026-01-05T08:30:00+01:00');
  await form.field('/note').getByRole('checkbox', { name: 'Note: no value (null)' }).uncheck();
  await form.input('/note').fill('hello');
  // The union keeps what was typed in each member.
  await form.field('/limit').getByLabel('Type of Row limit').selectOption({ label: '“all”' });
  await form.field('/limit').getByLabel('Type of Row limit').selectOption({ label: 'integer' });
  await expect(form.input('/limit')).toHaveValue('250');

  await page.getByLabel('Run name').fill('custom-report');
  await start.click();
  await expect(page).toHaveURL(/\/runs\/flow-run\//);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('custom-report');
  const runId = page.url().split('/runs/flow-run/')[1].split('?')[0];
  const run = await getRun(server, runId);
  const entered = {
    report_date: '2026-02-01',
    window_start: '2026-01-05T08:30:00+01:00',
    format: 'pdf',
    recipients: ['ops@example.com', 'team@example.com'],
    regions: ['eu-west', 'us-east', 'ap-south'],
    thresholds: { warn: 0.5, fail: 0.95 },
    limit: 250,
    note: 'hello',
  };
  expect(run.parameters).toEqual(entered);
  expect(run.deployment_id).toBe(deployment.id);

  // The run's Parameters tab labels the values with the schema's titles.
  await page.getByRole('tab', { name: 'Parameters' }).click();
  await expect(page.getByRole('table', { name: 'Parameters' }).getByText('Row limit')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Parameters' }).getByText('A number of rows, or "all"')).toBeVisible();

  // Run again: the custom-run form, prefilled with this run's parameters (not the defaults).
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('button', { name: 'Run again with these parameters' }).click();
  await expect(page).toHaveURL(new RegExp(`/deployments/deployment/${deployment.id}/run\\?from=${runId}`));
  const again = new SchemaFormArea(page, 'Parameters');
  await expect(again.input('/report_date')).toHaveValue('2026-02-01');
  await expect(again.field('/format').getByRole('radio', { name: 'pdf' })).toBeChecked();
  await expect(again.input('/limit')).toHaveValue('250');
  await expect(again.input('/thresholds/warn')).toHaveValue('0.5');
  expect(await again.json()).toEqual(entered);
  await page.getByRole('button', { name: 'Start run' }).click();
  await expect(page).toHaveURL(/\/runs\/flow-run\//);
  const second = await getRun(server, page.url().split('/runs/flow-run/')[1].split('?')[0]);
  expect(second.id).not.toBe(runId);
  expect(second.parameters).toEqual(entered);
});

test('edit a deployment: parameter defaults through the form, description and tags', async ({ page, server }) => {
  const { deployment } = await reportDeployment(server);
  await page.goto(`/deployments/deployment/${deployment.id}/edit`);
  const form = new SchemaFormArea(page, 'Parameter defaults');
  // Required parameters may stay empty in the defaults.
  await form.input('/report_date').fill('');
  await form.field('/format').getByRole('radio', { name: 'csv' }).check();
  await form.field('/thresholds').getByRole('button', { name: 'Set Thresholds' }).click();
  await form.input('/thresholds/warn').fill('0.7');
  await page.getByLabel('Description').fill('Weekday reports.\n\n**Owner:** data team');
  await page.getByLabel('Tags').fill('finance');
  await page.getByLabel('Tags').press('Enter');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(new RegExp(`/deployments/deployment/${deployment.id}$`));

  const saved = await getDeployment(server, deployment.id);
  expect(saved.parameters).toEqual({ regions: ['eu-west', 'us-east'], format: 'csv', thresholds: { warn: 0.7, fail: 0.95 } });
  await page.getByRole('tab', { name: 'Parameters' }).click();
  const table = page.getByRole('table', { name: 'Parameters' });
  await expect(table.getByRole('row').filter({ hasText: 'Format' })).toContainText('"csv"');
  await page.getByRole('tab', { name: 'Description' }).click();
  await expect(page.locator('.markdown strong')).toHaveText('Owner:');
});

test('quick run: starts with the defaults, or opens the form when a required parameter has no value', async ({ page, server }) => {
  const { deployment } = await reportDeployment(server, { parameters: {} });
  await page.goto(`/deployments/deployment/${deployment.id}`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('menuitem', { name: /Quick run/ }).click();
  await expect(page).toHaveURL(new RegExp(`/deployments/deployment/${deployment.id}/run$`));
  await expect(page.getByRole('alert').filter({ hasText: 'report_date needs a value' })).toBeVisible();

  const { deployment: ready } = await reportDeployment(server);
  await page.goto(`/deployments/deployment/${ready.id}`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('menuitem', { name: /Quick run/ }).click();
  await expect(page).toHaveURL(/\/runs\/flow-run\//);
  const run = await getRun(server, page.url().split('/runs/flow-run/')[1].split('?')[0]);
  expect(run.parameters).toEqual({ report_date: '2026-01-05', regions: ['eu-west', 'us-east'] });
});

test('the deployments list: search, filters in the URL, bulk pause; runs name their deployment and filter by it', async ({ page, server }) => {
  const { deployment: a } = await reportDeployment(server, { name: 'list-alpha', tags: ['finance'] });
  const { deployment: b } = await reportDeployment(server, { name: 'list-beta' });
  const run = await server.postJson<{ id: string; name: string }>(`/deployments/${a.id}/create_flow_run`, { name: 'alpha-run' });
  await page.goto('/deployments');
  await page.getByRole('textbox', { name: 'Search deployments' }).fill('list-');
  const table = page.getByRole('table', { name: 'Deployments' });
  await expect(table.getByRole('link', { name: 'list-alpha' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'list-beta' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Add a tag filter' }).fill('finance');
  await page.getByRole('textbox', { name: 'Add a tag filter' }).press('Enter');
  await expect(page).toHaveURL(/tag=/);
  await expect(table.getByRole('link', { name: 'list-beta' })).toHaveCount(0);
  await page.reload();
  await expect(table.getByRole('link', { name: 'list-alpha' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'list-beta' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Remove tag filter finance' }).click();

  await page.getByRole('checkbox', { name: 'Select list-alpha' }).check();
  await page.getByRole('checkbox', { name: 'Select list-beta' }).check();
  await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Paused 2 deployments.' })).toBeVisible();
  expect((await getDeployment(server, a.id)) as unknown).toMatchObject({ paused: true });
  expect((await getDeployment(server, b.id)) as unknown).toMatchObject({ paused: true });

  // The runs table names the deployment (one request for the page) and filters by it.
  await page.goto(`/runs?deployment=${encodeURIComponent(JSON.stringify([a.id]))}`);
  const runs = page.getByRole('table', { name: 'Flow runs' });
  const row = runs.getByRole('row').filter({ has: page.getByRole('link', { name: run.name, exact: true }) });
  await expect(row.getByRole('link', { name: 'list-alpha' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Filters' }).getByRole('button', { name: 'Deployments' })).toHaveText(/Deployments \(1\)/);
});

test('a block parameter: pick a saved block, or create one inline and use it', async ({ page, server }) => {
  const creds = {
    title: 'DatabaseCredentials',
    block_type_slug: 'database-credentials',
    type: 'object',
    properties: { user: { title: 'User', type: 'string' }, password: { title: 'Password', type: 'string', format: 'password', writeOnly: true } },
    required: ['user', 'password'],
  };
  const schema = { title: 'Parameters', type: 'object', properties: { warehouse: { title: 'Warehouse login', position: 0, allOf: [{ $ref: '#/definitions/DatabaseCredentials' }] } }, required: ['warehouse'], definitions: { DatabaseCredentials: creds } };
  const { deployment } = await reportDeployment(server, { parameter_openapi_schema: schema, parameters: {}, enforce_parameter_schema: false });
  const type = await server.getJson<{ id: string }>('/block_types/slug/database-credentials');
  const [blockSchema] = await server.postJson<{ id: string }[]>('/block_schemas/filter', { block_schemas: { block_type_id: { any_: [type.id] } }, limit: 1 });
  const saved = await server.postJson<{ id: string }>('/block_documents/', { name: 'existing-login', data: { user: 'u', password: 'p' }, block_schema_id: blockSchema.id, block_type_id: type.id });
  await page.goto(`/deployments/deployment/${deployment.id}/run`);
  const form = new SchemaFormArea(page, 'Parameters');
  const field = form.field('/warehouse');
  const chosen = field.getByRole('combobox').locator('option:checked');
  await expect(field).toHaveAttribute('data-widget', 'block-ref');
  await expect(form.summary).toContainText('Warehouse login: Required');
  await field.getByRole('combobox').selectOption({ label: 'existing-login' });
  await expect(form.summary).toHaveCount(0);
  expect(await form.json()).toEqual({ warehouse: { $ref: { block_document_id: saved.id } } });

  await field.getByRole('button', { name: 'New database-credentials block' }).click();
  const panel = page.getByRole('region', { name: 'New database-credentials block for Warehouse login' });
  await panel.getByLabel('Block name').fill('reporting-login');
  await panel.locator('[data-field="/user"] input').fill('reporter');
  await panel.locator('[data-field="/password"] input').fill('s3cret-value');
  await panel.getByRole('button', { name: 'Create and use this block' }).click();
  await expect(panel).toHaveCount(0);
  await expect(chosen).toHaveText('reporting-login');
  await expect(form.summary).toHaveCount(0);

  await page.getByRole('button', { name: 'Start run' }).click();
  await expect(page).toHaveURL(/\/runs\/flow-run\//);
  const run = await getRun(server, page.url().split('/runs/flow-run/')[1].split('?')[0]);
  const docs = await server.postJson<{ id: string; name: string }[]>('/block_documents/filter', { block_documents: { name: { any_: ['reporting-login'] } } });
  expect(docs).toHaveLength(1);
  expect(run.parameters).toEqual({ warehouse: { $ref: { block_document_id: docs[0].id } } });
});
