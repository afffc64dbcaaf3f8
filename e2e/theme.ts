import { expect, type Page } from '@playwright/test';

/**
 * Shows the page as it is in another theme, without a reload. The theme is CSS only
 * (`data-theme`, which index.html sets from storage before first paint), so this is what a
 * reload in that theme shows; colours change at once, as with the app's toggle.
 */
export async function showTheme(page: Page, theme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: theme });
  await page.evaluate((t) => {
    const root = document.documentElement;
    root.dataset.themeSwitching = '';
    root.dataset.theme = t;
    void document.body.offsetHeight;
    delete root.dataset.themeSwitching;
  }, theme);
  await expect(page.locator('main')).toHaveCSS('color-scheme', theme);
}

/** Every load of the page starts in the light theme (stored before the page's scripts run); `showTheme` then shows dark. */
export async function loadInLight(page: Page) {
  await page.addInitScript(() => localStorage.setItem('syntask.theme', 'light'));
  await page.emulateMedia({ colorScheme: 'light' });
}
