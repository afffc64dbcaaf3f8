import { setTimeout as sleep } from 'node:timers/promises';
import type { Locator } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';
import { createFlow, createFlowRun, createTaskRun, setFlowState, setTaskState } from './data.ts';
import { FlowRunPage } from './pages/flow-run.ts';
import { formatDuration } from '../src/lib/time.ts';

/** Durations the dashboard writes for about a second of run time (not the 4 s from first start to last end). */
const ABOUT_ONE_SECOND = /^(\d{3}ms|1s)$/;

test.use({ colorScheme: 'light', viewport: { width: 1280, height: 900 } });

const attemptRows = (table: Locator) => table.getByRole('row').filter({ has: table.page().getByRole('cell') });

test('Attempt display and duration for a task that failed once and passed on retry', async ({ page, server }) => {
  test.setTimeout(60_000);
  const flow = await createFlow(server, 'invoices');
  const run = await createFlowRun(server, flow.id, { name: 'invoices-run' });
  await setFlowState(server, run.id, { type: 'RUNNING' });
  const task = await createTaskRun(server, run.id, 'invoice-check', [], { empirical_policy: { retries: 1, retry_delay: 0 } });
  // Through the orchestration rules, as a worker would: the failure becomes AwaitingRetry.
  await setTaskState(server, task.id, { type: 'RUNNING' }, false);
  await sleep(1000);
  const failed = await setTaskState(server, task.id, { type: 'FAILED', message: 'HTTPError: invoice service answered 503' }, false);
  expect(failed).toMatchObject({ status: 'REJECT', state: { name: 'AwaitingRetry' } });
  await sleep(3000);
  const retried = await setTaskState(server, task.id, { type: 'RUNNING' }, false);
  expect(retried).toMatchObject({ status: 'ACCEPT', state: { name: 'Retrying' } });
  await sleep(100);
  await setTaskState(server, task.id, { type: 'COMPLETED' }, false);
  await setFlowState(server, run.id, { type: 'COMPLETED' });

  const flowRun = new FlowRunPage(page);
  await flowRun.goto(run.id);
  await expect(flowRun.graph).toHaveAttribute('data-ready', 'true', { timeout: 20_000 }); // layout runs in a worker: slow on a loaded 2-core machine
  // The node reads the time the task ran, not first start to last end.
  const node = flowRun.graphNode('invoice-check');
  await expect(node).toContainText('Completed');
  await expect(node.locator('.tabular-nums')).toHaveText(ABOUT_ONE_SECOND);

  // The side panel lists both attempts.
  await node.click();
  const panelAttempts = flowRun.panel.getByRole('region', { name: 'Attempts' });
  await expect(panelAttempts.getByRole('listitem')).toHaveCount(2);
  await expect(panelAttempts.getByRole('listitem').nth(0)).toContainText('AwaitingRetry');
  await expect(panelAttempts.getByRole('listitem').nth(0)).toContainText('HTTPError: invoice service answered 503');
  await expect(panelAttempts.getByRole('listitem').nth(1)).toContainText('Completed');

  // The timeline bar and the task runs row say the same.
  await flowRun.tab('Timeline').click();
  await expect(flowRun.timeline.getByRole('button', { name: /^invoice-check: Completed, / })).toHaveAccessibleName(/^invoice-check: Completed, (\d{3}ms|1s)$/);
  await flowRun.tab('Task runs').click();
  const row = page.getByRole('table', { name: 'Task runs' }).getByRole('row').filter({ hasText: 'invoice-check' });
  await expect(row.getByRole('cell').nth(5)).toHaveText(ABOUT_ONE_SECOND);
  await expect(row.getByRole('cell').nth(6)).toHaveText('2');

  // The task run page: one row per attempt with its state, times, run time and message.
  await row.getByRole('link', { name: 'invoice-check' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('invoice-check');
  const attempts = page.getByRole('table', { name: 'Attempts' });
  await expect(attemptRows(attempts)).toHaveCount(2);
  const [first, second] = [attemptRows(attempts).nth(0), attemptRows(attempts).nth(1)];
  await expect(first).toContainText('AwaitingRetry');
  await expect(first).toContainText('HTTPError: invoice service answered 503');
  await expect(first.getByRole('cell').nth(4)).toHaveText(/^(\d{3}ms|1s)$/);
  await expect(second).toContainText('Completed');
  await expect(second.getByRole('cell').nth(4)).toHaveText(/^\d{2,3}ms$/);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: '/tmp/attempts.png' });
});

test('a flow run retried from its page shows its attempts live', async ({ page, server }) => {
  test.setTimeout(60_000);
  const flow = await createFlow(server, 'billing');
  const run = await createFlowRun(server, flow.id, { name: 'billing-run' });
  await setFlowState(server, run.id, { type: 'RUNNING' });
  const task = await createTaskRun(server, run.id, 'invoice-check');
  await setTaskState(server, task.id, { type: 'RUNNING' }, false);
  await sleep(1000);
  await setTaskState(server, task.id, { type: 'FAILED', message: 'HTTPError: invoice service answered 503' }, false);
  await setFlowState(server, run.id, { type: 'FAILED', message: 'Flow run encountered an exception: HTTPError' });

  const flowRun = new FlowRunPage(page);
  await flowRun.goto(run.id);
  await expect(flowRun.stateBadge()).toHaveText('Failed');
  // Ran once: no attempts list.
  await expect(page.getByRole('table', { name: 'Attempts' })).toHaveCount(0);

  await flowRun.action('Retry').click();
  await expect(flowRun.stateBadge()).toHaveText('AwaitingRetry');
  await sleep(2500);
  // A worker picks the run up again: the page shows the new attempt without a reload.
  await setFlowState(server, run.id, { type: 'RUNNING' });
  const attempts = page.getByRole('table', { name: 'Attempts' });
  await expect(attemptRows(attempts)).toHaveCount(2, { timeout: 5000 });
  await expect(attemptRows(attempts).nth(0)).toContainText('Failed');
  await expect(attemptRows(attempts).nth(0)).toContainText('Flow run encountered an exception: HTTPError');
  await expect(attemptRows(attempts).nth(1)).toContainText('Running');
  await expect(attemptRows(attempts).nth(1)).toContainText('running');

  // The same task run runs again and passes.
  const rerun = await setTaskState(server, task.id, { type: 'RUNNING' }, false);
  expect(rerun).toMatchObject({ status: 'ACCEPT', state: { name: 'Retrying' } });
  await sleep(100);
  await setTaskState(server, task.id, { type: 'COMPLETED' }, false);
  await setFlowState(server, run.id, { type: 'COMPLETED' });
  await expect(attemptRows(attempts).nth(1)).toContainText('Completed', { timeout: 5000 });

  // The task's node reads the time it ran (~1.1 s, more on a loaded machine), not the span across the retry (over 3.5 s).
  const ran = await server.getJson<{ total_run_time: number; start_time: string; end_time: string }>(`/task_runs/${task.id}`);
  const span = (Date.parse(ran.end_time) - Date.parse(ran.start_time)) / 1000;
  expect(ran.total_run_time).toBeLessThan(span - 2);
  await page.reload();
  await expect(flowRun.graph).toHaveAttribute('data-ready', 'true', { timeout: 20_000 }); // layout runs in a worker: slow on a loaded 2-core machine
  await expect(flowRun.graphNode('invoice-check').locator('.tabular-nums')).toHaveText(formatDuration(ran.total_run_time));
});
