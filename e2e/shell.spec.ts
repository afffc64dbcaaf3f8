import { expect, test } from './fixtures.ts';
import { AppShell } from './pages/shell.ts';

test('the theme follows the OS until the user picks one, and the choice survives a reload', async ({ page }) => {
  const shell = new AppShell(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/dashboard');
  await expect(shell.themeButton('System')).toHaveAttribute('aria-pressed', 'true');
  const darkBackground = await shell.backgroundColor();

  await shell.themeButton('Light').click();
  await expect.poll(() => shell.backgroundColor()).not.toBe(darkBackground);

  await page.reload();
  await expect(shell.themeButton('Light')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => shell.backgroundColor()).not.toBe(darkBackground);

  await shell.themeButton('System').click();
  await expect.poll(() => shell.backgroundColor()).toBe(darkBackground);
});
