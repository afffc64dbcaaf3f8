import type { Locator, Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { createFlow, createFlowRun, createTaskRun, setFlowState, setTaskState } from './data.ts';
import { expect, test, type SyntaskServer } from './fixtures.ts';
import { FlowRunPage } from './pages/flow-run.ts';

/** long-report's shape at a small size: fetch → score-item ×12 (mapped; #7 fails) → publish. */
async function mappedRun(server: SyntaskServer) {
  const flow = await createFlow(server, `mapped-${Math.random().toString(36).slice(2, 8)}`);
  const run = await createFlowRun(server, flow.id, { name: 'mapped-report' });
  await setFlowState(server, run.id, { type: 'RUNNING' });
  const fetch = await createTaskRun(server, run.id, 'fetch');
  await setTaskState(server, fetch.id, { type: 'RUNNING' });
  await setTaskState(server, fetch.id, { type: 'COMPLETED' });
  const items = [];
  // Created out of order, as parallel workers would start them: the graph still reads 0, 1, 2 … 11.
  for (const i of [0, 1, 10, 2, 3, 11, 4, 5, 6, 7, 8, 9]) {
    const t = await createTaskRun(server, run.id, 'score-item', [fetch.id], { dynamic_key: String(i), name: `score-item-${i}` });
    items.push(t);
    await setTaskState(server, t.id, { type: 'RUNNING' });
    await setTaskState(server, t.id, i === 7 ? { type: 'FAILED', message: 'score out of range' } : { type: 'COMPLETED' });
  }
  const publish = await createTaskRun(server, run.id, 'publish', items.map((t) => t.id));
  await setTaskState(server, publish.id, { type: 'RUNNING' });
  await setTaskState(server, publish.id, { type: 'COMPLETED' });
  await setFlowState(server, run.id, { type: 'FAILED' });
  return run;
}

const box = async (l: Locator) => (await l.boundingBox())!;
const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** No drawn node lies under the zoom controls or the minimap. */
async function expectControlsClear(page: Page, graph: Locator) {
  const covers = [await box(page.locator('.react-flow__controls')), await box(page.locator('.react-flow__minimap'))];
  for (const node of await graph.locator('.react-flow__node').all()) {
    const b = await box(node);
    for (const c of covers) expect(overlaps(b, c), `a node at ${b.x},${b.y} lies under a control`).toBe(false);
  }
}

// Tall enough for the opened group's 14 nodes at a readable zoom.
test.use({ viewport: { width: 1280, height: 1400 } });

test('a mapped task draws as one group node that opens in place, in natural order, with its first failure found', async ({ page, server }) => {
  const run = await mappedRun(server);
  const flowRun = new FlowRunPage(page);
  await flowRun.goto(run.id);
  await expect(flowRun.graph).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  await expect(flowRun.graph).toHaveAttribute('data-nodes', '14');
  await expect(flowRun.graph).toHaveAttribute('data-drawn', '3');
  const group = flowRun.graphNode('score-item');
  await expect(group).toContainText('score-item ×12');
  await expect(group).toContainText('11 completed, 1 failed');
  await expect(group).toContainText('first failure');
  // Screen readers hear the same on a focused node.
  await expect(page.getByLabel('score-item, a group of 12 task runs: 11 completed, 1 failed, holds the first failure', { exact: true })).toBeVisible();
  await expect(page.getByLabel(/^fetch: Completed, ran \d/)).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Graph' })).toContainText('14 nodes, drawn as 3');
  await expectControlsClear(page, flowRun.graph);
  expect(await axeViolations(page)).toEqual([]);

  // A click on the group opens it in place; its chip in the toolbar closes it.
  await group.locator('div').filter({ hasText: '11 completed, 1 failed' }).last().click();
  await expect(flowRun.graph).toHaveAttribute('data-drawn', '14');
  await expect(flowRun.panel).toBeHidden();
  await page.getByRole('button', { name: 'Collapse group score-item' }).click();
  await expect(flowRun.graph).toHaveAttribute('data-drawn', '3');
  // So does Enter on its own button, once (not again through the node).
  await page.getByRole('button', { name: 'Expand group score-item' }).focus();
  await page.keyboard.press('Enter');
  await expect(flowRun.graph).toHaveAttribute('data-drawn', '14');
  await page.getByRole('button', { name: 'Collapse group score-item' }).click();
  await expect(flowRun.graph).toHaveAttribute('data-drawn', '3');

  // The first failure opens its group and its panel.
  await page.getByRole('button', { name: 'First failed task' }).click();
  await expect(flowRun.graph).toHaveAttribute('data-drawn', '14');
  await expect(flowRun.panel.getByRole('link', { name: 'score-item-7' })).toBeVisible();
  await expect(flowRun.graphNode('score-item-7')).toContainText('first failure');
  // Natural order down the column: 2 above 10, 9 above 10 and 11.
  await page.locator('.react-flow__controls-fitview').click();
  const y = async (label: string) => (await box(flowRun.graph.locator('.react-flow__node').filter({ hasText: new RegExp(`^${label}(Failed|Completed)`) }))).y;
  const ys = [];
  for (const i of [0, 1, 2, 9, 10, 11]) ys.push(await y(`score-item-${i}`));
  expect(ys).toEqual([...ys].sort((a, b) => a - b));

  // The toolbar's chip collapses it again.
  await page.getByRole('button', { name: 'Collapse group score-item' }).click();
  await expect(flowRun.graph).toHaveAttribute('data-drawn', '3');
  await expect(group).toContainText('score-item ×12');
});

test('the time-axis layout puts nodes at their start along ticks, is kept in the URL and leaves the controls clear', async ({ page, server }) => {
  const run = await mappedRun(server);
  const flowRun = new FlowRunPage(page);
  await flowRun.goto(run.id);
  await expect(flowRun.graph).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
  await page.getByRole('group', { name: 'Layout' }).getByRole('button', { name: 'Time axis' }).click();
  await expect(page).toHaveURL(/graph=time/);
  await expect(flowRun.graph).toHaveAttribute('data-layout', 'time');
  const axis = page.getByRole('group', { name: /^Time axis \(UTC\)$/ });
  await expect(axis.getByText(/^\d\d:\d\d:\d\d(\.\d{3})?$/).first()).toBeVisible();
  // Started first, on the left; started last, on the right; the group (from its first item's start) in between.
  const fetch = await box(flowRun.graphNode('fetch'));
  const group = await box(flowRun.graphNode('score-item'));
  const publish = await box(flowRun.graphNode('publish'));
  expect(fetch.x).toBeLessThan(group.x);
  expect(group.x).toBeLessThan(publish.x);
  await expectControlsClear(page, flowRun.graph);
  expect(await axeViolations(page)).toEqual([]);

  await page.reload();
  await expect(flowRun.graph).toHaveAttribute('data-layout', 'time', { timeout: 20_000 });
  await expect(page.getByRole('group', { name: 'Layout' }).getByRole('button', { name: 'Time axis' })).toHaveAttribute('aria-pressed', 'true');
});
