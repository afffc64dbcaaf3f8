import { axeViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

test.use({ timezoneId: 'UTC' });

test('the 24-hour clock switch changes how times show on other pages; the server version and API URL are shown', async ({ page, server }) => {
  const artifact = await server.postJson<{ id: string; created: string }>('/artifacts/', { key: `clock-${Date.now()}`, type: 'markdown', data: '# Clock' });
  const created = new Date(artifact.created);
  const pad = (n: number) => String(n).padStart(2, '0');
  const [h, m, sec] = [created.getUTCHours(), created.getUTCMinutes(), created.getUTCSeconds()];
  const day = created.toISOString().slice(0, 10);
  const time24 = `${day} ${pad(h)}:${pad(m)}:${pad(sec)} UTC`;
  const time12 = `${day} ${h % 12 || 12}:${pad(m)}:${pad(sec)} ${h < 12 ? 'AM' : 'PM'} UTC`;

  await page.goto('/settings');
  const version = await server.getJson<string>('/admin/version');
  await expect(page.getByRole('definition').filter({ hasText: version }).first()).toHaveText(version);
  await expect(page.getByText(`${server.url}/api`, { exact: true })).toBeVisible();
  const clock = page.getByRole('switch', { name: '24-hour clock' });
  await expect(clock).toBeChecked();
  expect(await axeViolations(page)).toEqual([]);

  await page.goto(`/artifacts/artifact/${artifact.id}`);
  await expect(page.getByText(time24, { exact: true })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await clock.uncheck();
  await expect(page.getByText(/now \d{4}-\d{2}-\d{2} \d{1,2}:\d{2}:\d{2} (AM|PM) UTC/)).toBeVisible();
  await page.goBack();
  await expect(page.getByText(time12, { exact: true })).toBeVisible();

  // The choice survives a reload.
  await page.reload();
  await expect(page.getByText(time12, { exact: true })).toBeVisible();
});
