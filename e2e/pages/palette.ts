import { expect, type Locator, type Page } from '@playwright/test';

/** The command palette: a dialog with a combobox and grouped options. */
export class CommandPalette {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly listbox: Locator;

  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Command palette' });
    this.input = this.dialog.getByRole('combobox');
    this.listbox = this.dialog.getByRole('listbox', { name: 'Results' });
  }

  async open() {
    // The shell (and its key listener) is up once the top-bar button shows.
    await this.page.getByRole('button', { name: /Search or jump to/ }).waitFor();
    await this.page.keyboard.press('Control+k');
    await this.input.waitFor();
  }

  option(name: string | RegExp): Locator {
    return this.listbox.getByRole('option', { name });
  }

  group(name: string): Locator {
    return this.listbox.getByRole('group', { name });
  }

  selected(): Locator {
    return this.listbox.locator('[role="option"][aria-selected="true"]');
  }

  /** Arrow down until `option` is the active one (as a keyboard user would), then Enter. */
  async choose(option: Locator) {
    for (let i = 0; i < 40 && (await option.getAttribute('aria-selected')) !== 'true'; i++) {
      const before = await this.input.getAttribute('aria-activedescendant');
      await this.input.press('ArrowDown');
      await expect(this.input).not.toHaveAttribute('aria-activedescendant', before ?? '');
    }
    await expect(option).toHaveAttribute('aria-selected', 'true');
    await this.input.press('Enter');
  }
}
