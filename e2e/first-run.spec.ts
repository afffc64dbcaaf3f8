import { expect, startSyntask, syntaskApi, test as base } from './fixtures.ts';

/** A fresh server with nothing on it: each page says what it is for and how to get data. */
const test = base.extend({
  server: [
    async ({}, use) => {
      const running = await startSyntask(['server', 'start']);
      try {
        await use(syntaskApi(running.url));
      } finally {
        await running.stop();
      }
    },
    { scope: 'worker' },
  ],
});

/** Pages whose data comes from deploying flows and running workers show the CLI commands for it. */
const CLI_PAGES = ['/dashboard', '/runs', '/flows', '/deployments'];

for (const path of CLI_PAGES) {
  test(`${path} on an empty server explains how to get the first runs, with copyable CLI commands`, async ({ page }) => {
    await page.goto(path);
    const steps = page.getByRole('list').filter({ hasText: 'npx syntask deploy' });
    await expect(steps).toBeVisible();
    await expect(steps.getByText('npx syntask worker start --pool local')).toBeVisible();
    await expect(steps.getByRole('button', { name: 'Copy' })).toHaveCount(3);
  });
}
