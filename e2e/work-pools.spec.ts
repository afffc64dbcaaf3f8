import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { axeViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { FlowRunPage } from './pages/flow-run.ts';
import { SchemaFormArea } from './pages/schema-form.ts';

const REPO_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const run = promisify(execFile);
const suffix = () => Math.random().toString(36).slice(2, 8);

/** A flow that reports the environment variable the pool's job template sets, deployed with `syntask deploy`. */
function writeProject(pool: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'syntask-pool-e2e-'));
  // An ES module project, as `npm init` + `"type": "module"` makes one.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'pool-e2e', private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'pool_flow.ts'),
    [
      `import { flow, getRunLogger } from ${JSON.stringify(join(REPO_ROOT, 'sdk', 'index.ts'))};`,
      `export const poolCheck = flow({ name: 'pool-check' }, async () => {`,
      '  getRunLogger().info(`POOL_GREETING=${process.env.POOL_GREETING ?? "missing"}`);',
      '  return process.env.POOL_GREETING ?? "missing";',
      '});',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'syntask.yaml'), ['deployments:', '  - name: via-pool', '    entrypoint: pool_flow.ts:poolCheck', `    work_pool: { name: ${pool}, work_queue_name: urgent }`].join('\n'));
  return dir;
}

const childEnv = (api: string) => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SYNTASK_'))),
  SYNTASK_API_URL: api,
});

test.describe('the create wizard', () => {
  // The duplicate name is refused on purpose (409 on the create call only).
  test.use({ allowedFailingUrls: [/\/api\/work_pools\/$/] });

  test('create a process pool through the wizard, add a queue, run a deployment on a real worker', async ({ page, server }) => {
    test.setTimeout(120_000);
    const pool = `e2e-pool-${suffix()}`;
    const taken = `taken-${suffix()}`;
    await server.postJson('/work_pools/', { name: taken, type: 'process' });
    let worker: ChildProcess | undefined;
    const dir = writeProject(pool);
    try {
      await page.goto('/work-pools');
      await page.getByRole('link', { name: 'Create work pool' }).first().click();
      await expect(page).toHaveURL(/\/work-pools\/create$/);

      // Step 1: the server's pool types, with descriptions.
      const next = page.getByRole('button', { name: 'Next' });
      await expect(next).toBeDisabled();
      await expect(page.getByText('Execute flow runs as subprocesses')).toBeVisible();
      await page.getByRole('radio', { name: /^Process/ }).check();
      await next.click();

      // Step 2: inline validation, naming the field.
      await next.click();
      await expect(page.getByRole('alert').filter({ hasText: 'Name: Required.' })).toBeVisible();
      const name = page.getByLabel('Name', { exact: true });
      await name.fill('syntask-mine');
      await expect(page.getByText('Name: Names starting with "syntask" are reserved')).toBeVisible();
      await name.fill(taken);
      await page.getByLabel('Description').fill('Pool made by the e2e test');
      await page.getByLabel('Concurrency limit').fill('two');
      await expect(page.getByText('Concurrency limit: Must be a whole number of 0 or more')).toBeVisible();
      await page.getByLabel('Concurrency limit').fill('4');
      await next.click();

      // Step 3: the defaults form and the Advanced JSON stay in sync both ways.
      const form = new SchemaFormArea(page, 'Job variable defaults');
      await expect(form.field('/stream_output')).toBeVisible();
      await form.field('/env').getByRole('button', { name: 'Add entry to Environment Variables' }).click();
      await form.field('/env').getByLabel('Key 1 of Environment Variables').fill('POOL_GREETING');
      const value = form.field('/env/POOL_GREETING');
      const noValue = value.getByRole('checkbox', { name: /no value/i });
      if (await noValue.isChecked()) await noValue.uncheck();
      await value.locator('input:not([type=checkbox])').first().fill('hello-from-pool');

      await page.getByRole('button', { name: /Advanced: the whole base job template/ }).click();
      const json = page.getByLabel('Base job template (JSON)');
      const template = JSON.parse(await json.inputValue()) as {
        variables: { properties: Record<string, { default?: unknown }> };
      };
      expect(template.variables.properties.env.default).toEqual({
        POOL_GREETING: 'hello-from-pool',
      });

      // Invalid JSON: an error, and the form keeps its values.
      await json.fill('{"job_configuration": {');
      await expect(page.getByRole('alert').filter({ hasText: 'Not valid JSON' })).toBeVisible();
      await expect(form.field('/env').getByLabel('Key 1 of Environment Variables')).toHaveValue('POOL_GREETING');
      await expect(page.getByRole('button', { name: 'Create work pool' })).toBeDisabled();
      // Valid JSON updates the form: stream_output off.
      template.variables.properties.stream_output.default = false;
      await json.fill(JSON.stringify(template, null, 2));
      await expect(form.field('/stream_output').getByRole('checkbox')).not.toBeChecked();
      await expect(page.getByRole('button', { name: 'Create work pool' })).toBeEnabled();

      // The server refuses the taken name: shown at the name field, back on step 2, input kept.
      await page.getByRole('button', { name: 'Create work pool' }).click();
      await expect(
        page.getByRole('alert').filter({
          hasText: 'Name: A work pool with this name already exists.',
        }),
      ).toBeVisible();
      await expect(name).toHaveValue(taken);
      await expect(page.getByLabel('Description')).toHaveValue('Pool made by the e2e test');
      await name.fill(pool);
      await next.click();
      await expect(form.field('/env').getByLabel('Key 1 of Environment Variables')).toHaveValue('POOL_GREETING');
      await page.getByRole('button', { name: 'Create work pool' }).click();

      // The pool page.
      await expect(page).toHaveURL(new RegExp(`/work-pools/work-pool/${pool}$`));
      await expect(page.getByRole('heading', { name: pool })).toBeVisible();
      const details = page.getByRole('tabpanel');
      await expect(details.locator('dd').first()).toHaveText('Process process');
      await expect(details.getByText('Pool made by the e2e test')).toBeVisible();
      const variables = details.getByRole('table', { name: 'Job variables' });
      await expect(variables.getByRole('row', { name: /env/ })).toContainText('{"POOL_GREETING":"hello-from-pool"}');
      await expect(variables.getByRole('row', { name: /stream_output/ })).toContainText('false');
      await expect(page.getByLabel('Command to start a worker')).toHaveText(`syntask worker start --pool ${pool}`);
      const saved = await server.getJson<{
        concurrency_limit: number;
        status: string;
        base_job_template: typeof template;
      }>(`/work_pools/${pool}`);
      expect(saved.concurrency_limit).toBe(4);
      expect(saved.status).toBe('NOT_READY');
      expect(saved.base_job_template.variables.properties.env.default).toEqual({
        POOL_GREETING: 'hello-from-pool',
      });

      // A second queue, with validation in the dialog.
      await page.getByRole('tab', { name: /Queues/ }).click();
      await expect(page).toHaveURL(/tab=queues/);
      await page.getByRole('button', { name: 'Create queue' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create queue' });
      await dialog.getByLabel('Name').fill('urgent');
      await dialog.getByLabel('Priority').fill('0');
      await dialog.getByRole('button', { name: 'Create queue' }).click();
      await expect(dialog.getByText('Priority: Must be a whole number of 1 or more')).toBeVisible();
      await dialog.getByLabel('Priority').fill('1');
      await dialog.getByRole('button', { name: 'Create queue' }).click();
      await expect(dialog).toBeHidden();
      const queues = page.getByRole('table', { name: 'Work queues' });
      await expect(queues.getByRole('row')).toHaveCount(3);
      await expect(queues.getByRole('row').nth(1)).toContainText('urgent');
      await expect(queues.getByRole('row').nth(2)).toContainText('default');
      await expect(queues.getByRole('row').nth(2)).toContainText('2');

      // Deploy a flow to the pool's new queue, then start a real worker on the pool.
      const deployed = await run(process.execPath, [join(REPO_ROOT, 'bin', 'syntask.js'), 'deploy'], { cwd: dir, env: childEnv(server.api) });
      expect(deployed.stdout).toContain(`to pool "${pool}"`);
      worker = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'syntask.js'), 'worker', 'start', '--pool', pool, '--name', `e2e-worker-${suffix()}`, '--poll-seconds', '1'], {
        cwd: dir,
        env: childEnv(server.api),
        stdio: 'ignore',
      });

      await page.getByRole('tab', { name: /Workers/ }).click();
      const workers = page.getByRole('table', { name: 'Workers' });
      await expect(workers.getByRole('row').nth(1)).toContainText('e2e-worker-', { timeout: 30_000 });
      await expect(workers.getByRole('row').nth(1)).toContainText('Online');
      await expect(page.getByRole('heading', { name: pool }).locator('..')).toContainText('Ready', { timeout: 20_000 });

      // The deployment is listed on the pool; run it from its page.
      await page.getByRole('tab', { name: /Deployments/ }).click();
      await page.getByRole('link', { name: 'via-pool' }).click();
      await expect(page).toHaveURL(/\/deployments\/deployment\//);
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await page.getByRole('menuitem', { name: /Quick run/ }).click();
      await expect(page).toHaveURL(/\/runs\/flow-run\//);
      const flowRun = new FlowRunPage(page);
      await expect(flowRun.stateBadge()).toHaveText('Completed', {
        timeout: 60_000,
      });
      await flowRun.tab('Logs').click();
      await expect(flowRun.logLines.getByText('POOL_GREETING=hello-from-pool')).toBeVisible({ timeout: 15_000 });

      // The run shows in the pool's runs tab, Completed.
      await page.goto(`/work-pools/work-pool/${pool}?tab=runs`);
      const runs = page.getByRole('table', { name: 'Flow runs' });
      await expect(runs.getByRole('row')).toHaveCount(2);
      await expect(runs.getByRole('row').nth(1)).toContainText('Completed');
    } finally {
      worker?.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('pause, resume and delete a pool from the list', async ({ page, server }) => {
  const pool = `list-pool-${suffix()}`;
  await server.postJson('/work_pools/', {
    name: pool,
    type: 'process',
    description: 'to be deleted',
  });
  await page.goto('/work-pools');
  const row = page.getByRole('row', { name: new RegExp(pool) });
  await expect(row).toContainText('Not ready');
  await expect(row).toContainText('0 / 0');
  await row.getByRole('button', { name: `Pause ${pool}` }).click();
  await expect(row).toContainText('Paused');
  expect((await server.getJson<{ status: string }>(`/work_pools/${pool}`)).status).toBe('PAUSED');
  await row.getByRole('button', { name: `Resume ${pool}` }).click();
  await expect(row).toContainText('Not ready');

  await row.getByRole('button', { name: `Delete ${pool}` }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete work pool' });
  await expect(confirm).toContainText(pool);
  await confirm.getByRole('button', { name: 'Delete work pool' }).click();
  await expect(page.getByRole('row', { name: new RegExp(pool) })).toHaveCount(0);
});

test.describe('edit', () => {
  const pool = `edit-pool-${suffix()}`;
  // The server refuses one template on purpose (422 on the pool's URL).
  test.use({ allowedFailingUrls: [new RegExp(`/api/work_pools/${pool}$`)] });

  test('edit a pool: description, limit and a default; a template the server refuses is reported at the template, input kept', async ({ page, server }) => {
    const types = await server.getJson<{ syntask: { process: { default_base_job_configuration: Record<string, unknown> } } }>('/collections/views/aggregate-worker-metadata');
    await server.postJson('/work_pools/', { name: pool, type: 'process', concurrency_limit: 2, base_job_template: types.syntask.process.default_base_job_configuration });
    await page.goto(`/work-pools/work-pool/${pool}`);
    await page.getByRole('link', { name: 'Edit' }).click();
    await expect(page).toHaveURL(new RegExp(`/work-pools/work-pool/${pool}/edit$`));
    await page.getByLabel('Description').fill('Edited description');
    await page.getByLabel('Concurrency limit').fill('');
    const form = new SchemaFormArea(page, 'Job variable defaults');
    await form.field('/stream_output').getByRole('checkbox').uncheck();

    // A variable of an unknown type: the browser cannot judge it, the server refuses it.
    await page.getByRole('button', { name: /Advanced: the whole base job template/ }).click();
    const json = page.getByLabel('Base job template (JSON)');
    const template = JSON.parse(await json.inputValue()) as { variables: { properties: Record<string, unknown> } };
    expect(template.variables.properties.stream_output).toMatchObject({ default: false });
    const valid = JSON.stringify(template, null, 2);
    template.variables.properties.odd = { type: 'blork' };
    await json.fill(JSON.stringify(template, null, 2));
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /^Base job template: / })).toBeVisible();
    await expect(page.getByLabel('Description')).toHaveValue('Edited description');

    await json.fill(valid);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(new RegExp(`/work-pools/work-pool/${pool}$`));
    const saved = await server.getJson<{ description: string; concurrency_limit: number | null; base_job_template: typeof template }>(`/work_pools/${pool}`);
    expect(saved.description).toBe('Edited description');
    expect(saved.concurrency_limit).toBeNull();
    expect(saved.base_job_template.variables.properties.stream_output).toMatchObject({ default: false });
    await expect(page.getByRole('tabpanel').getByText('Unlimited')).toBeVisible();

    // Edit and pause the default queue.
    await page.getByRole('tab', { name: /Queues/ }).click();
    await page.getByRole('button', { name: 'Edit queue default' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit queue default' });
    await dialog.getByLabel('Concurrency limit').fill('3');
    await dialog.getByRole('button', { name: 'Save queue' }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole('table', { name: 'Work queues' }).getByRole('row', { name: /default/ });
    await expect(row).toContainText('3');
    await row.getByRole('button', { name: 'Pause queue default' }).click();
    await expect(row).toContainText('Paused');
    await expect(row.getByRole('button', { name: 'Delete queue default' })).toBeDisabled();
    expect(await server.getJson<{ concurrency_limit: number; is_paused: boolean }>(`/work_pools/${pool}/queues/default`)).toMatchObject({ concurrency_limit: 3, is_paused: true });
  });
});

test.describe('unknown pool', () => {
  test.use({ allowedFailingUrls: ['/api/work_pools/no-such-pool'] });
  test('an unknown pool name shows "Work pool not found"', async ({ page }) => {
    await page.goto('/work-pools/work-pool/no-such-pool?tab=workers');
    await expect(page.getByRole('heading', { name: 'Work pool not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Back to work pools' })).toBeVisible();
  });
});

test('the wizard offers Process first and marks the other types as needing their own worker; a Docker pool does not suggest `syntask worker start`', async ({ page, server }) => {
  await page.goto('/work-pools/create');
  await expect(page.getByRole('radio').first()).toHaveAccessibleName(/^Process/);
  const here = page.getByRole('group', { name: "Runs with this distribution's worker" });
  await expect(here.getByRole('radio')).toHaveCount(1);
  const others = page.getByRole('group', { name: /^Needs a worker that understands its type/ });
  await expect(others).toHaveAccessibleDescription(/runs each flow run as a local process/);
  const docker = others.getByRole('radio', { name: /^Docker/ });
  await expect(docker).toHaveAccessibleName(/needs its own worker/);
  for (const type of ['Kubernetes', 'Google Cloud Run', 'AWS Elastic Container Service']) await expect(others.getByRole('radio', { name: new RegExp(`^${type}`) }).first()).toBeVisible();
  // Still a choice, by keyboard: for people who run such a worker themselves.
  await docker.focus();
  await page.keyboard.press('Space');
  await expect(docker).toBeChecked();
  await expect(page.getByRole('button', { name: 'Next' })).toBeEnabled();
  expect(await axeViolations(page)).toEqual([]);

  const pool = `docker-pool-${suffix()}`;
  await server.postJson('/work_pools/', { name: pool, type: 'docker' });
  await page.goto(`/work-pools/work-pool/${pool}`);
  await expect(page.getByRole('note')).toContainText('Needs a worker that understands Docker');
  await expect(page.getByRole('note')).toContainText('runs flow runs as local processes');
  await expect(page.getByLabel('Command to start a worker')).toHaveCount(0);
  await expect(page.getByText('syntask worker start')).toHaveCount(0);
  await page.getByRole('tab', { name: /Workers/ }).click();
  await expect(page.getByText('No worker has polled this pool')).toBeVisible();
  await expect(page.getByLabel('Command to start a worker')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
});
