import { expect, test } from './fixtures.ts';
import { AppShell, NAV_LABELS } from './pages/shell.ts';

test('the home page opens the dashboard of a connected server', async ({ page, server }) => {
  const version = await server.getJson<string>('/admin/version');
  const shell = new AppShell(page);

  await page.goto('/');

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(shell.pageHeading()).toHaveText('Dashboard');
  for (const label of NAV_LABELS) await expect(shell.navLink(label)).toBeVisible();
  await expect(shell.navLink('Dashboard')).toHaveAttribute('aria-current', 'page');
  await expect(shell.connection).toHaveText('Live');
  await expect(page.getByTestId('server-version')).toHaveText(version);
});

test('an unknown address shows the not-found page inside the shell', async ({ page }) => {
  const shell = new AppShell(page);

  await page.goto('/does-not-exist');

  await expect(shell.pageHeading()).toHaveText('Page not found');
  await expect(shell.nav).toBeVisible();
  await expect(shell.connection).toHaveText('Live');

  await page.getByRole('link', { name: 'Go to the dashboard' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(shell.pageHeading()).toHaveText('Dashboard');
});
