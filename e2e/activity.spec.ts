import type { Page } from '@playwright/test';
import { createFlow, createFlowRun, createTaskRun, setFlowState, setTaskState, type Run } from './data.ts';
import { reportDeployment } from './deployment-data.ts';
import { expect, test } from './fixtures.ts';
import type { SyntaskServer } from './fixtures.ts';

/** Run activity on a real time axis: the dashboard's past range, the flow and deployment pages' charts. */

const suffix = () => Math.random().toString(36).slice(2, 8);
const HOUR = 3_600_000;

/** A completed and a failed run (each with a finished task run), and a run scheduled two hours ahead. */
async function seedRuns(server: SyntaskServer, create: (body: Record<string, unknown>) => Promise<Run>, tags: string[] = []) {
  const done = await create({ name: `done-${suffix()}`, tags });
  const failed = await create({ name: `failed-${suffix()}`, tags });
  for (const [run, final] of [
    [done, 'COMPLETED'],
    [failed, 'FAILED'],
  ] as const) {
    await setFlowState(server, run.id, { type: 'RUNNING' });
    const task = await createTaskRun(server, run.id, `work-${final.toLowerCase()}`);
    await setTaskState(server, task.id, { type: 'RUNNING' });
    await setTaskState(server, task.id, { type: final });
    await setFlowState(server, run.id, { type: final });
  }
  const future = await create({ name: `future-${suffix()}`, tags, state: { type: 'SCHEDULED', state_details: { scheduled_time: new Date(Date.now() + 2 * HOUR).toISOString() } } });
  return { done, failed, future };
}

/** The body of the next POST to `path` the page sends, and when it was seen (the browser shares this machine's clock). */
const nextBody = <T,>(page: Page, path: string) =>
  page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === path).then((r) => ({ body: r.postDataJSON() as T, seen: Date.now() }));

test("the dashboard's range never includes the future; upcoming runs are counted apart", async ({ page, server }) => {
  const tag = `activity-${suffix()}`;
  const flow = await createFlow(server, `activity-${suffix()}`);
  const { future } = await seedRuns(server, (b) => createFlowRun(server, flow.id, b), [tag]);

  const history = nextBody<{ history_start: string; history_end: string; flow_runs: { expected_start_time: { before_: string } } }>(page, '/api/flow_runs/history');
  const taskBuckets = nextBody<{ task_runs: { start_time: { before_: string } } }>(page, '/api/ui/task_runs/dashboard/counts');
  await page.goto(`/dashboard?tag=${tag}`);

  // The charts ask for the past only: time buckets and counts end at the moment of asking.
  const h = await history;
  expect(Date.parse(h.body.history_end)).toBeLessThanOrEqual(h.seen);
  expect(h.seen - Date.parse(h.body.history_end)).toBeLessThan(60_000);
  expect(Date.parse(h.body.history_end) - Date.parse(h.body.history_start)).toBe(24 * HOUR);
  expect(Date.parse(h.body.flow_runs.expected_start_time.before_)).toBeLessThanOrEqual(h.seen);
  const t = await taskBuckets;
  expect(Date.parse(t.body.task_runs.start_time.before_)).toBeLessThanOrEqual(t.seen);

  const activity = page.getByRole('region', { name: 'Flow run activity' });
  // Two runs in the past 24 hours; the scheduled one is upcoming, not in the count or the chart.
  await expect(activity.getByRole('heading', { name: 'Flow runs 2' })).toBeVisible();
  await expect(activity.getByText('Flow runs per interval by state; in this range: 1 Completed, 1 Failed.', { exact: true })).toBeAttached();
  const upcoming = activity.getByRole('link', { name: 'Upcoming: 1 in the next 3 days' });
  await expect(upcoming).toBeVisible();

  // The x axis is time (its domain is the window asked for above), with round-time ticks.
  const ticks = activity.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');
  await expect(ticks.first()).toBeVisible();
  expect(await ticks.count()).toBeGreaterThanOrEqual(4);

  // Task runs: bucketed over the same past range, with their figures as text.
  await expect(page.getByRole('region', { name: 'Task runs' }).getByText('Finished task runs per interval by state; in this range: 1 Completed or cancelled, 1 Failed or crashed.', { exact: true })).toBeAttached();

  // "Upcoming" leads to the scheduled run on the runs page.
  await upcoming.click();
  await expect(page).toHaveURL(/\/runs\?.*range=custom/);
  await expect(page.getByRole('table', { name: 'Flow runs' }).getByRole('link', { name: future.name })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Flow runs' }).getByRole('row')).toHaveCount(2);
});

test('the flow page charts its runs of the past 7 days on a time axis', async ({ page, server }) => {
  const flow = await createFlow(server, `activity-flow-${suffix()}`);
  await seedRuns(server, (b) => createFlowRun(server, flow.id, b));
  // Another flow's run is not this flow's activity.
  const other = await createFlow(server, `other-${suffix()}`);
  await setFlowState(server, (await createFlowRun(server, other.id)).id, { type: 'FAILED' });

  await page.goto(`/flows/flow/${flow.id}`);
  const activity = page.getByRole('region', { name: 'Run activity' });
  await expect(activity.getByRole('heading', { name: /Activity\s+past 7 days · 2 runs/ })).toBeVisible();
  await expect(activity.getByText('Flow runs per interval by state; in this range: 1 Completed, 1 Failed.', { exact: true })).toBeAttached();
  await expect(activity.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').first()).toBeVisible();
  await activity.getByRole('link', { name: 'Show in Runs' }).click();
  await expect(page).toHaveURL(new RegExp(`/runs\\?.*flow=`));
  await expect(page.getByRole('table', { name: 'Flow runs' }).getByRole('row')).toHaveCount(4);
});

test('the deployment page charts its runs of the past 7 days on a time axis', async ({ page, server }) => {
  const { deployment } = await reportDeployment(server);
  await seedRuns(server, (b) => server.postJson<Run>(`/deployments/${deployment.id}/create_flow_run`, b));

  await page.goto(`/deployments/deployment/${deployment.id}`);
  const activity = page.getByRole('region', { name: 'Run activity' });
  await expect(activity.getByRole('heading', { name: /Activity\s+past 7 days · 2 runs/ })).toBeVisible();
  await expect(activity.getByText('Flow runs per interval by state; in this range: 1 Completed, 1 Failed.', { exact: true })).toBeAttached();
  await expect(activity.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').first()).toBeVisible();
});

test('a flow without runs in the past 7 days says so', async ({ page, server }) => {
  const flow = await createFlow(server, `quiet-${suffix()}`);
  await page.goto(`/flows/flow/${flow.id}`);
  await expect(page.getByRole('region', { name: 'Run activity' }).getByText('No runs of this flow in the past 7 days.')).toBeVisible();
});
