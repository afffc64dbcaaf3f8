import { expect, test } from './fixtures.ts';
import { failedEtlRun, setFlowState } from './data.ts';
import { reportDeployment } from './deployment-data.ts';
import { FlowRunPage } from './pages/flow-run.ts';
import { AppShell } from './pages/shell.ts';
import { RunsPage } from './pages/runs.ts';

// A server that offers none of the dashboard's extensions: contract endpoints only.
test.beforeEach(async ({ page }) => {
  await page.route('**/ui-settings', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...(await response.json()), flags: [] } });
  });
});

test('without the extensions the runs list counts task runs per run and a run page polls for changes', async ({ page, server }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const { run } = await failedEtlRun(server, 'fallback-etl');
  const runs = new RunsPage(page);
  await runs.goto();
  // The page says it polls, rather than looking live.
  await expect(new AppShell(page).connection).toHaveText('Refreshing every 3 s');
  await runs.searchName('fallback-');
  await expect(runs.row(run.name).getByText('3 completed')).toBeVisible();
  await expect(runs.row(run.name).getByText('1 failed')).toBeVisible();
  expect(requests).not.toContain('/api/ui/flow_runs/task_run_counts');

  const flowRun = new FlowRunPage(page);
  await runs.runLink(run.name).click();
  await flowRun.tab('Logs').click();
  await expect(flowRun.logLines.getByText('Beginning flow run')).toBeVisible();
  // No search box without server-side search.
  await expect(flowRun.logSearch()).toHaveCount(0);
  await flowRun.action('Retry').click();
  await expect(flowRun.stateBadge()).toHaveText('AwaitingRetry');
  await setFlowState(server, run.id, { type: 'RUNNING' });
  await expect(flowRun.stateBadge()).toHaveText('Running', { timeout: 8000 });
  expect(requests.some((p) => p.endsWith('/stream'))).toBe(false);
});

test('without the schedule preview extension the schedule editor says so and still saves', async ({ page, server }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const { deployment } = await reportDeployment(server);
  await page.goto(`/deployments/deployment/${deployment.id}`);
  await page.getByRole('button', { name: 'Add schedule' }).click();
  const editor = page.getByRole('region', { name: 'New schedule' });
  await editor.getByLabel('Cron expression').fill('0 6 * * 1-5');
  await expect(editor.getByText('Preview not available on this server.')).toBeVisible();
  await editor.getByRole('button', { name: 'Add schedule' }).click();
  // The saved schedule names its zone (the editor's live description, still open for a moment on a busy machine, does not).
  await expect(page.getByRole('region', { name: 'Schedules' }).getByText(/At 06:00, Monday through Friday \(/)).toBeVisible();
  await expect(editor).toBeHidden();
  expect(requests).not.toContain('/api/ui/schedules/preview');
});
