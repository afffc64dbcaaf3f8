import { TOP_PAGES } from '../src/lib/pages.ts';
import { SHORTCUT_GROUPS, SHORTCUTS } from '../src/lib/shortcuts.ts';
import { createFlow, createFlowRun, failedEtlRun, log, setFlowState } from './data.ts';
import { expect, test } from './fixtures.ts';
import { FlowRunPage } from './pages/flow-run.ts';
import { AppShell } from './pages/shell.ts';

/** Keys go to the page, not to a field that kept focus after the last step. */
const blur = (page: import('@playwright/test').Page) => page.evaluate('document.activeElement && document.activeElement.blur()');

test('every go-to entry of the registry navigates to its page', async ({ page }) => {
  const shell = new AppShell(page);
  await page.goto('/dashboard');
  await expect(shell.pageHeading()).toBeVisible();
  const goTo = SHORTCUTS.filter((s) => 'to' in s);
  expect(goTo.length).toBe(TOP_PAGES.length);
  // From the last page back to the first, so every entry changes the page.
  for (const shortcut of [...goTo].reverse()) {
    const target = TOP_PAGES.find((p) => p.to === shortcut.to)!;
    await blur(page);
    await shell.pressSequence(...shortcut.keys);
    await expect(page, `${shortcut.keys.join(' ')} opens ${target.to}`).toHaveURL((url) => url.pathname.startsWith(target.to));
    await expect(shell.navLink(target.label)).toHaveAttribute('aria-current', 'page');
  }
});

test('? lists every shortcut by group; Esc closes it; shortcuts stay off while typing', async ({ page }) => {
  await page.goto('/flows');
  // The shortcut listener exists once the app has rendered.
  await expect(new AppShell(page).pageHeading()).toBeVisible();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const group of SHORTCUT_GROUPS) await expect(help.getByRole('heading', { name: group, exact: true })).toBeVisible();
  for (const s of SHORTCUTS) await expect(help.getByText(s.description, { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // `/` focuses the page's search; keys typed there stay text.
  await page.keyboard.press('/');
  const search = page.getByPlaceholder('Search flows by name');
  await expect(search).toBeFocused();
  await page.keyboard.type('gd?');
  await expect(search).toHaveValue('gd?');
  await expect(page).toHaveURL(/\/flows/);
  await expect(help).toBeHidden();
  // Esc leaves the field; the same keys are shortcuts again.
  await page.keyboard.press('Escape');
  await expect(search).not.toBeFocused();
  await new AppShell(page).pressSequence('g', 'd');
  await expect(page).toHaveURL(/\/deployments/);
});

test('a search still waiting for its typing pause does not pull the user back from the page they went to', async ({ page }) => {
  const shell = new AppShell(page);
  await page.goto('/flows');
  await expect(shell.pageHeading()).toHaveText('Flows');
  // The next page's code arrives late, as on a slow link: the typing pause ends while the router waits for it.
  let delayed = 0;
  await page.route(/\/assets\/.+\.js$/, async (route) => {
    delayed++;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await route.continue();
  });
  await page.getByPlaceholder('Search flows by name').fill('nightly');
  await blur(page);
  await shell.pressSequence('g', 'd');
  await expect(shell.pageHeading()).toHaveText('Deployments');
  await expect(page).toHaveURL((url) => url.pathname === '/deployments' && !url.search.includes('nightly'));
  expect(delayed).toBeGreaterThan(0);
});

test('j / k move a visible selection through the runs list and Enter opens the selected run', async ({ page, server }) => {
  const flow = await createFlow(server, 'keyboard-list-flow');
  for (const name of ['kb-run-a', 'kb-run-b', 'kb-run-c']) {
    const run = await createFlowRun(server, flow.id, { name });
    await setFlowState(server, run.id, { type: 'COMPLETED' });
  }
  // Only this flow's runs: the server is shared with other specs.
  await page.goto(`/runs?flow=${encodeURIComponent(JSON.stringify([flow.id]))}`);
  const table = page.getByRole('table', { name: 'Flow runs' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  const rowNames = await Promise.all([0, 1, 2].map((i) => rows.nth(i).getByRole('link').first().innerText()));
  expect(new Set(rowNames)).toEqual(new Set(['kb-run-a', 'kb-run-b', 'kb-run-c']));

  await page.keyboard.press('j');
  await expect(rows.nth(0)).toHaveAttribute('data-selected-row', '');
  await expect(rows.nth(0).getByRole('link', { name: rowNames[0] })).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(rows.nth(2)).toHaveAttribute('data-selected-row', '');
  await expect(rows.nth(0)).not.toHaveAttribute('data-selected-row', '');
  await page.keyboard.press('k');
  await expect(rows.nth(1)).toHaveAttribute('data-selected-row', '');
  await expect(rows.nth(1)).toBeInViewport();
  // The highlight is more than colour: the row's link has the focus ring.
  const selectedLink = rows.nth(1).getByRole('link', { name: rowNames[1] });
  await expect(selectedLink).toBeFocused();
  await expect(selectedLink).toHaveCSS('outline-style', 'solid');

  // Enter on the row's checkbox opens the row too; Space still ticks it.
  await page.keyboard.press('Shift+Tab');
  const checkbox = rows.nth(1).getByRole('checkbox');
  await expect(checkbox).toBeFocused();
  await page.keyboard.press('Space');
  await expect(checkbox).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/runs\/flow-run\//);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(rowNames[1]);
});

test('j and Enter work on other list pages without page code: work pools', async ({ page, server }) => {
  // Pools are listed by name: this one sorts before those other specs make (pool-…, demo) and before an earlier repeat's.
  const name = `a-kb-${String(1e13 - Date.now()).padStart(13, '0')}`;
  await server.postJson('/work_pools/', { name, type: 'process' });
  await page.goto('/work-pools');
  const link = page.getByRole('main').getByRole('link', { name, exact: true });
  await expect(link).toBeVisible();
  await expect(page.getByRole('main').locator('tbody tr').first()).toContainText(name);
  await blur(page);
  // One press, then wait: a busy page handles keys late, and pressing on until focus shows up overshot the row.
  await page.keyboard.press('j');
  await expect(link).toBeFocused();
  await expect(page.locator('main tr[data-selected-row]')).toContainText(name);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/work-pools/work-pool/${name}`));
});

test('in the logs, e and Shift E step through error lines found by the server, beyond the loaded lines', async ({ page, server }) => {
  const { run } = await failedEtlRun(server);
  // 1,500 more lines after the run's own: the last error lies far outside the first page.
  const start = Date.now() - 30_000;
  await log(
    server,
    Array.from({ length: 1500 }, (_, i) => ({ message: i === 1400 ? 'late failure in shard 9' : `tail line ${i}`, level: i === 1400 ? 40 : 20, at: start + i * 10, flowRunId: run.id })),
  );
  const flowRun = new FlowRunPage(page);
  await flowRun.goto(run.id, '?tab=logs');
  await expect(flowRun.logLines.getByText('Beginning flow run')).toBeVisible();
  const highlighted = flowRun.logLines.locator('[aria-current="true"]');

  await page.keyboard.press('e');
  await expect(highlighted).toContainText('ConnectionError: warehouse refused the connection');
  await expect(highlighted).toBeInViewport();
  await expect(page).toHaveURL(/line=/);
  await page.keyboard.press('e');
  await expect(highlighted).toContainText('Finished in state Failed');
  await page.keyboard.press('e');
  await expect(highlighted).toContainText('late failure in shard 9');
  await expect(highlighted).toBeInViewport();
  await page.keyboard.press('e');
  await expect(page.getByText('No error line after this one')).toBeVisible();
  await expect(highlighted).toContainText('late failure in shard 9');

  await page.keyboard.press('Shift+E');
  await expect(highlighted).toContainText('Finished in state Failed');
  await expect(highlighted).toBeInViewport();
  // The toolbar buttons do the same.
  await page.getByRole('button', { name: 'Previous error' }).click();
  await expect(highlighted).toContainText('ConnectionError: warehouse refused the connection');
});

test('f turns following the live log of a running run off and on', async ({ page, server }) => {
  const flow = await createFlow(server, 'follow-flow');
  const run = await createFlowRun(server, flow.id, { name: 'follow-run' });
  await setFlowState(server, run.id, { type: 'RUNNING' });
  await log(server, [{ message: 'first line', at: Date.now() - 1000, flowRunId: run.id }]);
  const flowRun = new FlowRunPage(page);
  await flowRun.goto(run.id, '?tab=logs');
  await expect(flowRun.logLines.getByText('first line')).toBeVisible();
  // Once live, a log that fits on screen may already follow (the catch-up at connect signals new lines): f flips whatever it is.
  await expect(new AppShell(page).connection).toHaveText('Live');
  const follow = page.getByRole('button', { name: 'Follow' });
  const before = (await follow.getAttribute('aria-pressed')) === 'true';
  await page.keyboard.press('f');
  await expect(follow).toHaveAttribute('aria-pressed', String(!before));
  await page.keyboard.press('f');
  await expect(follow).toHaveAttribute('aria-pressed', String(before));
});

test('Esc closes the side panel of a graph node, wherever the focus is', async ({ page, server }) => {
  const { run } = await failedEtlRun(server);
  const flowRun = new FlowRunPage(page);
  await flowRun.goto(run.id);
  await expect(flowRun.graph).toHaveAttribute('data-ready', 'true', { timeout: 20_000 }); // layout runs in a worker: slow on a loaded 2-core machine
  await page.getByRole('button', { name: 'First failed task' }).click();
  await expect(flowRun.panel).toBeVisible();
  await expect(page.getByRole('button', { name: 'First failed task' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(flowRun.panel).toBeHidden();
});
