import { expect, test } from './fixtures.ts';
import { AppShell } from './pages/shell.ts';

test.describe('when the API stops answering', () => {
  test.use({ allowedFailingUrls: ['/api/health', '/api/admin/version'] });

  test('the dashboard says the server is unreachable and recovers on retry', async ({ page, server }) => {
    const version = await server.getJson<string>('/admin/version');
    const shell = new AppShell(page);
    const unavailable = { status: 503, json: { exception_message: 'Service Unavailable' } };
    await page.route('**/api/health', (route) => route.fulfill(unavailable));
    await page.route('**/api/admin/version', (route) => route.fulfill(unavailable));

    await page.goto('/dashboard');

    await expect(shell.connection).toHaveText('Disconnected');
    await expect(page.getByText('Unreachable', { exact: true })).toBeVisible();

    await page.unrouteAll();
    await page.getByRole('button', { name: 'Retry' }).click();

    await expect(shell.connection).toHaveText('Live');
    await expect(page.getByTestId('server-version')).toHaveText(version);
    await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  });
});
