import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { formatDuration } from '../src/lib/time.ts';
import { createFlow, createTaskRun, log, setFlowState, setTaskState } from './data.ts';
import { expect, startSyntask, syntaskApi, test, type SyntaskServer } from './fixtures.ts';
import { FlowRunPage } from './pages/flow-run.ts';
import { AppShell } from './pages/shell.ts';

/**
 * Issue 14: a run page kept open from Scheduled to the end, never reloaded, says what the
 * API says (lines, last line, task runs, nodes, state, times, duration); so it does after a
 * retry, and after its stream was cut.
 */

const REPO_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const suffix = () => Math.random().toString(36).slice(2, 8);
const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');
/** The page follows within a second; the margin is for a loaded CI machine. */
const FOLLOWS = { timeout: 10_000 };

interface ApiRun {
  id: string;
  state_type: string;
  state_name: string;
  start_time: string | null;
  end_time: string | null;
  total_run_time: number;
}

async function deploymentRun(server: SyntaskServer, entrypoint: string, flowName: string) {
  const flow = await createFlow(server, flowName);
  const deployment = await server.postJson<{ id: string }>('/deployments/', { name: `live-${suffix()}`, flow_id: flow.id, entrypoint, path: `${REPO_ROOT}/examples` });
  return server.postJson<{ id: string; name: string }>(`/deployments/${deployment.id}/create_flow_run`, {});
}

/** What a worker's child process does: executes the run in a process of its own, to the end. */
function execute(server: SyntaskServer, runId: string): Promise<number | null> {
  const child = spawn(process.execPath, ['bin/syntask.js', 'flow-run', 'execute', runId], {
    cwd: REPO_ROOT,
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SYNTASK_'))), SYNTASK_API_URL: server.api },
    stdio: 'ignore',
  });
  return new Promise((resolve) => child.once('exit', resolve));
}

/** The page, unreloaded, against the API: state, times, duration, lines, last line, task runs, nodes. */
async function expectPageMatchesApi(page: Page, server: SyntaskServer, runId: string) {
  const flowRun = new FlowRunPage(page);
  const run = await server.getJson<ApiRun>(`/flow_runs/${runId}`);
  const lines = await server.postJson<number>('/logs/count', { logs: { flow_run_id: { any_: [runId] } } });
  const [last] = await server.postJson<{ message: string }[]>('/logs/filter', { logs: { flow_run_id: { any_: [runId] } }, sort: 'TIMESTAMP_DESC', limit: 1 });
  const tasks = await server.postJson<number>('/task_runs/count', { task_runs: { flow_run_id: { any_: [runId] } } });
  const graph = await server.getJson<{ nodes: unknown[] }>(`/flow_runs/${runId}/graph-v2`);

  const summary = page.getByLabel('Run summary');
  await expect(flowRun.stateBadge()).toHaveText(run.state_name, FOLLOWS);
  await expect(summary.locator('time').first()).toHaveAttribute('datetime', run.start_time!, FOLLOWS);
  await expect(summary.locator('time').nth(1)).toHaveAttribute('datetime', run.end_time!, FOLLOWS);
  await expect(summary.getByText('Duration').locator('..')).toHaveText(`Duration ${formatDuration(run.total_run_time)}`, FOLLOWS);
  await expect(flowRun.tab('Task runs')).toContainText(tasks.toLocaleString('en'), FOLLOWS);

  await flowRun.tab('Logs').click();
  await expect(page.getByText(`${lines.toLocaleString('en')} lines`, { exact: true })).toBeVisible(FOLLOWS);
  // The last line may repeat an earlier attempt's: the one at the end must be there.
  await expect(flowRun.logLines.getByText(stripAnsi(last.message), { exact: true }).last()).toBeVisible(FOLLOWS);

  await flowRun.tab('Graph').click();
  await expect(flowRun.graph).toHaveAttribute('data-nodes', String(graph.nodes.length), FOLLOWS);
  return { run, lines, tasks };
}

test('a 500-task run\'s page, open from Scheduled to Completed and never reloaded, ends as the API says', async ({ page, server }) => {
  test.setTimeout(240_000);
  const run = await deploymentRun(server, 'long-report.ts:longReport', 'long-report');
  const flowRun = new FlowRunPage(page);
  await flowRun.goto(run.id, '?tab=logs');
  await expect(flowRun.stateBadge()).toHaveText('Scheduled');
  await expect(new AppShell(page).connection).toHaveText('Live');

  expect(await execute(server, run.id)).toBe(0);
  const { run: final, lines, tasks } = await expectPageMatchesApi(page, server, run.id);
  expect(final.state_type).toBe('COMPLETED');
  expect(tasks).toBe(500);
  expect(lines).toBeGreaterThanOrEqual(3000);
});

test('after Retry of a failed run its page shows the new attempt live: state, times, duration, lines', async ({ page, server }) => {
  test.setTimeout(120_000);
  const run = await deploymentRun(server, 'always-fails.ts:invoiceCheck', `invoice-check-${suffix()}`);
  const flowRun = new FlowRunPage(page);
  await flowRun.goto(run.id);
  expect(await execute(server, run.id)).toBe(0);
  const first = await expectPageMatchesApi(page, server, run.id);
  expect(first.run.state_type).toBe('FAILED');

  await flowRun.action('Retry').click();
  await expect(flowRun.stateBadge()).toHaveText('AwaitingRetry', FOLLOWS);
  // A retry of an unfinished run has no end: the old one is not shown beside the new state.
  await expect(page.getByLabel('Run summary').getByText('Ended')).toHaveCount(0);
  expect(await execute(server, run.id)).toBe(0);
  const second = await expectPageMatchesApi(page, server, run.id);
  expect(second.run.state_type).toBe('FAILED');
  expect(second.lines).toBeGreaterThan(first.lines);
  expect(Date.parse(second.run.end_time!)).toBeGreaterThan(Date.parse(first.run.end_time!));
});

test('a running run\'s graph is never downloaded again whole: idle, no request; as tasks change, only `since` answers merged in', async ({ page, server }) => {
  test.setTimeout(90_000);
  const flow = await createFlow(server, `graph-live-${suffix()}`);
  const run = await server.postJson<{ id: string }>('/flow_runs/', { flow_id: flow.id, state: { type: 'RUNNING' } });
  const first = await createTaskRun(server, run.id, 'extract');
  await setTaskState(server, first.id, { type: 'RUNNING' });
  const graphReads: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/graph-v2')) graphReads.push(new URL(r.url()).search);
  });
  const flowRun = new FlowRunPage(page);
  await flowRun.goto(run.id);
  await expect(flowRun.graph).toHaveAttribute('data-nodes', '1', { timeout: 20_000 }); // first layout, in a worker
  await expect(new AppShell(page).connection).toHaveText('Live');
  // Read whole once; the stream's opening may add one `since` catch-up (changes between the read and the subscription).
  await page.waitForTimeout(1_000);
  const opened = graphReads.length;
  expect(graphReads[0]).toBe('');

  await page.waitForTimeout(10_000);
  expect(graphReads.length, 'nothing changed: no graph request').toBe(opened);

  await setTaskState(server, first.id, { type: 'COMPLETED' });
  const second = await createTaskRun(server, run.id, 'load', [first.id]);
  await setTaskState(server, second.id, { type: 'RUNNING' });
  await expect(flowRun.graph).toHaveAttribute('data-nodes', '2', FOLLOWS);
  await expect(flowRun.graphNode('load')).toContainText('Running');
  await expect(flowRun.graphNode('extract')).toContainText('Completed');
  expect(graphReads.length).toBeGreaterThan(1);
  expect(graphReads.slice(1).every((q) => q.startsWith('?since=')), graphReads.join(' ')).toBe(true);
});

test('on a slow server, a run that completes while its page is reading it ends Completed: a read in flight is read again', async ({ page, server }) => {
  const flow = await createFlow(server, `slow-read-${suffix()}`);
  const run = await server.postJson<{ id: string }>('/flow_runs/', { flow_id: flow.id, state: { type: 'RUNNING' } });
  const task = await createTaskRun(server, run.id, 'extract');
  await setTaskState(server, task.id, { type: 'RUNNING' });
  const flowRun = new FlowRunPage(page);
  await flowRun.goto(run.id);
  await expect(flowRun.stateBadge()).toHaveText('Running');
  await expect(new AppShell(page).connection).toHaveText('Live');

  // The run's reads are served at once but land 2 s later, as on a loaded machine.
  let started!: () => void;
  const readStarted = new Promise<void>((resolve) => (started = resolve));
  await page.route(new RegExp(`/api/flow_runs/${run.id}$`), async (route) => {
    const response = await route.fetch();
    started();
    await new Promise((r) => setTimeout(r, 2_000));
    await route.fulfill({ response });
  });
  // A task finishing makes the page read its run (it reads Running); the run completes while that read is in flight.
  await setTaskState(server, task.id, { type: 'COMPLETED' });
  await readStarted;
  await setFlowState(server, run.id, { type: 'COMPLETED' });
  await expect(flowRun.stateBadge()).toHaveText('Completed', FOLLOWS);
});

test.describe('a cut stream', () => {
  // The server is down for a while: the page's requests in that time fail, as they should.
  test.use({ allowedFailingUrls: [/127\.0\.0\.1/] });

  test('the page says it is reconnecting, then catches up with what changed meanwhile: no line lost or doubled', async ({ page }) => {
    test.setTimeout(120_000);
    const home = mkdtempSync(join(tmpdir(), 'syntask-e2e-cut-'));
    let own = await startSyntask(['server', 'start'], {}, { home });
    const { port } = own;
    try {
      const api = syntaskApi(own.url);
      const flow = await createFlow(api, `cut-${suffix()}`);
      const run = await api.postJson<{ id: string }>('/flow_runs/', { flow_id: flow.id, state: { type: 'RUNNING' } });
      const t0 = Date.now();
      await log(api, [{ message: 'before the cut', at: t0, flowRunId: run.id }]);

      const flowRun = new FlowRunPage(page);
      const shell = new AppShell(page);
      await page.goto(`${own.url}/runs/flow-run/${run.id}?tab=logs`);
      await expect(flowRun.logLines.getByText('before the cut')).toBeVisible();
      await expect(shell.connection).toHaveText('Live');

      await own.stop();
      await expect(shell.connection).toHaveText(/Reconnecting…|Disconnected/, FOLLOWS);
      // Back on the same data and port; the page is not told about what happens next by the stream it had.
      await page.route(/\/stream(\?|$)/, (route) => route.abort());
      own = await startSyntask(['server', 'start'], {}, { home, port });
      await log(api, [
        { message: 'while cut 1', at: t0 + 1000, flowRunId: run.id },
        { message: 'while cut 2', at: t0 + 2000, flowRunId: run.id },
      ]);
      await setFlowState(api, run.id, { type: 'COMPLETED' });
      await page.unroute(/\/stream(\?|$)/);

      await expect(flowRun.stateBadge()).toHaveText('Completed', FOLLOWS);
      await expect(flowRun.logLines.getByText('while cut 2')).toBeVisible(FOLLOWS);
      await expect(page.getByText('3 lines', { exact: true })).toBeVisible(FOLLOWS);
      for (const message of ['before the cut', 'while cut 1', 'while cut 2']) await expect(flowRun.logLines.getByText(message, { exact: true })).toHaveCount(1);
      await expect(shell.connection).toHaveText('Live', { timeout: 15_000 });
    } finally {
      await own.stop();
      rmSync(home, { recursive: true, force: true });
    }
  });
});
