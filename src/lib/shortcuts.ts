import { TOP_PAGES } from './pages.ts';

/**
 * The one registry of keyboard shortcuts: the dispatcher matches key presses against it,
 * the `?` overlay lists it, and the e2e journeys iterate it. Components attach behaviour to
 * an entry by its id (`useShortcut`); go-to entries navigate by themselves.
 */

export type ShortcutGroup = 'General' | 'Go to' | 'Lists' | 'Logs';

/** Where an entry does something: everywhere, on pages with a list, in a log view, with a side panel open. */
export type ShortcutScope = 'global' | 'list' | 'logs' | 'panel';

export interface Shortcut {
  id: string;
  /** `KeyboardEvent.key` values pressed one after another (`['g', 'r']`); capitals mean Shift. */
  keys: readonly string[];
  description: string;
  group: ShortcutGroup;
  scope: ShortcutScope;
  /** With Ctrl (⌘ on macOS); such entries also work while typing in a field. */
  mod?: boolean;
  /** Go-to entries: the path they open. */
  to?: string;
}

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = ['General', 'Go to', 'Lists', 'Logs'];

const GO_TO = TOP_PAGES.map((page) => ({
  id: `go-${page.id}`,
  keys: ['g', page.goKey],
  description: `Go to ${page.label.toLowerCase()}`,
  group: 'Go to' as const,
  scope: 'global' as const,
  to: page.to,
}));

export const SHORTCUTS = [
  { id: 'help', keys: ['?'], description: 'Show the keyboard shortcuts', group: 'General', scope: 'global' },
  { id: 'palette', keys: ['k'], mod: true, description: 'Open the command palette: jump to anything, run a deployment, switch theme or time zone', group: 'General', scope: 'global' },
  { id: 'search', keys: ['/'], description: 'Focus the search field of the page (Esc leaves it)', group: 'General', scope: 'global' },
  { id: 'close', keys: ['Escape'], description: 'Close a dialog, menu or side panel', group: 'General', scope: 'panel' },
  ...GO_TO,
  { id: 'row-next', keys: ['j'], description: 'Select the next row of the list', group: 'Lists', scope: 'list' },
  { id: 'row-previous', keys: ['k'], description: 'Select the previous row of the list', group: 'Lists', scope: 'list' },
  { id: 'row-open', keys: ['Enter'], description: 'Open the selected row', group: 'Lists', scope: 'list' },
  { id: 'log-next-error', keys: ['e'], description: 'Next error line', group: 'Logs', scope: 'logs' },
  { id: 'log-previous-error', keys: ['E'], description: 'Previous error line', group: 'Logs', scope: 'logs' },
  { id: 'log-follow', keys: ['f'], description: 'Follow new lines on or off', group: 'Logs', scope: 'logs' },
] as const satisfies readonly Shortcut[];

export type ShortcutId = (typeof SHORTCUTS)[number]['id'];

export const shortcutById = (id: ShortcutId): Shortcut => SHORTCUTS.find((s) => s.id === id)!;

/** Pairs that could not both work: the same keys, or one sequence starting another (it would never wait for the second key). */
export function findConflicts(shortcuts: readonly Shortcut[]): string[] {
  const conflicts: string[] = [];
  shortcuts.forEach((a, i) =>
    shortcuts.slice(i + 1).forEach((b) => {
      if (!!a.mod !== !!b.mod) return;
      const n = Math.min(a.keys.length, b.keys.length);
      if (a.keys.slice(0, n).join(' ') === b.keys.slice(0, n).join(' ')) conflicts.push(`${a.id} (${a.keys.join(' ')}) and ${b.id} (${b.keys.join(' ')})`);
    }),
  );
  return conflicts;
}

const NON_TYPING_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/** The parts of a DOM element the check reads (this module is also imported by Node-side tests). */
interface ElementLike {
  tagName: string;
  type?: string;
  isContentEditable?: boolean;
  getAttribute(name: string): string | null;
}

/** Keys go to the field, not to shortcuts, while the user types (text inputs, selects, editors, comboboxes). */
export function isTypingTarget(target: unknown): boolean {
  if (!target || typeof (target as ElementLike).tagName !== 'string') return false;
  const el = target as ElementLike;
  if (el.isContentEditable) return true;
  const role = el.getAttribute('role');
  if (role === 'textbox' || role === 'combobox' || role === 'searchbox') return true;
  if (el.tagName === 'INPUT') return !NON_TYPING_INPUTS.has(el.type ?? 'text');
  return el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Where the key went (the event's target). */
  target: unknown;
}

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph']);

/**
 * Turns key presses into registry entries: sequences (`g` then `r`) within `timeoutMs`,
 * `mod` entries with Ctrl/⌘, nothing while typing. `isActive` says which entries have
 * something to do on the current page, so an inactive prefix never swallows a key.
 */
export class ShortcutMatcher {
  private pending: string[] = [];
  private pendingAt = 0;

  constructor(
    private readonly shortcuts: readonly Shortcut[],
    private readonly timeoutMs = 1500,
  ) {}

  /** The entry the press completes, `'pending'` when it starts a sequence, or `null`. */
  press(e: KeyPress, isActive: (s: Shortcut) => boolean, now = Date.now()): Shortcut | 'pending' | null {
    if (MODIFIER_KEYS.has(e.key)) return null;
    if (e.altKey) return this.miss();
    if (e.ctrlKey || e.metaKey) {
      this.pending = [];
      return this.shortcuts.find((s) => s.mod && s.keys.length === 1 && s.keys[0] === e.key.toLowerCase() && isActive(s)) ?? null;
    }
    if (isTypingTarget(e.target)) return this.miss();
    const earlier = now - this.pendingAt <= this.timeoutMs ? this.pending : [];
    const result = this.match([...earlier, e.key], isActive, now);
    // `g` then an unbound key: the key may still be a shortcut of its own.
    return result === null && earlier.length > 0 ? this.match([e.key], isActive, now) : result;
  }

  reset(): void {
    this.pending = [];
  }

  private match(sequence: string[], isActive: (s: Shortcut) => boolean, now: number): Shortcut | 'pending' | null {
    const joined = sequence.join(' ');
    const candidates = this.shortcuts.filter((s) => !s.mod && isActive(s));
    const exact = candidates.find((s) => s.keys.join(' ') === joined);
    if (exact) {
      this.pending = [];
      return exact;
    }
    if (candidates.some((s) => s.keys.length > sequence.length && s.keys.slice(0, sequence.length).join(' ') === joined)) {
      this.pending = sequence;
      this.pendingAt = now;
      return 'pending';
    }
    return this.miss();
  }

  private miss(): null {
    this.pending = [];
    return null;
  }
}

const KEY_LABELS: Record<string, string> = { Escape: 'Esc', Enter: 'Enter', ' ': 'Space' };

/** The keys as the overlay and tooltips show them: `g r`, `Shift E`, `Ctrl K` / `⌘ K`. */
export function formatKeys(s: Pick<Shortcut, 'keys' | 'mod'>, mac = false): string[] {
  const keys = s.keys.map((k) => KEY_LABELS[k] ?? (k.length === 1 && k !== k.toLowerCase() ? `Shift ${k}` : k));
  return s.mod ? [`${mac ? '⌘' : 'Ctrl'} ${keys.join(' ').toUpperCase()}`] : keys;
}
