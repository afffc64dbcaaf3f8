import { expect, test } from './fixtures.ts';
import { createFlow, createFlowRun, createTaskRun, setFlowState, setTaskState } from './data.ts';

interface LimitT {
  id: string;
  tag: string;
  concurrency_limit: number;
  active_slots: string[];
}

test('create a tag limit with inline errors, see the task runs holding its slots, edit, reset and delete it', async ({ page, server }) => {
  const tag = `warehouse-${Math.random().toString(36).slice(2, 8)}`;
  await page.goto('/concurrency-limits');
  await expect(page.getByRole('heading', { name: 'No concurrency limits yet' })).toBeVisible();

  await page.getByRole('button', { name: 'New limit' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New concurrency limit' });
  const create = dialog.getByRole('button', { name: 'Create limit' });
  await create.click();
  await expect(dialog.getByText('Tag is required.')).toBeVisible();
  await expect(dialog.getByText('Limit is required.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Tag', exact: true }).fill(tag);
  await dialog.getByRole('textbox', { name: 'Limit', exact: true }).fill('ten');
  await expect(dialog.getByText('Limit must be a whole number (0 or more).')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Limit', exact: true }).fill('-1');
  await expect(dialog.getByText('Limit must be 0 or more.')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Tag', exact: true })).toHaveValue(tag);
  await dialog.getByRole('textbox', { name: 'Limit', exact: true }).fill('2');
  await create.click();
  await expect(dialog).toBeHidden();
  const table = page.getByRole('table', { name: 'Concurrency limits' });
  const row = table.getByRole('row', { name: new RegExp(tag) });
  await expect(row).toContainText('0 / 2');

  // A second limit for the same tag would replace the first on the server (upsert): refused here.
  await page.getByRole('button', { name: 'New limit' }).click();
  await dialog.getByRole('textbox', { name: 'Tag', exact: true }).fill(tag);
  await dialog.getByRole('textbox', { name: 'Limit', exact: true }).fill('7');
  await create.click();
  await expect(dialog.getByText(`Tag "${tag}" already has a limit: edit that limit instead.`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Two running task runs with the tag take its slots.
  const flow = await createFlow(server, `limited-${tag}`);
  const run = await createFlowRun(server, flow.id);
  await setFlowState(server, run.id, { type: 'RUNNING' });
  const held: { id: string; name: string }[] = [];
  for (const key of ['load-orders', 'load-customers']) {
    const task = await createTaskRun(server, run.id, key, [], { tags: [tag] });
    await setTaskState(server, task.id, { type: 'RUNNING' }, false);
    held.push(task);
  }
  await page.reload();
  await expect(row).toContainText('2 / 2');
  await expect(row).toContainText('full');
  for (const task of held) await expect(row.getByRole('link', { name: task.name })).toHaveAttribute('href', `/runs/task-run/${task.id}`);
  await row.getByRole('link', { name: held[0].name }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/task-run/${held[0].id}$`));
  await page.goBack();

  // Edit the limit: the slots stay.
  await page.getByRole('button', { name: `Edit limit of ${tag}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit limit of ${tag}` });
  await edit.getByRole('textbox', { name: 'Limit', exact: true }).fill('1.5');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByText('Limit must be a whole number (0 or more).')).toBeVisible();
  await edit.getByRole('textbox', { name: 'Limit', exact: true }).fill('5');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('2 / 5');
  expect(await server.getJson<LimitT>(`/concurrency_limits/tag/${tag}`)).toMatchObject({ concurrency_limit: 5, active_slots: expect.arrayContaining(held.map((t) => t.id)) });

  // Reset frees the slots.
  await page.getByRole('button', { name: `Reset slots of ${tag}` }).click();
  await page.getByRole('dialog', { name: 'Reset slots' }).getByRole('button', { name: 'Reset slots' }).click();
  await expect(row).toContainText('0 / 5');
  expect((await server.getJson<LimitT>(`/concurrency_limits/tag/${tag}`)).active_slots).toEqual([]);

  await page.getByRole('button', { name: `Delete limit of ${tag}` }).click();
  await page.getByRole('dialog', { name: 'Delete limit' }).getByRole('button', { name: 'Delete limit' }).click();
  await expect(page.getByRole('heading', { name: 'No concurrency limits yet' })).toBeVisible();
  expect(await server.postJson<LimitT[]>('/concurrency_limits/filter', {})).toEqual([]);
});
