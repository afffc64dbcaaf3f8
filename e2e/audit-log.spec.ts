/// <reference lib="dom" />
import { request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { createFlow, createFlowRun, failedEtlRun, log, setFlowState } from './data.ts';
import { expect, startSyntask, test as base, type SyntaskServer } from './fixtures.ts';
import { FlowRunPage } from './pages/flow-run.ts';

/**
 * The audit log with sign-in on: an operator's change shows up with their name, the operation
 * and a link to the run; an operator is told the page needs the admin role. And long log
 * messages: cut to a preview with "Show all", and pages cut short by size read on.
 */

const ROOT_PASSWORD = 'e2e-root-password-7';
const OTTO_PASSWORD = 'otto-operator-password-1';

/** The fixture's helpers, authenticated as SYNTASK_SERVER_API_AUTH_STRING (Basic). */
function basicApi(url: string, pair: string): SyntaskServer {
  const api = `${url}/api`;
  const authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: body === undefined ? { authorization } : { authorization, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text === '' ? null : JSON.parse(text)) as T;
  };
  return { url, api, getJson: (path) => call('GET', path), postJson: (path, body) => call('POST', path, body) };
}

/** A user's own API session (cookie + this client's CSRF token), as the dashboard holds one. */
async function signedIn(url: string, name: string, password: string): Promise<{ context: APIRequestContext; write: Record<string, string> }> {
  const context = await playwrightRequest.newContext({ baseURL: url });
  const login = await context.post('/api/auth/login', { data: { name, password } });
  expect(login.status(), `sign-in as ${name}`).toBe(204);
  const client = `e2e-${name}`;
  const { token } = (await (await context.get(`/api/csrf-token?client=${client}`)).json()) as { token: string };
  return { context, write: { 'Syntask-Csrf-Token': token, 'Syntask-Csrf-Client': client } };
}

/** Through the sign-in form the app sends a signed-out visitor to. */
async function signInThroughForm(page: Page, path: string, name: string, password: string) {
  await page.goto(path);
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL((url) => url.pathname === path);
}

const signInTest = base.extend({
  server: [
    async ({}, use) => {
      const running = await startSyntask(['server', 'start'], { SYNTASK_SERVER_API_AUTH_STRING: `root:${ROOT_PASSWORD}` });
      try {
        await use(basicApi(running.url, `root:${ROOT_PASSWORD}`));
      } finally {
        await running.stop();
      }
    },
    { scope: 'worker', timeout: 150_000 },
  ],
});

signInTest.describe('with sign-in on', () => {
  signInTest.describe.configure({ mode: 'serial' });
  // Signed out, the app asks who is signed in (401) before it shows the sign-in form.
  signInTest.use({ allowedFailingUrls: ['/api/auth/me'] });
  let runId = '';
  let runName = '';

  // `server` speaks as root (Basic auth string): the test data is root's.
  signInTest.beforeAll(async ({ server }) => {
    const { run } = await failedEtlRun(server);
    runId = run.id;
    runName = run.name;
    await server.postJson('/users/', { name: 'otto', password: OTTO_PASSWORD, role: 'operator' });
    // The operator retries the failed run from their own session.
    const otto = await signedIn(server.url, 'otto', OTTO_PASSWORD);
    const retry = await otto.context.post(`/api/flow_runs/${run.id}/set_state`, { data: { state: { type: 'SCHEDULED', name: 'AwaitingRetry' }, force: true }, headers: otto.write });
    expect(retry.status()).toBe(201);
    await otto.context.dispose();
  });

  signInTest('an admin sees who changed what, links to the run, and filters by who in the URL', async ({ page }) => {
    signInTest.setTimeout(60_000);
    await signInThroughForm(page, '/audit-log', 'root', ROOT_PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Audit log' });
    const entry = table.getByRole('row').filter({ hasText: 'otto' }).filter({ hasText: 'Set flow run state' });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText('User · operator');
    await expect(entry).toContainText('Set flow run state');
    await expect(entry).toContainText('Succeeded');
    await expect(entry).toContainText('201');
    await expect(entry).toContainText('127.0.0.1');
    // Root's own writes (the test data, made with the auth string) are there too.
    await expect(table.getByRole('row').filter({ hasText: 'Auth string · admin' }).first()).toBeVisible();
    await expect(page.getByText(/^1–\d+ of \d+ entries$/)).toBeVisible();

    // Otto's sign-in and the retry; none of root's entries.
    await page.getByRole('combobox', { name: 'Who' }).fill('otto');
    await expect(page).toHaveURL(/[?&]who=otto/);
    await expect(page.getByText('1–2 of 2 entries')).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: 'Sign in' })).toHaveCount(1);
    await expect(table.getByRole('row').filter({ hasText: 'Auth string' })).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Who' })).toHaveValue('otto');
    await expect(table.getByRole('row').filter({ hasText: 'Set flow run state' })).toHaveCount(1);

    await table.getByRole('link', { name: `Flow run ${runName}` }).click();
    await expect(page).toHaveURL(new RegExp(`/runs/flow-run/${runId}`));
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(runName);
  });

  signInTest.describe('as an operator', () => {
    signInTest.use({ allowedFailingUrls: ['/api/auth/me', '/api/audit_log/filter'] });

    signInTest('the page says it needs the admin role', async ({ page }) => {
      await signInThroughForm(page, '/audit-log', 'otto', OTTO_PASSWORD);
      await expect(page.getByText('Needs the admin role')).toBeVisible();
      await expect(page.getByRole('table', { name: 'Audit log' })).toHaveCount(0);
      await expect(page.getByRole('alert')).toHaveCount(0);
    });
  });
});

base('with sign-in off the page explains when entries appear', async ({ page }) => {
  await page.goto('/audit-log');
  await expect(page.getByRole('heading', { name: 'No changes recorded yet' })).toBeVisible();
  await expect(page.getByText('SYNTASK_SERVER_API_AUTH_STRING')).toBeVisible();
});

base('long log messages show a preview with "Show all", and pages cut short by size read on', async ({ page, server }) => {
  base.setTimeout(60_000);
  const flow = await createFlow(server, 'verbose-flow');
  const run = await createFlowRun(server, flow.id, { name: 'verbose-run' });
  await setFlowState(server, run.id, { type: 'RUNNING' });
  await setFlowState(server, run.id, { type: 'COMPLETED' });
  const start = Date.now() - 60_000;
  const long = (n: number) => `long line ${n} ${'0123456789'.repeat(90_000)} end of long line ${n}`;
  // Five ~900,000-character lines pass the ~4 MB a page may carry: the first page stops after four.
  await log(server, [1, 2, 3, 4, 5].map((n) => ({ message: long(n), at: start + n * 1000, flowRunId: run.id })));
  await log(server, [{ message: 'after the long lines', at: start + 10_000, flowRunId: run.id }]);

  const flowRun = new FlowRunPage(page);
  await flowRun.goto(run.id, '?tab=logs');
  const first = flowRun.logLines.locator('[data-log-id]').filter({ hasText: 'long line 1 ' });
  const showAll = first.getByRole('button', { name: `Show all (${long(1).length.toLocaleString('en')} characters)` });
  // The first page carries ~3.6 MB of messages.
  await expect(showAll).toBeVisible({ timeout: 20_000 });
  await expect(first).not.toContainText('end of long line 1');
  expect((await first.innerText()).length).toBeLessThan(3_000);

  // Keyboard: the button expands in place and collapses again.
  await showAll.focus();
  await page.keyboard.press('Enter');
  const showLess = first.getByRole('button', { name: 'Show less' });
  await expect(showLess).toHaveAttribute('aria-expanded', 'true');
  await expect(showLess).toBeFocused();
  await expect(first).toContainText('end of long line 1');
  await page.keyboard.press('Enter');
  await expect(showAll).toHaveAttribute('aria-expanded', 'false');
  await expect(showAll).toBeFocused();
  await expect(first).not.toContainText('end of long line 1');
  // And by mouse.
  await showAll.click();
  await expect(first).toContainText('end of long line 1');
  await showLess.click();
  await expect(first).not.toContainText('end of long line 1');

  // Lines after the size-limited first page are loaded on scrolling, not taken for the end.
  await expect(async () => {
    await flowRun.logLines.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(flowRun.logLines.getByText('after the long lines')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(flowRun.logLines.locator('[data-log-id]').filter({ hasText: 'long line 5 ' })).toHaveCount(1);
});
