import { compactRunsSearch, parseRunsSearch, type RunsSearch } from './run-filters.ts';

/** One criterion as the contract stores it (§3.12): `{object, property, type, operation, value}`. */
export interface SavedFilter {
  object: string;
  property: string;
  type: string;
  operation: string;
  value: unknown;
}

/** The runs page's filters a saved search keeps; the tab, sort and page are how you look, not what. */
const KEPT: (keyof RunsSearch)[] = ['range', 'from', 'to', 'state', 'flow', 'deployment', 'pool', 'tag', 'q', 'subflows'];

/** The runs page's filters as saved-search criteria (defaults left out). */
export function toSavedFilters(search: RunsSearch): SavedFilter[] {
  const compact = compactRunsSearch(search) as Record<string, unknown>;
  return KEPT.filter((key) => compact[key] !== undefined).map((key) => {
    const value = compact[key];
    return Array.isArray(value)
      ? { object: 'flow_run', property: key, type: 'array', operation: 'any', value }
      : { object: 'flow_run', property: key, type: 'string', operation: 'equals', value };
  });
}

/**
 * The runs search a saved search describes. Criteria this page does not know (another
 * client's) are ignored, and values go through the same validation as the URL.
 */
export function fromSavedFilters(filters: readonly SavedFilter[]): RunsSearch {
  const raw: Record<string, unknown> = {};
  for (const f of filters) {
    if (f.object === 'flow_run' && (KEPT as string[]).includes(f.property)) raw[f.property] = f.value;
  }
  return parseRunsSearch(raw);
}

/** Whether the page shows exactly what a saved search describes. */
export function matchesSavedFilters(search: RunsSearch, filters: readonly SavedFilter[]): boolean {
  return JSON.stringify(toSavedFilters(search)) === JSON.stringify(toSavedFilters(fromSavedFilters(filters)));
}
