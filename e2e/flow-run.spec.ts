import { expect, test } from './fixtures.ts';
import { createFlow, createFlowRun, createTaskRun, failedEtlRun, log, setFlowState, setTaskState } from './data.ts';
import { FlowRunPage } from './pages/flow-run.ts';
import { RunsPage } from './pages/runs.ts';

test('a failed run: find it, see the failed task in the graph, read its error, retry it and watch it run live', async ({ page, server }) => {
  // The dashboard talks to its own server only.
  const external: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(server.url) && !url.startsWith('data:') && !url.startsWith('blob:')) external.push(url);
  });
  const { run, tasks } = await failedEtlRun(server);
  const runs = new RunsPage(page);
  const flowRun = new FlowRunPage(page);

  await runs.goto();
  await expect(runs.row(run.name).getByText('Failed', { exact: true })).toBeVisible();
  await runs.runLink(run.name).click();

  await expect(flowRun.heading).toHaveText(run.name);
  await expect(flowRun.stateBadge()).toHaveText('Failed');
  // The graph marks the task that failed first.
  await expect(flowRun.graph).toHaveAttribute('data-ready', 'true', { timeout: 20_000 }); // layout runs in a worker: slow on a loaded 2-core machine
  await expect(flowRun.graphNode('load')).toContainText('first failure');
  await expect(flowRun.graphNode('extract')).not.toContainText('first failure');

  await page.getByRole('button', { name: 'First failed task' }).click();
  await expect(flowRun.panel.getByRole('link', { name: 'load' })).toBeVisible();
  await expect(flowRun.panel.getByText('ConnectionError: warehouse refused the connection (port 5439)')).toBeVisible();

  await flowRun.action('Retry').click();
  await expect(flowRun.stateBadge()).toHaveText('AwaitingRetry');

  // A worker picks the run up: the page follows without a reload.
  await setFlowState(server, run.id, { type: 'RUNNING' });
  await expect(flowRun.stateBadge()).toHaveText('Running', { timeout: 3000 });
  const retried = await createTaskRun(server, run.id, 'load', [tasks.transform.id], { dynamic_key: '1', name: 'load-retry' });
  await setTaskState(server, retried.id, { type: 'RUNNING' });
  await expect(flowRun.graphNode('load-retry')).toBeVisible({ timeout: 5000 });

  await flowRun.tab('Logs').click();
  await expect(flowRun.logLines.getByText('Finished in state Failed')).toBeVisible();
  await log(server, [{ message: 'Retrying the load into the warehouse', at: Date.now(), flowRunId: run.id, taskRunId: retried.id }]);
  await expect(flowRun.logLines.getByText('Retrying the load into the warehouse')).toBeVisible({ timeout: 3000 });

  expect(external).toEqual([]);
});

test('the timeline shows every task run', async ({ page, server }) => {
  const flow = await createFlow(server, 'timeline-flow');
  const run = await createFlowRun(server, flow.id, { name: 'timeline-run' });
  await setFlowState(server, run.id, { type: 'RUNNING' });
  const names = ['fetch-a', 'fetch-b', 'merge', 'validate', 'publish', 'notify'];
  let previous: string[] = [];
  for (const name of names) {
    const task = await createTaskRun(server, run.id, name, previous);
    await setTaskState(server, task.id, { type: 'RUNNING' });
    await setTaskState(server, task.id, { type: name === 'notify' ? 'FAILED' : 'COMPLETED' });
    previous = [task.id];
  }
  await setFlowState(server, run.id, { type: 'FAILED' });
  const flowRun = new FlowRunPage(page);
  await flowRun.goto(run.id, '?tab=timeline');
  for (const name of names) await expect(flowRun.timeline.getByRole('listitem').filter({ hasText: name })).toHaveCount(1);
  await expect(flowRun.timeline.getByRole('button', { name: /^notify: Failed/ })).toBeVisible();
  await flowRun.timeline.getByRole('button', { name: /^merge: Completed/ }).click();
  await expect(page).toHaveURL(/\/runs\/task-run\//);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('merge');
});

test.describe('logs', () => {
  test('search finds a line that is not on screen; a level filter and a line link survive reload', async ({ page, server }) => {
    const flow = await createFlow(server, 'chatty-flow');
    const run = await createFlowRun(server, flow.id, { name: 'chatty-run' });
    await setFlowState(server, run.id, { type: 'RUNNING' });
    await setFlowState(server, run.id, { type: 'COMPLETED' });
    const start = Date.now() - 3_600_000;
    const lines = Array.from({ length: 1500 }, (_, i) => ({
      message: i === 1234 ? 'checksum mismatch in shard 42' : `processed batch ${i}`,
      level: i % 250 === 7 ? 40 : 20,
      at: start + i * 1000,
      flowRunId: run.id,
    }));
    await log(server, lines);
    const flowRun = new FlowRunPage(page);
    await flowRun.goto(run.id, '?tab=logs');
    await expect(flowRun.logLines.getByText('processed batch 0', { exact: true })).toBeVisible();
    await expect(page.getByText('1,500 lines')).toBeVisible();
    // Line 1234 is far beyond the first page: the server finds it.
    await expect(flowRun.logLines.getByText('checksum mismatch in shard 42')).toHaveCount(0);
    await flowRun.logSearch().fill('CHECKSUM mismatch');
    await expect(flowRun.logLines.getByText('checksum mismatch in shard 42')).toBeVisible();
    await expect(page.getByText('1 matching line')).toBeVisible();
    await flowRun.logSearch().fill('');
    await expect(flowRun.logLines.getByText('processed batch 0', { exact: true })).toBeVisible();

    await flowRun.logLevel().selectOption({ label: 'Error and above' });
    await expect(page).toHaveURL(/level=40/);
    await expect(flowRun.logLines.getByText('processed batch 7', { exact: true })).toBeVisible();
    await expect(flowRun.logLines.getByText('processed batch 8', { exact: true })).toHaveCount(0);
    await page.reload();
    await expect(flowRun.logLevel()).toHaveValue('40');
    await expect(flowRun.logLines.getByText('processed batch 257', { exact: true })).toBeVisible();
    await expect(flowRun.logLines.getByText('processed batch 8', { exact: true })).toHaveCount(0);

    // Link to one line, then open the link afresh.
    const target = flowRun.logLines.locator('[data-log-id]').filter({ hasText: 'processed batch 1257' });
    await target.hover();
    await target.getByRole('button', { name: /Link to the line/ }).click();
    await expect(page).toHaveURL(/line=/);
    const linked = page.url();
    await page.goto('/dashboard');
    await page.goto(linked);
    const highlighted = flowRun.logLines.locator('[aria-current="true"]');
    await expect(highlighted).toContainText('processed batch 1257');
    await expect(highlighted).toBeInViewport();
    await expect(flowRun.logLevel()).toHaveValue('40');
  });
});

test('a subflow node expands in place to show its own task runs', async ({ page, server }) => {
  const parentFlow = await createFlow(server, 'parent-flow');
  const childFlow = await createFlow(server, 'child-flow');
  const parent = await createFlowRun(server, parentFlow.id, { name: 'parent-run' });
  await setFlowState(server, parent.id, { type: 'RUNNING' });
  const prepare = await createTaskRun(server, parent.id, 'prepare');
  await setTaskState(server, prepare.id, { type: 'RUNNING' });
  await setTaskState(server, prepare.id, { type: 'COMPLETED' });
  const call = await createTaskRun(server, parent.id, 'child-flow', [prepare.id]);
  const child = await createFlowRun(server, childFlow.id, { name: 'child-run', parent_task_run_id: call.id });
  await setFlowState(server, child.id, { type: 'RUNNING' });
  for (const name of ['child-step-1', 'child-step-2']) {
    const t = await createTaskRun(server, child.id, name);
    await setTaskState(server, t.id, { type: 'RUNNING' });
    await setTaskState(server, t.id, { type: 'COMPLETED' });
  }
  await setFlowState(server, child.id, { type: 'COMPLETED' });
  await setFlowState(server, parent.id, { type: 'COMPLETED' });

  const flowRun = new FlowRunPage(page);
  await flowRun.goto(parent.id);
  await expect(flowRun.graph).toHaveAttribute('data-ready', 'true', { timeout: 20_000 }); // layout runs in a worker: slow on a loaded 2-core machine
  await expect(flowRun.graphNode('child-run')).toBeVisible();
  await expect(flowRun.graphNode('child-step-1')).toHaveCount(0);
  await page.getByRole('button', { name: /^Expand subflow child-flow/ }).click();
  await expect(flowRun.graphNode('child-step-1')).toBeVisible();
  await expect(flowRun.graphNode('child-step-2')).toBeVisible();
  await page.getByRole('button', { name: /^Collapse subflow/ }).click();
  await expect(flowRun.graphNode('child-step-1')).toHaveCount(0);
});
