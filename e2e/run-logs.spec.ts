import type { Page } from '@playwright/test';
import { expect, test, type SyntaskServer } from './fixtures.ts';
import { createFlow, createFlowRun, createTaskRun, log, setFlowState, setTaskState } from './data.ts';
import { FlowRunPage } from './pages/flow-run.ts';

/** Issue 14: a run's logs name the task run of each line, filter by it, and read per attempt. */

const row = (page: Page, text: string) => page.getByRole('log', { name: 'Log lines' }).locator('[data-log-id]').filter({ hasText: text });
const sourceFilter = (page: Page) => page.getByRole('button', { name: /^Filter by task run/ });
const sourceChoice = (page: Page, name: RegExp) => page.getByRole('group', { name: 'Show lines of' }).getByRole('button', { name });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runWithTwoTasks(server: SyntaskServer) {
  const flow = await createFlow(server, `writers-${Math.random().toString(36).slice(2, 8)}`);
  const run = await createFlowRun(server, flow.id, { name: `${flow.name}-run` });
  await setFlowState(server, run.id, { type: 'RUNNING' });
  const extract = await createTaskRun(server, run.id, 'extract');
  const load = await createTaskRun(server, run.id, 'load', [extract.id]);
  for (const t of [extract, load]) {
    await setTaskState(server, t.id, { type: 'RUNNING' });
    await setTaskState(server, t.id, { type: 'COMPLETED' });
  }
  const t0 = Date.now() - 60_000;
  await log(server, [
    { message: 'Beginning flow run', at: t0, flowRunId: run.id },
    { message: 'Downloading 500 records', at: t0 + 1000, flowRunId: run.id, taskRunId: extract.id },
    { message: 'Loading into the warehouse', at: t0 + 2000, flowRunId: run.id, taskRunId: load.id },
    { message: 'Loaded 500 rows', at: t0 + 3000, flowRunId: run.id, taskRunId: load.id },
    { message: 'Finished in state Completed', at: t0 + 4000, flowRunId: run.id },
  ]);
  await setFlowState(server, run.id, { type: 'COMPLETED' });
  return { run, extract, load };
}

test('each line of a flow run names its task run; a task-run filter narrows the lines and survives reload', async ({ page, server }) => {
  const { run, extract, load } = await runWithTwoTasks(server);
  const flowRun = new FlowRunPage(page);
  await flowRun.goto(run.id, '?tab=logs');

  // The task run that wrote a line, as a link to its page; the flow's own lines say "flow".
  await expect(row(page, 'Downloading 500 records').getByRole('link', { name: 'extract', exact: true })).toHaveAttribute('href', `/runs/task-run/${extract.id}`);
  await expect(row(page, 'Loaded 500 rows').getByRole('link', { name: 'load', exact: true })).toHaveAttribute('href', `/runs/task-run/${load.id}`);
  await expect(row(page, 'Beginning flow run').getByText('flow', { exact: true })).toBeVisible();
  await expect(row(page, 'Beginning flow run').getByRole('link')).toHaveCount(0);
  // Today's lines show the time of day only.
  await expect(row(page, 'Beginning flow run').locator('time')).toHaveText(/^\d{2}:\d{2}:\d{2}\.\d{3}$/);
  await expect(page.getByText('5 lines', { exact: true })).toBeVisible();
  // The Logs tab counts every line of the run, the task runs' included.
  await expect(flowRun.tab('Logs')).toHaveText(/^Logs\s*5$/);

  // Only the task run's lines.
  await sourceFilter(page).click();
  await sourceChoice(page, /^load/).click();
  await expect(page).toHaveURL(new RegExp(`source=${load.id}`));
  await expect(row(page, 'Loaded 500 rows')).toBeVisible();
  await expect(row(page, 'Loading into the warehouse')).toBeVisible();
  await expect(row(page, 'Downloading 500 records')).toHaveCount(0);
  await expect(row(page, 'Beginning flow run')).toHaveCount(0);
  await expect(page.getByText('2 matching lines')).toBeVisible();
  await expect(flowRun.tab('Logs')).toHaveText(/^Logs\s*5$/);

  await page.reload();
  await expect(sourceFilter(page)).toHaveAccessibleName('Filter by task run: load');
  await expect(row(page, 'Loaded 500 rows')).toBeVisible();
  await expect(row(page, 'Downloading 500 records')).toHaveCount(0);

  // The flow run's own lines.
  await sourceFilter(page).click();
  await sourceChoice(page, /^Flow only/).click();
  await expect(page).toHaveURL(/source=flow/);
  await expect(row(page, 'Beginning flow run')).toBeVisible();
  await expect(row(page, 'Finished in state Completed')).toBeVisible();
  await expect(row(page, 'Loaded 500 rows')).toHaveCount(0);

  // Back to every line; the link opens the task run page, which shows its own lines only.
  await sourceFilter(page).click();
  await sourceChoice(page, /^All task runs/).click();
  await expect(page).not.toHaveURL(/source=/);
  await row(page, 'Downloading 500 records').getByRole('link', { name: 'extract' }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/task-run/${extract.id}`));
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('extract');
  await expect(row(page, 'Downloading 500 records')).toBeVisible();
  await expect(row(page, 'Beginning flow run')).toHaveCount(0);
  await expect(row(page, 'Loaded 500 rows')).toHaveCount(0);
});

test('the task-run filter finds a task run by name among many', async ({ page, server }) => {
  const flow = await createFlow(server, `many-tasks-${Math.random().toString(36).slice(2, 8)}`);
  const run = await createFlowRun(server, flow.id, { name: `${flow.name}-run` });
  await setFlowState(server, run.id, { type: 'RUNNING' });
  const tasks = [];
  for (let i = 0; i < 60; i++) tasks.push(await createTaskRun(server, run.id, `step-${String(i).padStart(2, '0')}`));
  const t0 = Date.now() - 60_000;
  await log(server, tasks.map((t, i) => ({ message: `work of step ${i}`, at: t0 + i * 100, flowRunId: run.id, taskRunId: t.id })));
  const flowRun = new FlowRunPage(page);
  await flowRun.goto(run.id, '?tab=logs');
  await expect(row(page, 'work of step 0').getByRole('link', { name: 'step-00' })).toBeVisible();
  await sourceFilter(page).click();
  await expect(page.getByText('First 50 of 60: type to find others')).toBeVisible();
  await expect(sourceChoice(page, /^step-57/)).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Find a task run' }).fill('step-57');
  await sourceChoice(page, /^step-57/).click();
  await expect(page).toHaveURL(new RegExp(`source=${tasks[57].id}`));
  await expect(row(page, 'work of step 57')).toHaveCount(1);
  await expect(row(page, 'work of step 0')).toHaveCount(0);
});

test('a run that ran twice: a separator where each attempt starts, and an attempt filter that survives reload', async ({ page, server }) => {
  const flow = await createFlow(server, `retried-${Math.random().toString(36).slice(2, 8)}`);
  const run = await createFlowRun(server, flow.id, { name: `${flow.name}-run` });
  await setFlowState(server, run.id, { type: 'RUNNING' });
  const flaky = await createTaskRun(server, run.id, 'flaky');
  // The task fails once and passes on retry (AwaitingRetry, then Retrying).
  await setTaskState(server, flaky.id, { type: 'RUNNING' });
  await sleep(30);
  await setTaskState(server, flaky.id, { type: 'SCHEDULED', name: 'AwaitingRetry' });
  await setTaskState(server, flaky.id, { type: 'RUNNING', name: 'Retrying' });
  await sleep(30);
  await setTaskState(server, flaky.id, { type: 'COMPLETED' });
  await setFlowState(server, run.id, { type: 'FAILED' });
  await setFlowState(server, run.id, { type: 'SCHEDULED', name: 'AwaitingRetry' });
  await sleep(30);
  await setFlowState(server, run.id, { type: 'RUNNING' });
  await sleep(30);
  await setFlowState(server, run.id, { type: 'COMPLETED' });

  // Lines just after each start, by the times the server recorded.
  const states = await server.getJson<{ type: string; timestamp: string }[]>(`/flow_run_states/?flow_run_id=${run.id}`);
  const [first, second] = states.filter((s) => s.type === 'RUNNING').map((s) => Date.parse(s.timestamp));
  const taskStates = await server.getJson<{ type: string; timestamp: string }[]>(`/task_run_states/?task_run_id=${flaky.id}`);
  const [taskFirst, taskSecond] = taskStates.filter((s) => s.type === 'RUNNING').map((s) => Date.parse(s.timestamp));
  await log(server, [
    { message: 'first try: starting', at: first + 1, flowRunId: run.id },
    { message: 'flaky: connection reset', at: taskFirst + 1, flowRunId: run.id, taskRunId: flaky.id, level: 40 },
    { message: 'flaky: done on retry', at: taskSecond + 1, flowRunId: run.id, taskRunId: flaky.id },
    { message: 'second try: starting', at: second + 1, flowRunId: run.id },
    { message: 'second try: done', at: second + 2, flowRunId: run.id },
  ]);

  const flowRun = new FlowRunPage(page);
  await flowRun.goto(run.id, '?tab=logs');
  const lines = page.getByRole('log', { name: 'Log lines' });
  await expect(lines.getByRole('separator', { name: /^Attempt 1, started/ })).toBeVisible();
  await expect(lines.getByRole('separator', { name: /^Attempt 2, started/ })).toBeVisible();
  // The separator sits between the attempts' lines.
  const order = await lines.locator('[data-log-id], [role="separator"]').allTextContents();
  const at = (text: string) => order.findIndex((t) => t.includes(text));
  expect(at('Attempt 2')).toBeGreaterThan(at('flaky: done on retry'));
  expect(at('Attempt 2')).toBeLessThan(at('second try: starting'));

  const attempt = page.getByRole('combobox', { name: 'Attempt' });
  await expect(attempt.locator('option')).toHaveText(['All 2 attempts', 'Attempt 1 · Failed', 'Attempt 2 · Completed']);
  await attempt.selectOption('2');
  await expect(page).toHaveURL(/attempt=2/);
  await expect(row(page, 'second try: starting')).toBeVisible();
  await expect(row(page, 'first try: starting')).toHaveCount(0);
  await expect(page.getByText('2 matching lines')).toBeVisible();
  await page.reload();
  await expect(attempt).toHaveValue('2');
  await expect(row(page, 'second try: done')).toBeVisible();
  await expect(row(page, 'flaky: connection reset')).toHaveCount(0);

  // The task run that ran twice reads per attempt on its own page too.
  await attempt.selectOption('0');
  await row(page, 'flaky: done on retry').getByRole('link', { name: 'flaky' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('flaky');
  await expect(lines.getByRole('separator', { name: /^Attempt 2, started/ })).toBeVisible();
  await page.getByRole('combobox', { name: 'Attempt' }).selectOption({ index: 1 });
  await expect(row(page, 'flaky: connection reset')).toBeVisible();
  await expect(row(page, 'flaky: done on retry')).toHaveCount(0);
});

test('a run that ran once shows no attempt separator or filter; a line of another day shows its date', async ({ page, server }) => {
  const flow = await createFlow(server, `once-${Math.random().toString(36).slice(2, 8)}`);
  const run = await createFlowRun(server, flow.id, { name: `${flow.name}-run` });
  await setFlowState(server, run.id, { type: 'RUNNING' });
  await setFlowState(server, run.id, { type: 'COMPLETED' });
  const threeDaysAgo = Date.now() - 3 * 86_400_000;
  await log(server, [{ message: 'an old line', at: threeDaysAgo, flowRunId: run.id }]);
  const flowRun = new FlowRunPage(page);
  await flowRun.goto(run.id, '?tab=logs');
  const time = row(page, 'an old line').locator('time');
  await expect(time).toHaveText(/^([A-Z][a-z]{2} \d{1,2}|\d{4}-\d{2}-\d{2}) \d{2}:\d{2}:\d{2}\.\d{3}$/);
  await expect(time).toHaveAttribute('title', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2} \(.+\)$/);
  await expect(page.getByRole('log', { name: 'Log lines' }).getByRole('separator')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Attempt' })).toHaveCount(0);
});
