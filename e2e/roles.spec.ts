import type { BrowserContext, Page } from '@playwright/test';
import { test as base, expect as baseExpect, startSyntask, type SyntaskServer } from './fixtures.ts';
import { FlowRunPage } from './pages/flow-run.ts';
import { CommandPalette } from './pages/palette.ts';

/**
 * Issue 13 in the browser: a server with sign-in on, three users, and what each of them can
 * do. Data is made through the API as root (HTTP Basic); the page signs in with its own cookie.
 */

const ROOT_PASSWORD = `root-${Math.random().toString(36).slice(2, 12)}`;
const USERS = {
  viewer: { name: 'vera', password: 'vera-password-1' },
  operator: { name: 'otto', password: 'otto-password-1' },
  admin: { name: 'ada', password: 'ada-password-1' },
} as const;
type RoleName = keyof typeof USERS;

// Every sign-in hashes a password on the server; a busy machine needs more than the default 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

// The worker's server, with sign-in on (the default fixture's server has it off).
const test = base.extend<object, { server: SyntaskServer }>({
  server: [
    async ({}, use) => {
      const running = await startSyntask(['server', 'start'], { SYNTASK_SERVER_API_AUTH_STRING: `root:${ROOT_PASSWORD}` });
      try {
        await use({ url: running.url, api: `${running.url}/api`, getJson: () => Promise.reject(new Error('use asRoot')), postJson: () => Promise.reject(new Error('use asRoot')) });
      } finally {
        await running.stop();
      }
    },
    { scope: 'worker', timeout: 45_000 },
  ],
});

/** The API as root (Basic) or with any other Authorization header. */
function apiAs(server: SyntaskServer, authorization = `Basic ${Buffer.from(`root:${ROOT_PASSWORD}`).toString('base64')}`) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.api}${path}`, {
      method,
      headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text === '' ? null : JSON.parse(text)) as T;
  };
  return { get: <T>(path: string) => call<T>('GET', path), post: <T>(path: string, body: unknown) => call<T>('POST', path, body) };
}

const suffix = () => Math.random().toString(36).slice(2, 8);

/** Users once per server; creating an existing one answers 409. */
async function ensureUsers(server: SyntaskServer) {
  const root = apiAs(server);
  const existing = await root.get<{ name: string }[]>('/users/');
  for (const [role, u] of Object.entries(USERS)) if (!existing.some((e) => e.name === u.name)) await root.post('/users/', { ...u, role });
}

async function failedRun(server: SyntaskServer) {
  const root = apiAs(server);
  const flow = await root.post<{ id: string }>('/flows/', { name: `roles-${suffix()}` });
  const run = await root.post<{ id: string; name: string }>('/flow_runs/', { flow_id: flow.id, name: `roles-run-${suffix()}` });
  await root.post(`/flow_runs/${run.id}/set_state`, { state: { type: 'RUNNING' }, force: true });
  await root.post(`/flow_runs/${run.id}/set_state`, { state: { type: 'FAILED', message: 'ConnectionError' }, force: true });
  return run;
}

async function secretBlock(server: SyntaskServer, value: string) {
  const root = apiAs(server);
  const type = await root.get<{ id: string }>('/block_types/slug/secret');
  const [schema] = await root.post<{ id: string }[]>('/block_schemas/filter', { block_schemas: { block_type_id: { any_: [type.id] } }, limit: 1 });
  return root.post<{ id: string; name: string }>('/block_documents/', { name: `api-token-${suffix()}`, data: { value }, block_schema_id: schema.id, block_type_id: type.id });
}

async function signIn(page: Page, role: RoleName) {
  const { name, password } = USERS[role];
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
}

const sessionCookie = async (context: BrowserContext) => (await context.cookies()).find((c) => c.name === 'syntask_session');

test.beforeAll(async ({ server }) => ensureUsers(server));
// Each journey signs in (password hashing on the server) and walks several pages.
test.describe.configure({ timeout: 90_000 });

test.describe('signing in', () => {
  // Before signing in, "who am I" answers 401, and a wrong password 401 too.
  test.use({ allowedFailingUrls: ['/api/auth/me', '/api/auth/login'] });

  test('a viewer signs in, reads runs, and cannot retry a failed run', async ({ page, server, context }) => {
    const run = await failedRun(server);
    await page.goto('/runs');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fruns$/);

    // A wrong password: the server's words, and what was typed stays.
    await page.getByLabel('Name', { exact: true }).fill('vera');
    await page.getByLabel('Password', { exact: true }).fill('not-her-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('Invalid name or password.');
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('vera');

    await signIn(page, 'viewer');
    await expect(page).toHaveURL(/\/runs$/);
    await expect(page.getByRole('table', { name: 'Flow runs' }).getByRole('link', { name: run.name })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Account: vera (viewer)' })).toBeVisible();
    // The session is a cookie scripts cannot read; nothing about it is stored by the page.
    expect((await sessionCookie(context))?.httpOnly).toBe(true);
    const stored = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]));
    expect(stored).not.toContain(USERS.viewer.password);
    expect(stored).not.toContain((await sessionCookie(context))!.value);

    await page.getByRole('link', { name: run.name }).click();
    const flowRun = new FlowRunPage(page);
    await expect(flowRun.stateBadge()).toHaveText('Failed');
    const retry = flowRun.action('Retry');
    await expect(retry).toBeDisabled();
    await expect(retry).toHaveAttribute('title', 'Needs the operator role');
    await page.getByRole('button', { name: 'More actions' }).click();
    await expect(page.getByRole('menu', { name: 'More actions' }).getByRole('button', { name: 'Delete…' })).toBeDisabled();
    await page.keyboard.press('Escape');
    expect((await apiAs(server).get<{ state_type: string }>(`/flow_runs/${run.id}`)).state_type).toBe('FAILED');

    // Signing out ends the session and leads to the sign-in page.
    await page.getByRole('button', { name: 'Account: vera (viewer)' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fdashboard$/);
  });

  test('the sign-in page never sends anyone off-site, and says how long a throttled sign-in waits', async ({ page }) => {
    await page.route('**/api/auth/login', (route) => route.fulfill({ status: 429, headers: { 'retry-after': '30' }, json: { detail: 'Too many failed sign-ins. Try again in 30 s.' } }));
    await page.goto('/sign-in?next=https%3A%2F%2Fevil.test%2F');
    await signIn(page, 'viewer');
    await expect(page.getByRole('alert')).toHaveText(/^Too many failed sign-ins\. Try again in (30|29|28) s\.$/);
    await expect(page.getByRole('button', { name: /^Wait \d+ s$/ })).toBeDisabled();
    await page.unroute('**/api/auth/login');
    await page.goto('/sign-in?next=%2F%2Fevil.test%2Fx');
    await signIn(page, 'viewer');
    await expect(page).toHaveURL(/\/dashboard$/);
  });
});

test('an operator retries a failed run (audited with their name) but cannot edit blocks', async ({ page, server }) => {
  const run = await failedRun(server);
  const block = await secretBlock(server, 'old-token');
  await page.goto(`/sign-in?next=${encodeURIComponent(`/runs/flow-run/${run.id}`)}`);
  await signIn(page, 'operator');
  const flowRun = new FlowRunPage(page);
  await expect(flowRun.stateBadge()).toHaveText('Failed');
  await flowRun.action('Retry').click();
  await expect(flowRun.stateBadge()).toHaveText(/AwaitingRetry|Scheduled/);
  expect((await apiAs(server).get<{ state_type: string }>(`/flow_runs/${run.id}`)).state_type).toBe('SCHEDULED');

  await page.goto(`/blocks/block/${block.id}/edit`);
  await expect(page.getByText('Needs the admin role')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);

  const audit = await apiAs(server).post<{ actor: string; operation: string; resource_id: string | null; outcome: string }[]>('/audit_log/filter', { actor: USERS.operator.name, limit: 50 });
  expect(audit).toContainEqual(expect.objectContaining({ actor: 'otto', operation: 'setFlowRunState', resource_id: run.id, outcome: 'success' }));
});

test('an admin replaces a block secret without ever seeing the old one', async ({ page, server }) => {
  const block = await secretBlock(server, 'old-token-Xy7');
  await page.goto(`/sign-in?next=${encodeURIComponent(`/blocks/block/${block.id}/edit`)}`);
  await signIn(page, 'admin');
  const secret = page.locator('[data-field="/value"] input');
  await expect(secret).toHaveAttribute('type', 'password');
  await expect(secret).toHaveValue('');
  await expect(secret).toHaveAttribute('placeholder', 'Stored secret (unchanged)');
  expect(await page.content()).not.toContain('old-token-Xy7');
  await secret.fill('new-token-Qp2');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(new RegExp(`/blocks/block/${block.id}$`));
  const stored = await apiAs(server).get<{ data: { value: string } }>(`/block_documents/${block.id}?include_secrets=true`);
  expect(stored.data.value).toBe('new-token-Qp2');
});

test.describe('a session that ends', () => {
  // Every request of the page answers 401 once the session is gone; each failure is checked to be exactly that.
  test.use({ allowedFailingUrls: ['/api/'] });

  test('leads to the sign-in page and back to the same page after signing in again', async ({ page, server, context }) => {
    const failures: string[] = [];
    page.on('response', (r) => r.status() >= 400 && failures.push(`${r.status()} ${r.url()}`));
    const run = await failedRun(server);
    const here = `/runs/flow-run/${run.id}?tab=logs`;
    await page.goto(`/sign-in?next=${encodeURIComponent(here)}`);
    await signIn(page, 'viewer');
    const flowRun = new FlowRunPage(page);
    await expect(flowRun.stateBadge()).toHaveText('Failed');
    await expect(flowRun.tab('Logs')).toHaveAttribute('aria-selected', 'true');

    // The session ends on the server (signed out elsewhere, or expired); the page still has its cookie.
    const cookie = await sessionCookie(context);
    const out = await fetch(`${server.api}/auth/logout`, { method: 'POST', headers: { cookie: `${cookie!.name}=${cookie!.value}` } });
    expect(out.status).toBe(204);
    // Any request now answers 401: a search in the palette, unless a background refresh got there first.
    await page.keyboard.press('Control+k');
    await new CommandPalette(page).input.fill('roles', { timeout: 10_000 }).catch(() => expect(page).toHaveURL(/\/sign-in/));
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    expect(new URL(page.url()).searchParams.get('next')).toBe(here);

    await signIn(page, 'viewer');
    await expect(page).toHaveURL(new RegExp(`/runs/flow-run/${run.id}\\?tab=logs$`));
    await expect(flowRun.stateBadge()).toHaveText('Failed');
    expect(failures.length).toBeGreaterThan(0);
    for (const f of failures) expect(f).toMatch(/^401 /);

    // A cleared cookie jar does the same on the next load.
    await context.clearCookies();
    await page.reload();
    await expect(page).toHaveURL(/\/sign-in\?next=/);
  });
});

test('an API key is shown once, works as a Bearer token, and can be revoked', async ({ page, server }) => {
  await page.goto('/sign-in?next=%2Fsettings');
  await signIn(page, 'operator');
  await page.getByRole('button', { name: 'Account: otto (operator)' }).click();
  await page.getByRole('menuitem', { name: 'API keys' }).click();
  const section = page.getByRole('region', { name: 'API keys' });
  await section.getByRole('button', { name: 'New API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'New API key' });
  const name = `ci-${suffix()}`;
  await dialog.getByLabel('Name').fill(name);
  // Up to one's own role: an operator cannot make an admin key.
  await expect(dialog.getByLabel('Role').locator('option')).toHaveText(['viewer', 'operator']);
  await dialog.getByLabel('Role').selectOption('operator');
  await dialog.getByLabel('Expires').selectOption('30');
  await dialog.getByRole('button', { name: 'Create key' }).click();
  await expect(dialog.getByText('you won’t see it again')).toBeVisible();
  const key = await dialog.getByRole('textbox', { name: /^Key / }).inputValue();
  expect(key.length).toBeGreaterThan(20);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByRole('row').filter({ hasText: name })).toContainText('operator');
  // Gone from the page and from storage once the dialog closed.
  expect(await page.content()).not.toContain(key);
  expect(await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]))).not.toContain(key);

  const asKey = apiAs(server, `Bearer ${key}`);
  expect(await asKey.post<unknown[]>('/flow_runs/filter', { limit: 1 })).toBeInstanceOf(Array);

  await section.getByRole('button', { name: `Revoke ${name}` }).click();
  await page.getByRole('dialog', { name: 'Revoke API key' }).getByRole('button', { name: 'Revoke key' }).click();
  await expect(section.getByRole('row').filter({ hasText: name })).toHaveCount(0);
  const refused = await fetch(`${server.api}/flow_runs/filter`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: '{}' });
  expect(refused.status).toBe(401);
});
