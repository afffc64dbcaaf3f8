import type { Locator, Page } from '@playwright/test';

/** A schema form on a page: fields by JSON pointer, the problem summary, the whole-form JSON mode. */
export class SchemaFormArea {
  readonly root: Locator;
  readonly summary: Locator;

  constructor(page: Page, label: string) {
    this.root = page.getByRole('group', { name: label, exact: true });
    this.summary = page.getByRole('alert', { name: 'Problems in the form' });
  }

  field(pointer: string): Locator {
    return this.root.locator(`[data-field="${pointer}"]`).first();
  }

  /** The text input of a simple field (not its "no value" switch). */
  input(pointer: string): Locator {
    return this.field(pointer).locator('input:not([type=checkbox]):not([type=radio])').first();
  }

  async json(): Promise<unknown> {
    await this.root.getByRole('group', { name: 'Editing mode' }).getByRole('button', { name: 'JSON' }).click();
    const text = await this.root.locator('textarea').first().inputValue();
    await this.root.getByRole('group', { name: 'Editing mode' }).getByRole('button', { name: 'Form' }).click();
    return JSON.parse(text) as unknown;
  }
}
