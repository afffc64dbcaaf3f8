// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TOP_PAGES } from './pages.ts';
import { findConflicts, formatKeys, isTypingTarget, ShortcutMatcher, SHORTCUTS, type KeyPress, type Shortcut } from './shortcuts.ts';

const body = () => document.body;
const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, altKey: false, target: body(), ...extra });
const all = () => true;
const ids = (r: Shortcut | 'pending' | null) => (r === null || r === 'pending' ? r : r.id);

describe('the shortcut registry', () => {
  it('has no two entries on the same keys, and no sequence that starts another', () => {
    expect(findConflicts(SHORTCUTS)).toEqual([]);
    expect(new Set(SHORTCUTS.map((s) => s.id)).size).toBe(SHORTCUTS.length);
  });

  it('finds the conflicts it guards against', () => {
    const base = { description: '', group: 'General', scope: 'global' } as const;
    expect(findConflicts([{ ...base, id: 'a', keys: ['g', 'r'] }, { ...base, id: 'b', keys: ['g', 'r'] }])).toHaveLength(1);
    expect(findConflicts([{ ...base, id: 'a', keys: ['g'] }, { ...base, id: 'b', keys: ['g', 'r'] }])).toHaveLength(1);
    expect(findConflicts([{ ...base, id: 'a', keys: ['k'] }, { ...base, id: 'b', keys: ['k'], mod: true }])).toEqual([]);
  });

  it('has a go-to entry for every top-level page', () => {
    for (const page of TOP_PAGES) expect(SHORTCUTS.find((s) => 'to' in s && s.to === page.to)?.keys).toEqual(['g', page.goKey]);
  });
});

describe('matching key presses', () => {
  it('completes a sequence pressed within the time limit, and not after it', () => {
    const m = new ShortcutMatcher(SHORTCUTS, 1000);
    expect(m.press(press('g'), all, 0)).toBe('pending');
    expect(ids(m.press(press('r'), all, 500))).toBe('go-runs');
    expect(m.press(press('g'), all, 1000)).toBe('pending');
    // Too late: `r` alone is nothing.
    expect(m.press(press('r'), all, 2500)).toBeNull();
    expect(m.press(press('r'), all, 2600)).toBeNull();
  });

  it('ignores Shift on its own, so `Shift E` and `?` arrive as one key', () => {
    const m = new ShortcutMatcher(SHORTCUTS);
    expect(m.press(press('Shift'), all, 0)).toBeNull();
    expect(ids(m.press(press('E'), all, 1))).toBe('log-previous-error');
    expect(ids(m.press(press('e'), all, 2))).toBe('log-next-error');
    expect(m.press(press('g'), all, 3)).toBe('pending');
    expect(m.press(press('Shift'), all, 4)).toBeNull();
    expect(ids(m.press(press('?'), all, 5))).toBe('help');
  });

  it('lets a key after an unbound prefix stand on its own', () => {
    const m = new ShortcutMatcher(SHORTCUTS);
    expect(m.press(press('g'), all, 0)).toBe('pending');
    expect(ids(m.press(press('j'), all, 10))).toBe('row-next');
  });

  it('only offers entries that are active on the page', () => {
    const m = new ShortcutMatcher(SHORTCUTS);
    const noLogs = (s: Shortcut) => s.scope !== 'logs';
    expect(m.press(press('e'), noLogs, 0)).toBeNull();
    expect(m.press(press('g'), (s) => s.id !== 'go-runs' && s.group !== 'Go to', 0)).toBeNull();
  });

  it('never fires while the user types in a field, except Ctrl/⌘ entries', () => {
    const m = new ShortcutMatcher(SHORTCUTS);
    const input = document.createElement('input');
    const textarea = document.createElement('textarea');
    const select = document.createElement('select');
    for (const target of [input, textarea, select]) {
      expect(m.press(press('g', { target }), all, 0)).toBeNull();
      expect(m.press(press('r', { target }), all, 1)).toBeNull();
      expect(m.press(press('?', { target }), all, 2)).toBeNull();
    }
    expect(ids(m.press(press('k', { target: input, ctrlKey: true }), all, 3))).toBe('palette');
    expect(ids(m.press(press('k', { target: input, metaKey: true }), all, 4))).toBe('palette');
    // A plain `k` is the list's previous row, not the palette.
    expect(ids(m.press(press('k'), all, 5))).toBe('row-previous');
  });

  it('a prefix typed outside a field does not complete inside one', () => {
    const m = new ShortcutMatcher(SHORTCUTS);
    expect(m.press(press('g'), all, 0)).toBe('pending');
    expect(m.press(press('r', { target: document.createElement('input') }), all, 10)).toBeNull();
    expect(m.press(press('r'), all, 20)).toBeNull();
  });

  it('ignores Alt combinations and Ctrl with other keys', () => {
    const m = new ShortcutMatcher(SHORTCUTS);
    expect(m.press(press('j', { altKey: true }), all, 0)).toBeNull();
    expect(m.press(press('j', { ctrlKey: true }), all, 0)).toBeNull();
  });
});

describe('typing targets', () => {
  it('text fields, editors and comboboxes take keys; checkboxes and buttons do not', () => {
    const el = (html: string) => {
      const host = document.createElement('div');
      host.innerHTML = html;
      return host.firstElementChild!;
    };
    expect(isTypingTarget(el('<input type="search">'))).toBe(true);
    expect(isTypingTarget(el('<input>'))).toBe(true);
    expect(isTypingTarget(el('<div role="combobox"></div>'))).toBe(true);
    expect(isTypingTarget(el('<input type="checkbox">'))).toBe(false);
    expect(isTypingTarget(el('<button>Run</button>'))).toBe(false);
    expect(isTypingTarget(el('<a href="/runs">Runs</a>'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('showing keys', () => {
  it('names Shift, Escape and the platform modifier', () => {
    expect(formatKeys({ keys: ['g', 'r'] })).toEqual(['g', 'r']);
    expect(formatKeys({ keys: ['E'] })).toEqual(['Shift E']);
    expect(formatKeys({ keys: ['Escape'] })).toEqual(['Esc']);
    expect(formatKeys({ keys: ['k'], mod: true })).toEqual(['Ctrl K']);
    expect(formatKeys({ keys: ['k'], mod: true }, true)).toEqual(['⌘ K']);
  });
});
