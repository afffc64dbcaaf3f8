import type { Locator, Page } from '@playwright/test';

export const NAV_LABELS = ['Dashboard', 'Runs', 'Flows', 'Deployments', 'Work Pools', 'Blocks', 'Variables', 'Concurrency', 'Artifacts', 'Notifications', 'Settings'];

/** The app shell around every page: main navigation, server connection indicator, theme toggle. */
export class AppShell {
  readonly nav: Locator;
  readonly connection: Locator;

  constructor(private readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.connection = page.getByRole('status', { name: 'Server connection' });
  }

  navLink(label: string): Locator {
    return this.nav.getByRole('link', { name: label, exact: true });
  }

  themeButton(theme: 'System' | 'Light' | 'Dark'): Locator {
    return this.page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: `${theme} theme` });
  }

  /** The page's computed background, to tell which theme is showing. */
  backgroundColor(): Promise<string> {
    // A string, not a function: the e2e code is type-checked without the DOM library.
    return this.page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
  }

  pageHeading(): Locator {
    return this.page.getByRole('main').getByRole('heading', { level: 1 });
  }

  /**
   * A key sequence (`g` then `r`) as a person types it: the second key follows the first
   * without waiting for the page. `keyboard.press` waits until a busy page has handled a key,
   * so on a loaded machine the gap looked longer than the 1.5 s a sequence may take.
   */
  async pressSequence(...keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.page.keyboard.press(key)));
  }
}
