/**
 * Which columns of a list table show. A table declares its columns in order of importance
 * (the first ones matter most) with a rough width; the columns the user never chose fill the
 * room the table has, most important first, and the rest wait behind the column chooser.
 * What the user chose (show or hide a column) is kept per table in localStorage and wins.
 */

export interface TableColumn {
  id: string;
  /** Header text, also the chooser's label. */
  label: string;
  /** Roughly how wide the column is at its widest usual content, padding included (px). */
  width: number;
  /** Always shown and not in the chooser (the checkbox, the row's name). */
  required?: boolean;
  /** Shown before other columns that fit: a lower number is kept longer (default: the column's place). */
  priority?: number;
}

/** The user's choices by column id: `true` shown, `false` hidden, missing: fits the room. */
export type ColumnChoices = Record<string, boolean>;

export const columnStorageKey = (table: string) => `syntask.columns.${table}`;

/** Stored choices, keeping only booleans for columns that (still) exist; anything unreadable means none. */
export function parseColumnChoices(raw: string | null, columns: readonly TableColumn[]): ColumnChoices {
  if (!raw) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  const known = new Set(columns.filter((c) => !c.required).map((c) => c.id));
  return Object.fromEntries(Object.entries(parsed as Record<string, unknown>).filter(([id, shown]) => known.has(id) && typeof shown === 'boolean')) as ColumnChoices;
}

/**
 * The ids of the columns to show within `room` px (undefined: not measured yet, show every
 * column the user did not hide). Required and chosen columns always show, even when they
 * overflow (the table then scrolls sideways and says so); the others show, most important
 * first, while they fit.
 */
export function visibleColumns(columns: readonly TableColumn[], choices: ColumnChoices, room: number | undefined): Set<string> {
  const shown = new Set<string>();
  let used = 0;
  for (const c of columns) {
    if (c.required || choices[c.id] === true) {
      shown.add(c.id);
      used += c.width;
    }
  }
  const candidates = columns
    .map((c, index) => ({ c, rank: c.priority ?? index }))
    .filter(({ c }) => !c.required && choices[c.id] === undefined)
    .sort((a, b) => a.rank - b.rank);
  for (const { c } of candidates) {
    if (room !== undefined && used + c.width > room) continue;
    shown.add(c.id);
    used += c.width;
  }
  return shown;
}

/**
 * The choices after the user shows or hides `id`. The first choice also keeps every other
 * column as it shows now, so choosing one column never makes another disappear.
 */
export function chooseColumn(columns: readonly TableColumn[], visible: ReadonlySet<string>, id: string, shown: boolean): ColumnChoices {
  return { ...Object.fromEntries(columns.filter((c) => !c.required).map((c) => [c.id, visible.has(c.id)])), [id]: shown };
}

/**
 * Tags for a table cell: the first ones while they fit in about `budget` characters (at most
 * `max`, at least one), and how many more there are ("+3").
 */
export function collapseTags(tags: readonly string[], max: number, budget = 28): { shown: string[]; hidden: string[] } {
  const shown: string[] = [];
  let used = 0;
  for (const tag of tags) {
    // The chip shows at most ~18 characters of a long tag (it truncates with its full text in the tooltip).
    const cost = Math.min(tag.length, 18) + 2;
    if (shown.length >= max || (shown.length > 0 && used + cost > budget)) break;
    shown.push(tag);
    used += cost;
  }
  return { shown, hidden: tags.slice(shown.length) };
}
