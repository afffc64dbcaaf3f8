import type { Locator, Page } from '@playwright/test';

/** The runs list: filters, tabs, table, bulk actions. */
export class RunsPage {
  readonly table: Locator;
  readonly filters: Locator;
  readonly bulkActions: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Flow runs' });
    this.filters = page.getByRole('group', { name: 'Filters' });
    this.bulkActions = page.getByRole('toolbar', { name: 'Bulk actions' });
  }

  goto(query = '') {
    return this.page.goto(`/runs${query}`);
  }

  row(runName: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name: runName, exact: true }) });
  }

  runLink(runName: string): Locator {
    return this.table.getByRole('link', { name: runName, exact: true });
  }

  select(runName: string): Promise<void> {
    return this.page.getByRole('checkbox', { name: `Select ${runName}` }).check();
  }

  async filterStates(...states: string[]) {
    await this.filters.getByRole('button', { name: 'States' }).click();
    for (const s of states) await this.page.getByRole('checkbox', { name: s, exact: true }).check();
    await this.page.keyboard.press('Escape');
  }

  searchName(text: string) {
    return this.filters.getByRole('textbox', { name: 'Search run names' }).fill(text);
  }

  async addTag(tag: string) {
    const input = this.filters.getByRole('textbox', { name: 'Add a tag filter' });
    await input.fill(tag);
    await input.press('Enter');
  }
}
