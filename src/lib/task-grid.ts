/**
 * The runs × tasks grid's logic, pure: the runs chooser in the URL, which rows show with
 * subflows collapsed, keyboard movement over the grid, and the words for a cell.
 */

export const GRID_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_GRID_RUNS = 25;

/** `?grid=` of the flow and deployment pages: a chooser value, the default left out of the URL. */
export function parseGridRuns(raw: unknown): number | undefined {
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  return typeof n === 'number' && (GRID_SIZES as readonly number[]).includes(n) && n !== DEFAULT_GRID_RUNS ? n : undefined;
}

/** Indices of the rows shown: top-level rows, and a subflow's rows while it (and every subflow above it) is expanded. */
export function visibleRows(rows: readonly { parent: number | null }[], expanded: ReadonlySet<number>): number[] {
  const shown = new Array<boolean>(rows.length);
  const out: number[] = [];
  rows.forEach((row, i) => {
    // Parents come before their rows, so their visibility is known.
    shown[i] = row.parent === null || (shown[row.parent] === true && expanded.has(row.parent));
    if (shown[i]) out.push(i);
  });
  return out;
}

/**
 * A position in the grid: `row` 0 is the header row (run columns), rows 1…`rows` the task
 * rows shown; `col` 0 is the row-header column (task names), cols 1…`cols` the runs.
 */
export interface GridPosition {
  row: number;
  col: number;
}

/** Rows moved by Page Up / Page Down. */
export const PAGE_ROWS = 10;

/**
 * Where a key moves the focus (the ARIA grid pattern): arrows one cell, Home / End to the
 * row's ends, Ctrl+Home / Ctrl+End to the grid's corners, Page Up / Down ten rows. Null: not
 * a movement key (the grid leaves it alone). Movement stops at the edges.
 */
export function moveInGrid(at: GridPosition, key: string, size: { rows: number; cols: number }, ctrl = false): GridPosition | null {
  const lastRow = size.rows;
  const lastCol = size.cols;
  const clamp = (row: number, col: number): GridPosition => ({ row: Math.max(0, Math.min(lastRow, row)), col: Math.max(0, Math.min(lastCol, col)) });
  switch (key) {
    case 'ArrowUp':
      return clamp(at.row - 1, at.col);
    case 'ArrowDown':
      return clamp(at.row + 1, at.col);
    case 'ArrowLeft':
      return clamp(at.row, at.col - 1);
    case 'ArrowRight':
      return clamp(at.row, at.col + 1);
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : clamp(at.row, 0);
    case 'End':
      return ctrl ? clamp(lastRow, lastCol) : clamp(at.row, lastCol);
    case 'PageUp':
      return clamp(at.row - PAGE_ROWS, at.col);
    case 'PageDown':
      return clamp(at.row + PAGE_ROWS, at.col);
    default:
      return null;
  }
}

/** A position kept inside a grid whose size changed (fewer rows after a collapse, fewer runs chosen). */
export const clampPosition = (at: GridPosition, size: { rows: number; cols: number }): GridPosition => ({ row: Math.min(at.row, size.rows), col: Math.min(at.col, size.cols) });

const STATE_ORDER = ['FAILED', 'CRASHED', 'RUNNING', 'PENDING', 'PAUSED', 'CANCELLING', 'CANCELLED', 'SCHEDULED', 'COMPLETED'];

export const stateWord = (type: string) => type.charAt(0) + type.slice(1).toLowerCase();

/** A cell's mix of states, worst first, as `[type, count]` (what the cell's stripes and words show). */
export function stateMix(states: Partial<Record<string, number>>): [string, number][] {
  return Object.entries(states)
    .filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0)
    .sort(([a], [b]) => (STATE_ORDER.indexOf(a) + 1 || 99) - (STATE_ORDER.indexOf(b) + 1 || 99));
}

/** "3 runs: 2 Completed, 1 Failed" — or, for one task run, its state. */
export function describeMix(count: number, states: Partial<Record<string, number>>, stateName?: string | null, stateType?: string): string {
  if (count <= 1) return stateName ?? (stateType ? stateWord(stateType) : 'No state');
  return `${count} runs: ${stateMix(states)
    .map(([type, n]) => `${n} ${stateWord(type)}`)
    .join(', ')}`;
}
