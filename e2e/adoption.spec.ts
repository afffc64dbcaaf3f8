import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, startSyntask, syntaskApi, test } from './fixtures.ts';

/**
 * Incremental adoption, as a newcomer meets it: a flow script run with no server, then the
 * dashboard started on the same SYNTASK_HOME shows the run; a second script run while that
 * server is up (both processes writing the file) shows too. The server runs with a profile.
 */

const REPO_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

const FLOW = `
import { flow, getRunLogger, task } from 'syntask';
const square = task({ name: 'square' }, async (n: number) => {
  getRunLogger().info('squared ' + n + ' into ' + n * n);
  return n * n;
});
const firstSteps = flow({ name: 'first-steps' }, async () => {
  let total = 0;
  for (let i = 1; i <= 3; i++) total += await square(i);
  return total;
});
await firstSteps();
`;

function run(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SYNTASK_')));
  const child = spawn(command, args, { cwd, env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, output })));
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => resolve(port));
    });
  });
}

test('a run made with no server shows in the dashboard started later; ad-hoc filter, where it ran, the profile', async ({ page }) => {
  test.setTimeout(180_000);
  const home = mkdtempSync(join(tmpdir(), 'syntask-e2e-adopt-'));
  const project = mkdtempSync(join(tmpdir(), 'syntask-e2e-project-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(REPO_ROOT, join(project, 'node_modules', 'syntask'), 'dir');
  writeFileSync(join(project, 'flow.ts'), FLOW);
  const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
  const syntask = (args: string[]) => run(process.execPath, [join(REPO_ROOT, 'bin', 'syntask.js'), ...args], REPO_ROOT, { SYNTASK_HOME: home });

  const noServer = String(await freePort());
  const first = await run(tsx, ['flow.ts'], project, { SYNTASK_HOME: home, SYNTASK_SERVER_API_PORT: noServer });
  expect(first.code, first.output).toBe(0);
  expect(first.output).toContain('embedded API');

  expect((await syntask(['profile', 'create', 'laptop'])).code).toBe(0);
  expect((await syntask(['profile', 'use', 'laptop'])).code).toBe(0);
  const server = await startSyntask(['server', 'start'], {}, { home });
  try {
    const api = syntaskApi(server.url);
    const runs = await api.postJson<{ id: string; name: string }[]>('/flow_runs/filter', { flows: { name: { any_: ['first-steps'] } } });
    expect(runs).toHaveLength(1);

    await page.goto(`${server.url}/runs?deployment=none`);
    const table = page.getByRole('table').first();
    await expect(table.getByRole('link', { name: runs[0].name })).toBeVisible();
    await table.getByRole('link', { name: runs[0].name }).click();
    const summary = page.getByLabel('Run summary');
    await expect(summary).toContainText(/Ran on\s*\S+ · script, embedded API/);
    await expect(page.getByText('Completed').first()).toBeVisible();
    await page.getByRole('tab', { name: /Logs/ }).click();
    await expect(page.getByText('squared 3 into 9')).toBeVisible();
    await page.getByRole('tab', { name: /Task runs/ }).click();
    await expect(page.getByRole('link', { name: /^square-/ })).toHaveCount(3);

    // A second script while the server is up: two processes write the same SQLite file.
    const second = await run(tsx, ['flow.ts'], project, { SYNTASK_HOME: home, SYNTASK_PROFILE: 'default', SYNTASK_SERVER_API_PORT: noServer });
    expect(second.code, second.output).toBe(0);
    expect(second.output).toContain('embedded API');
    await page.goto(`${server.url}/runs?deployment=none`);
    await expect(page.getByRole('table').first().getByRole('link', { name: /./ }).filter({ hasNotText: runs[0].name }).first()).toBeVisible();
    const after = await api.postJson<{ state_type: string }[]>('/flow_runs/filter', { flows: { name: { any_: ['first-steps'] } } });
    expect(after.map((r) => r.state_type)).toEqual(['COMPLETED', 'COMPLETED']);

    await page.goto(`${server.url}/settings`);
    await expect(page.getByRole('definition').filter({ hasText: 'laptop' })).toBeVisible();
  } finally {
    await server.stop();
    rmSync(home, { recursive: true, force: true });
    rmSync(project, { recursive: true, force: true });
  }
});
