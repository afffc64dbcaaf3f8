/**
 * `j` / `k` / `Enter` over list rows, for every table of the page without per-page code:
 * a row takes part when it has a link (its `[data-row-primary]` link, else its first one).
 * Selecting a row focuses that link (so focus stays visible and Enter or a screen reader
 * work as usual) and marks the row `data-selected-row` for the highlight in styles.css.
 * Virtualized tables work too: scrolling the last rendered row into view renders the next.
 */

const SELECTED = 'data-selected-row';

function primaryLink(row: Element): HTMLAnchorElement | null {
  return row.querySelector<HTMLAnchorElement>('a[data-row-primary]') ?? row.querySelector<HTMLAnchorElement>('a[href]');
}

function navigableRows(): HTMLTableRowElement[] {
  return [...document.querySelectorAll<HTMLTableRowElement>('main table > tbody > tr')].filter((row) => row.getClientRects().length > 0 && primaryLink(row));
}

function select(row: HTMLTableRowElement): void {
  document.querySelectorAll(`[${SELECTED}]`).forEach((r) => r.removeAttribute(SELECTED));
  row.setAttribute(SELECTED, '');
  primaryLink(row)?.focus({ preventScroll: true });
  row.scrollIntoView({ block: 'nearest' });
}

/** Moves the selection one row down (1) or up (-1); the first press selects the first (or last) row. */
export function moveRowSelection(delta: 1 | -1): boolean {
  const rows = navigableRows();
  if (rows.length === 0) return false;
  let index = rows.findIndex((r) => r.contains(document.activeElement));
  if (index < 0) index = rows.findIndex((r) => r.hasAttribute(SELECTED));
  const next = index < 0 ? (delta > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, index + delta));
  select(rows[next]);
  return true;
}

/**
 * Enter with the focus on a row's checkbox (or the row) opens the row; links and buttons keep
 * their own Enter (the primary link focused by j / k opens the row by itself).
 */
export function openSelectedRow(): boolean {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active.closest('a[href], button, select, [role="button"], [role="switch"]')) return false;
  const row = navigableRows().find((r) => r.contains(active));
  const link = row && primaryLink(row);
  if (!link) return false;
  link.click();
  return true;
}
