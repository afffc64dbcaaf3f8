import { expect, test } from './fixtures.ts';
import { createFlow, createFlowRun, createTaskRun, setFlowState, setTaskState, type Run } from './data.ts';

test.use({ timezoneId: 'UTC' });

/** 30 runs of extract → transform → load; `load` fails in every fifth run (4, 9, …, 29). */
async function flowWith30Runs(server: Parameters<typeof createFlow>[0]) {
  const flow = await createFlow(server, `grid-${Math.random().toString(36).slice(2, 8)}`);
  const failedLoads = new Map<number, string>();
  // Runs one after the other (their order is the grid's); each run's tasks in order, several runs at a time.
  const runs: Run[] = [];
  for (let i = 0; i < 30; i++) {
    const run = await createFlowRun(server, flow.id, { name: `grid-run-${i}` });
    await setFlowState(server, run.id, { type: 'RUNNING' });
    runs.push(run);
  }
  let next = 0;
  const work = async () => {
    for (let i = next++; i < runs.length; i = next++) {
      const fails = i % 5 === 4;
      for (const key of ['extract', 'transform', 'load']) {
        const task = await createTaskRun(server, runs[i].id, key, [], { name: `${key}-0` });
        await setTaskState(server, task.id, { type: 'RUNNING' });
        await setTaskState(server, task.id, key === 'load' && fails ? { type: 'FAILED', message: 'warehouse refused the connection' } : { type: 'COMPLETED' });
        if (key === 'load' && fails) failedLoads.set(i, task.id);
      }
      await setFlowState(server, runs[i].id, { type: fails ? 'FAILED' : 'COMPLETED' });
    }
  };
  await Promise.all(Array.from({ length: 6 }, work));
  return { flow, failedLoads };
}

test("the grid for a flow with 30 runs shows the failing task's row and opens its task run", async ({ page, server }) => {
  test.setTimeout(90_000);
  const { flow, failedLoads } = await flowWith30Runs(server);
  await page.goto(`/flows/flow/${flow.id}`);

  // Shown when the page opens, the only grid there: the last 25 runs (5…29) and the header column.
  const grid = page.getByRole('grid');
  await expect(grid).toHaveCount(1, { timeout: 20_000 }); // one aggregating request, slow on a loaded machine
  await expect(grid.getByRole('columnheader')).toHaveCount(26);
  await expect(grid.getByRole('rowheader')).toHaveText(['extract', 'transform', 'load']);
  const load = grid.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'load' }) });
  // The failures of `load`, said in words (the colour is not the only carrier): runs 9, 14, 19, 24, 29.
  await expect(load.getByRole('link', { name: /: Failed,/ })).toHaveCount(5);
  await expect(load.getByRole('link', { name: /^load in grid-run-29: Failed,/ })).toBeVisible();
  await expect(grid.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'extract' }) }).getByRole('link', { name: /: Failed,/ })).toHaveCount(0);

  // Keyboard: from the task names, down two rows, to the newest run, left, home.
  await grid.getByRole('rowheader', { name: 'extract' }).click();
  await expect(grid.getByRole('rowheader', { name: 'extract' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(grid.getByRole('rowheader', { name: 'load' })).toBeFocused();
  await page.keyboard.press('End');
  const newestLoad = load.getByRole('link', { name: /^load in grid-run-29:/ });
  await expect(newestLoad).toBeFocused();
  await expect(newestLoad).toHaveAttribute('tabindex', '0');
  // Hover or focus shows the name, state and duration.
  await expect(page.getByTestId('task-grid-tooltip')).toContainText('load-0');
  await expect(page.getByTestId('task-grid-tooltip')).toContainText('Failed');
  await page.keyboard.press('ArrowLeft');
  await expect(load.getByRole('link', { name: /^load in grid-run-28: Completed/ })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(grid.getByRole('link', { name: /^transform in grid-run-28: Completed/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await expect(newestLoad).toBeFocused();

  // Enter opens the failed task run.
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/runs/task-run/${failedLoads.get(29)}$`));
  await expect(page.getByRole('heading', { name: 'load-0' })).toBeVisible();

  // A click opens another run's failure.
  await page.goBack();
  await grid.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'load' }) }).getByRole('link', { name: /^load in grid-run-24:/ }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/task-run/${failedLoads.get(24)}$`));

  // The chooser: all 30 runs, kept in the URL.
  await page.goBack();
  await page.getByRole('button', { name: 'Last 50 runs' }).click();
  await expect(page).toHaveURL(/grid=50/);
  await expect(grid.getByRole('columnheader')).toHaveCount(31);
  await expect(load.getByRole('link', { name: /: Failed,/ })).toHaveCount(6);
});
