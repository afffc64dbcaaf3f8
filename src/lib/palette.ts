import { TOP_PAGES, type TopPage } from './pages.ts';
import type { ThemePreference } from './theme.ts';

/** Pure parts of the command palette: what a query means, which pages, themes and zones it matches. */

export type PaletteGroup = 'Pages' | 'Flow runs' | 'Flows' | 'Deployments' | 'Work pools' | 'Blocks' | 'Actions' | 'Time zones';

/** Result groups in the order the palette lists them. */
export const PALETTE_GROUPS: readonly PaletteGroup[] = ['Pages', 'Flow runs', 'Flows', 'Deployments', 'Work pools', 'Blocks', 'Actions', 'Time zones'];

/** Rows per group asked of the server (and shown). */
export const PALETTE_LIMIT = 5;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A full run id (as copied from a run page or a log); the palette then also asks for that run. */
export const isUuid = (query: string) => UUID.test(query.trim());

/** The start of a run id (as shown shortened on screen): the palette asks for runs whose id starts with it. */
export const isIdFragment = (query: string) => /^[0-9a-f-]{4,36}$/i.test(query.trim());

/** What the server searches for: the trimmed text, `null` for an empty query (no search). */
export function searchText(query: string): string | null {
  const text = query.trim();
  return text === '' ? null : text;
}

const includes = (haystack: string, needle: string) => haystack.toLowerCase().includes(needle.toLowerCase());

export function matchPages(query: string, pages: readonly TopPage[] = TOP_PAGES): TopPage[] {
  const text = query.trim();
  return text ? pages.filter((p) => includes(p.label, text) || includes(p.to, text)) : [...pages];
}

export const THEME_LABELS: Record<ThemePreference, string> = { light: 'Light theme', dark: 'Dark theme', system: 'System theme (follow the OS)' };

/** Theme switches whose label or the word "theme" matches; all of them for an empty query. */
export function matchThemes(query: string, current: ThemePreference): ThemePreference[] {
  const text = query.trim();
  const themes = (['light', 'dark', 'system'] as const).filter((t) => t !== current);
  return text ? themes.filter((t) => includes(`switch to ${THEME_LABELS[t]}`, text) || includes('theme', text)) : themes;
}

/** Zones whose IANA name matches (spaces match underscores: "new york"); none for under two characters. */
export function matchZones(query: string, zones: readonly string[], current: string, limit = PALETTE_LIMIT): string[] {
  const text = query.trim().replace(/ /g, '_');
  if (text.length < 2) return [];
  const zoneWord = /^(time.?zone|zone|tz)$/i.test(text);
  return zones.filter((z) => z !== current && (zoneWord || includes(z, text))).slice(0, limit);
}
