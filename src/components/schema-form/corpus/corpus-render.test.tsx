// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { SampleValues } from '../../../lib/schema-form/sample-value.ts';
import { click, render } from '../dom-testing.tsx';
import { SchemaForm } from '../schema-form.tsx';
import { CORPUS, type CorpusCase } from './cases.ts';
import { expectedOrder, expectedWidget } from './expected-widget.ts';

/**
 * Every schema of the shared corpus rendered by the real form, filled with a value
 * generated from the schema: each property gets the widget its schema calls for (checked
 * against an independent oracle and by the controls actually on screen), shows its value,
 * keeps `position` order, and the value survives a round trip through JSON mode untouched.
 * (The values' validity, ajv and server, is checked in corpus-values.test.ts.)
 */

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
const text = (el: Element) => el.textContent ?? '';

function fieldAt(container: HTMLElement, pointer: string): HTMLElement {
  const el = [...container.querySelectorAll<HTMLElement>('[data-field]')].find((e) => e.dataset.field === pointer);
  if (!el) throw new Error(`no field at ${pointer}`);
  return el;
}

/** What must be on screen for a widget kind, showing `value`. */
function checkControls(el: HTMLElement, kind: string, value: unknown, where: string) {
  const input = el.querySelector('input:not([type=checkbox])') as HTMLInputElement | null;
  switch (kind) {
    case 'string':
    case 'email':
    case 'uri':
    case 'uuid':
    case 'path':
    case 'duration':
      expect((el.querySelector('input:not([type=checkbox]), textarea') as HTMLInputElement).value, where).toBe(value ?? '');
      break;
    case 'password':
      expect(el.querySelector('input[type=password]'), where).not.toBeNull();
      expect((el.querySelector('input[type=password]') as HTMLInputElement).value, where).toBe(value ?? '');
      break;
    case 'json-string':
      expect(el.querySelector('textarea')?.value, where).toBe(value ?? '');
      break;
    case 'number':
    case 'integer':
      expect(input?.value, where).toBe(value === undefined ? '' : String(value));
      break;
    case 'time-delta':
      expect(el.querySelector('select[aria-label=Unit]'), where).not.toBeNull();
      break;
    case 'boolean':
      expect((el.querySelector('input[type=checkbox]') as HTMLInputElement).checked, where).toBe(value === true);
      break;
    case 'enum': {
      const select = el.querySelector('select');
      const shown = select ? select.selectedOptions[0]?.textContent : [...el.querySelectorAll<HTMLInputElement>('input[type=radio]')].find((r) => r.checked)?.parentElement?.textContent;
      expect(shown, where).toBe(value === undefined ? (select ? select.options[0].textContent : undefined) : String(value));
      break;
    }
    case 'const':
      expect(text(el.querySelector('code')!), where).toBe(String(value));
      break;
    case 'date':
      expect(el.querySelector<HTMLInputElement>('input[type=date]')?.value, where).toBe(value ?? '');
      break;
    case 'date-time':
      expect(el.querySelector('input[type=datetime-local]'), where).not.toBeNull();
      if (value !== undefined) expect(text(el), where).toContain(`Sent as ${String(value)}`);
      break;
    case 'time':
      expect(el.querySelector('input[type=time]'), where).not.toBeNull();
      break;
    case 'array':
      expect(text(el), where).toMatch(/Add item/);
      expect(new Set([...el.querySelectorAll<HTMLElement>('[data-field]')].map((e) => e.dataset.field!).filter((p) => /^\/[^/]+\/\d+$/.test(p))).size, where).toBe(Array.isArray(value) ? value.length : 0);
      break;
    case 'multi-select':
      expect(el.querySelectorAll('input[type=checkbox]').length, where).toBeGreaterThan(0);
      break;
    case 'tuple':
      expect(el.querySelectorAll('ol > li > [data-field]').length, where).toBeGreaterThan(0);
      break;
    case 'object':
      break;
    case 'dict':
      expect(text(el), where).toMatch(/Add entry/);
      break;
    case 'union':
      expect(el.querySelector('select[aria-label^="Type of"]'), where).not.toBeNull();
      break;
    case 'block-ref':
      expect(text(el), where).toContain(value === undefined ? 'No block chosen' : (value as { $ref: { block_document_id: string } }).$ref.block_document_id);
      break;
    case 'json':
      expect(JSON.parse(el.querySelector('textarea')!.value || 'null'), where).toEqual(value ?? null);
      break;
    case 'unsupported':
      expect(el.querySelector('[role=note]'), where).not.toBeNull();
      expect(el.querySelector('textarea'), where).not.toBeNull();
      break;
    default:
      throw new Error(`unexpected kind ${kind} at ${where}`);
  }
}

function checkCase(c: CorpusCase) {
  const value = new SampleValues(c.schema).value(c.schema) as Record<string, unknown>;
  const onChange = vi.fn();
  const r = render(<SchemaForm schema={c.schema} value={value} onChange={onChange} label={c.name} />);
  try {
    const properties = (c.schema.properties ?? {}) as Record<string, Record<string, unknown>>;
    const kinds: Record<string, string> = {};
    for (const [name, schema] of Object.entries(properties)) {
      const pointer = `/${escape(name)}`;
      const el = fieldAt(r.container, pointer);
      const expected = expectedWidget(c.schema, schema);
      const where = `${c.name} ${pointer}`;
      kinds[name] = el.dataset.widget!;
      expect({ kind: el.dataset.widget, nullable: el.dataset.nullable === 'true' }, where).toEqual(expected);
      if (expected.nullable && expected.kind !== 'null') expect(el.querySelector('input[aria-label$="no value (null)"]'), where).not.toBeNull();
      if (value[name] !== null || !expected.nullable) checkControls(el, expected.kind, value[name], where);
    }
    // Top-level fields in `position` order.
    const shown = [...r.container.querySelectorAll<HTMLElement>('[data-field]')].map((e) => e.dataset.field!).filter((p, i, all) => /^\/[^/]*$/.test(p) && all[i - 1] !== p);
    expect(shown, c.name).toEqual(expectedOrder(c.schema).map((n) => `/${escape(n)}`));

    // Whole-form JSON mode shows exactly the value, and going back changes nothing.
    click(r.container.querySelector('[aria-label="Editing mode"] button:nth-child(2)'));
    expect(JSON.parse(r.container.querySelector('textarea')!.value), c.name).toEqual(value);
    click(r.container.querySelector('[aria-label="Editing mode"] button:nth-child(1)'));
    expect(r.container.querySelectorAll('[data-field]').length).toBeGreaterThanOrEqual(Object.keys(properties).length);
    // Rendering and switching modes never rewrote the value.
    expect(onChange, c.name).not.toHaveBeenCalled();
    return { kinds, container: r.container };
  } finally {
    r.unmount();
  }
}

describe('the schema form over the shared corpus', () => {
  it('has every schema of the corpus (131 parameter schemas, 92 block schemas)', () => {
    expect(CORPUS.filter((c) => c.origin === 'parameters')).toHaveLength(131);
    expect(CORPUS.filter((c) => c.origin === 'blocks')).toHaveLength(92);
  });

  it.each(CORPUS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    checkCase(c);
  });

  it('covers the constructs the issue lists', () => {
    const seen = new Set<string>();
    for (const c of CORPUS) for (const [name, schema] of Object.entries((c.schema.properties ?? {}) as Record<string, object>)) seen.add(expectedWidget(c.schema, schema).kind + (name ? '' : ''));
    for (const kind of ['string', 'integer', 'number', 'boolean', 'enum', 'array', 'tuple', 'object', 'dict', 'union', 'date', 'date-time', 'password', 'path', 'time-delta', 'uri', 'block-ref', 'json', 'unsupported']) expect(seen, kind).toContain(kind);
  });
});

describe('quirks of the corpus', () => {
  it('an unknown type (`blork`) is a clear message at that field; the form still renders and edits', () => {
    const c = CORPUS.find((x) => x.quirks.some((q) => q.includes('blork')))!;
    const onChange = vi.fn();
    const r = render(<SchemaForm schema={c.schema} value={{}} onChange={onChange} />);
    const foo = fieldAt(r.container, '/foo');
    expect(foo.dataset.widget).toBe('unsupported');
    expect(text(foo.querySelector('[role=note]')!)).toMatch(/type “blork”, which is not a JSON type/);
    r.unmount();
  });

  it.each(CORPUS.filter((c) => c.quirks.some((q) => /but default/.test(q))).map((c) => [c.name, c] as const))('%s: a default of the wrong type is explained at its field and not filled in', (_n, c) => {
    const [field] = c.quirks[0].split(':');
    const r = render(<SchemaForm schema={c.schema} value={{}} onChange={vi.fn()} />);
    const el = fieldAt(r.container, `/${field}`);
    expect(text(el)).toMatch(/The schema's default .* is not a valid value here, so it is not filled in/);
    expect(el.dataset.widget).toBe('string');
    r.unmount();
  });
});
