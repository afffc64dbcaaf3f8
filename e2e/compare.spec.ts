import { axeViolations } from './axe.ts';
import { createTaskRun, setFlowState, setTaskState } from './data.ts';
import { reportDeployment } from './deployment-data.ts';
import { expect, test } from './fixtures.ts';

/** Two runs side by side (issue 20 part 2): from a run's menu and from the runs list. */

test('a failed run compared with the last completed run of its deployment: the differing parameter and the failed task', async ({ page, server }) => {
  const { deployment } = await reportDeployment(server);
  const create = (parameters: Record<string, unknown>) => server.postJson<{ id: string; name: string }>(`/deployments/${deployment.id}/create_flow_run`, { parameters });
  const good = await create({ report_date: '2026-01-05', regions: ['eu-west'] });
  await setFlowState(server, good.id, { type: 'RUNNING' });
  const goodTask = await createTaskRun(server, good.id, 'load-region');
  await setTaskState(server, goodTask.id, { type: 'COMPLETED' });
  await setFlowState(server, good.id, { type: 'COMPLETED' });
  const bad = await create({ report_date: '2026-01-05', regions: ['eu-west', 'ap-south'] });
  await setFlowState(server, bad.id, { type: 'RUNNING' });
  const badTask = await createTaskRun(server, bad.id, 'load-region');
  await setTaskState(server, badTask.id, { type: 'FAILED', message: 'ConnectionError: ap-south unreachable' });
  await setFlowState(server, bad.id, { type: 'FAILED', message: 'Flow run encountered an exception' });

  await page.goto(`/runs/flow-run/${bad.id}`);
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menu', { name: 'More actions' }).getByRole('button', { name: 'Compare with…' }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/compare\\?left=${good.id}&right=${bad.id}`));
  const params = page.getByLabel('Parameters that differ');
  await expect(params.getByRole('row', { name: /regions\[1\]/ })).toContainText('"ap-south"');
  await expect(params.getByRole('row', { name: /report_date/ })).toHaveCount(0);
  const runs = page.getByLabel('Runs', { exact: true });
  await expect(runs.getByRole('row', { name: /First failing task/ })).toContainText('ConnectionError: ap-south unreachable');
  await expect(page.getByLabel('Tasks').getByRole('row', { name: /load-region/ })).toContainText('Failed');
  expect(await axeViolations(page)).toEqual([]);

  // From the runs list: select two, Compare.
  await page.goto(`/runs?deployment=${encodeURIComponent(JSON.stringify([deployment.id]))}`);
  await page.getByRole('checkbox', { name: `Select ${good.name}` }).check();
  await page.getByRole('checkbox', { name: `Select ${bad.name}` }).check();
  await page.getByRole('toolbar', { name: 'Bulk actions' }).getByRole('link', { name: 'Compare' }).click();
  await expect(page.getByLabel('Parameters that differ').getByRole('row', { name: /regions\[1\]/ })).toBeVisible();
});
