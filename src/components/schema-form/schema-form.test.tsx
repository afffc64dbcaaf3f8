// @vitest-environment happy-dom
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTimeZone } from '../../lib/preferences.ts';
import { buttonByText, change, click, field, render, type Rendered } from './dom-testing.tsx';
import { SchemaForm, SchemaFormSummary, useSchemaForm, type SchemaFormState } from './schema-form.tsx';

/** The form as a user drives it: typing, switching members and modes; nothing typed is ever lost. */

let latest: SchemaFormState;
let mounted: Rendered | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
  writeTimeZone(null);
});

function mount(schema: Record<string, unknown>, initial: unknown = {}, options = {}) {
  function Harness() {
    const form = useSchemaForm(schema, initial);
    latest = form;
    return (
      <>
        <SchemaFormSummary form={form} />
        <SchemaForm {...form.props} options={options} />
      </>
    );
  }
  mounted = render(<Harness />);
  return mounted.container;
}

const input = (el: HTMLElement, selector = 'input:not([type=checkbox])') => el.querySelector(selector) as HTMLInputElement;

describe('typing', () => {
  it('keeps number text as typed; a non-number is kept and reported, not dropped', () => {
    const c = mount({ type: 'object', properties: { n: { type: 'number', title: 'N' }, i: { type: 'integer' } } });
    change(input(field(c, '/n')), '1.');
    expect(input(field(c, '/n')).value).toBe('1.');
    change(input(field(c, '/n')), '1.50');
    expect(latest.value).toEqual({ n: 1.5 });
    expect(input(field(c, '/n')).value).toBe('1.50');
    change(input(field(c, '/i')), '12a');
    expect(latest.value).toEqual({ n: 1.5, i: '12a' });
    expect(field(c, '/i').textContent).toContain('Must be a whole number');
    expect(latest.canSubmit).toBe(false);
    expect(latest.reason).toMatch(/i \(Must be a whole number\)/);
    change(input(field(c, '/i')), '');
    expect(latest.value).toEqual({ n: 1.5 });
    expect(latest.canSubmit).toBe(true);
  });

  it('shows required errors at the field and in the summary', () => {
    const c = mount({ type: 'object', properties: { name: { type: 'string', title: 'Name' } }, required: ['name'] });
    expect(field(c, '/name').textContent).toContain('Required');
    expect(c.querySelector('[aria-label="Problems in the form"]')?.textContent).toContain('Name: Required');
    change(input(field(c, '/name')), 'x');
    expect(c.querySelector('[aria-label="Problems in the form"]')).toBeNull();
  });
});

describe('unions and nullable', () => {
  const schema = { type: 'object', properties: { limit: { title: 'Row limit', anyOf: [{ type: 'integer', exclusiveMinimum: 0 }, { type: 'string', const: 'all' }], default: 'all' }, note: { type: ['string', 'null'], default: null } } };

  it('shows a member error once, at the union', () => {
    const c = mount(schema, { limit: -3 });
    expect(field(c, '/limit').textContent?.match(/Must be greater than 0/g)).toHaveLength(1);
  });

  it('opens on the member of the saved value and keeps each member value when switching', () => {
    const c = mount(schema, { limit: 25 });
    const picker = field(c, '/limit').querySelector('select[aria-label="Type of Row limit"]') as HTMLSelectElement;
    expect(picker.value).toBe('0');
    change(input(field(c, '/limit')), '40');
    change(picker, '1');
    expect(latest.value).toEqual({ limit: 'all' });
    change(picker, '0');
    expect(latest.value).toEqual({ limit: 40 });
    expect(input(field(c, '/limit')).value).toBe('40');
  });

  it('an unset optional union shows no member until one is chosen, then keeps it while empty', () => {
    const c = mount({ type: 'object', properties: { limit: { title: 'Row limit', anyOf: [{ type: 'integer' }, { type: 'string', const: 'all' }] } } });
    const picker = field(c, '/limit').querySelector('select') as HTMLSelectElement;
    expect(picker.value).toBe('');
    expect(picker.options[0].textContent).toBe('— not set —');
    expect(field(c, '/limit').querySelector('input')).toBeNull();
    change(picker, '0');
    expect(latest.value).toEqual({});
    change(input(field(c, '/limit')), '9');
    expect(latest.value).toEqual({ limit: 9 });
  });

  it('an explicit "no value" sets null and brings the typed value back when turned off', () => {
    const c = mount(schema, { note: 'hello' });
    const none = field(c, '/note').querySelector('input[aria-label$="no value (null)"]') as HTMLInputElement;
    click(none);
    expect(latest.value).toEqual({ note: null });
    click(none);
    expect(latest.value).toEqual({ note: 'hello' });
  });

  it('turning "no value" off when the default is null leaves the field unset, ready to type', () => {
    const c = mount(schema, { note: null });
    click(field(c, '/note').querySelector('input[aria-label$="no value (null)"]'));
    expect(latest.value).toEqual({});
    change(input(field(c, '/note')), 'typed');
    expect(latest.value).toEqual({ note: 'typed' });
  });
});

describe('JSON modes', () => {
  const schema = { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } }, config: { type: 'object', properties: { depth: { type: 'integer' } } } } };

  it('whole-form JSON keeps invalid text, blocks going back, and round-trips valid text exactly', () => {
    const c = mount(schema, { tags: ['a'], config: { depth: 2 } });
    click(buttonByText(c, 'JSON'));
    const text = c.querySelector('textarea') as HTMLTextAreaElement;
    expect(JSON.parse(text.value)).toEqual({ tags: ['a'], config: { depth: 2 } });
    change(text, '{"tags": ["a", "b"], "config": {"depth": ');
    expect((c.querySelector('textarea') as HTMLTextAreaElement).value).toBe('{"tags": ["a", "b"], "config": {"depth": ');
    expect(latest.canSubmit).toBe(false);
    expect(buttonByText(c, 'Form').disabled).toBe(true);
    change(c.querySelector('textarea'), '{"tags": ["a", "b"], "config": {"depth": 3}, "extra": true}');
    expect(latest.value).toEqual({ tags: ['a', 'b'], config: { depth: 3 }, extra: true });
    click(buttonByText(c, 'Form'));
    expect(input(field(c, '/config/depth')).value).toBe('3');
    expect(c.textContent).toContain('Other keys in this value (kept as they are)');
    expect(latest.canSubmit).toBe(true);
  });

  it('a field in JSON mode edits just that field', () => {
    const c = mount(schema, { tags: ['a'] });
    click(field(c, '/tags').querySelector('button[aria-label="Edit tags as JSON"]'));
    change(field(c, '/tags').querySelector('textarea'), '["x", "y"]');
    expect(latest.value).toEqual({ tags: ['x', 'y'] });
  });
});

describe('collections', () => {
  it('arrays add, reorder and remove items', () => {
    const c = mount({ type: 'object', properties: { list: { type: 'array', items: { type: 'string' } } } }, { list: ['a', 'b'] });
    click(buttonByText(c, 'Move item 2 of list up'));
    expect(latest.value).toEqual({ list: ['b', 'a'] });
    click(buttonByText(c, 'Add item to list'));
    change(input(field(c, '/list/2')), 'c');
    click(buttonByText(c, 'Remove item 1 of list'));
    expect(latest.value).toEqual({ list: ['a', 'c'] });
  });

  it('dictionaries keep a repeated key on screen and report it instead of dropping a value', () => {
    const c = mount({ type: 'object', properties: { env: { type: 'object', additionalProperties: { type: 'string' } } } }, { env: { A: '1', B: '2' } });
    change(c.querySelector('input[aria-label="Key 2 of env"]'), 'A');
    expect((c.querySelector('input[aria-label="Key 2 of env"]') as HTMLInputElement).value).toBe('A');
    expect(latest.canSubmit).toBe(false);
    expect(latest.reason).toMatch(/used twice/);
    change(c.querySelector('input[aria-label="Key 2 of env"]'), 'C');
    expect(latest.value).toEqual({ env: { A: '1', C: '2' } });
    expect(latest.canSubmit).toBe(true);
  });

  it('tuples edit each position', () => {
    const c = mount({ type: 'object', properties: { pair: { type: 'array', prefixItems: [{ type: 'integer' }, { type: 'string' }], minItems: 2, maxItems: 2 } } }, { pair: [1, 'x'] });
    change(input(field(c, '/pair/0')), '7');
    expect(latest.value).toEqual({ pair: [7, 'x'] });
  });

  it('arrays of enums are a multi-select', () => {
    const c = mount({ type: 'object', properties: { regions: { type: 'array', items: { enum: ['eu', 'us', 'ap'] } } } }, { regions: ['us'] });
    const boxes = field(c, '/regions').querySelectorAll('input[type=checkbox]');
    click(boxes[0]);
    expect(latest.value).toEqual({ regions: ['eu', 'us'] });
  });
});

describe('dates', () => {
  it('a date-time is entered in the chosen zone and sent with its offset', () => {
    writeTimeZone('America/New_York');
    const c = mount({ type: 'object', properties: { at: { type: 'string', format: 'date-time', title: 'At' } } }, {}, { timeZone: 'America/New_York' });
    change(field(c, '/at').querySelector('input[type=datetime-local]'), '2024-03-10T09:15:00');
    expect(latest.value).toEqual({ at: '2024-03-10T09:15:00-04:00' });
    change(field(c, '/at').querySelector('select[aria-label="Time zone of At"]'), 'Europe/Berlin');
    expect(latest.value).toEqual({ at: '2024-03-10T09:15:00+01:00' });
  });

  it('a saved date-time opens in the chosen zone; a malformed one is kept as text', () => {
    const c = mount({ type: 'object', properties: { at: { type: 'string', format: 'date-time' }, bad: { type: 'string', format: 'date-time' } } }, { at: '2024-05-01T07:00:00Z', bad: 'yesterday' }, { timeZone: 'Europe/Berlin' });
    expect(input(field(c, '/at')).value).toBe('2024-05-01T09:00');
    expect(input(field(c, '/bad')).value).toBe('yesterday');
    expect(latest.value).toEqual({ at: '2024-05-01T07:00:00Z', bad: 'yesterday' });
  });

  it('time-deltas are seconds entered with a unit', () => {
    const c = mount({ type: 'object', properties: { wait: { type: 'number', format: 'time-delta' } } }, { wait: 120 });
    expect(input(field(c, '/wait')).value).toBe('2');
    change(input(field(c, '/wait')), '3');
    expect(latest.value).toEqual({ wait: 180 });
  });
});

describe('secrets', () => {
  it('keeps the server mask unless a new secret is typed, and can go back to it', () => {
    const c = mount({ type: 'object', properties: { password: { type: 'string', format: 'password' } } }, { password: '********' });
    expect(input(field(c, '/password')).placeholder).toBe('Stored secret (unchanged)');
    change(input(field(c, '/password')), 'new-secret');
    expect(latest.value).toEqual({ password: 'new-secret' });
    click(buttonByText(c, 'Keep stored secret'));
    expect(latest.value).toEqual({ password: '********' });
  });
});

describe('block references', () => {
  it('without a picker, a reference is shown and kept', () => {
    const schema = { type: 'object', properties: { creds: { $ref: '#/definitions/C' } }, definitions: { C: { block_type_slug: 'aws-credentials', type: 'object' } } };
    const c = mount(schema, { creds: { $ref: { block_document_id: '4f9d3c1e-8b2a-4c5d-9e6f-7a8b9c0d1e2f' } } });
    expect(field(c, '/creds').dataset.widget).toBe('block-ref');
    expect(field(c, '/creds').textContent).toContain('4f9d3c1e-8b2a-4c5d-9e6f-7a8b9c0d1e2f');
    expect(latest.canSubmit).toBe(true);
  });

  it('a picker given in the options receives the slugs and the value', () => {
    const seen: string[][] = [];
    function Picker({ slugs, onChange }: { slugs: string[]; onChange: (v: unknown) => void }) {
      const [once] = useState(() => seen.push(slugs));
      return <button type="button" onClick={() => onChange({ $ref: { block_document_id: `picked-${once}` } })}>pick</button>;
    }
    const schema = { type: 'object', properties: { store: { anyOf: [{ $ref: '#/definitions/A' }, { $ref: '#/definitions/B' }] } }, definitions: { A: { block_type_slug: 'minio-credentials' }, B: { block_type_slug: 'aws-credentials' } } };
    const c = mount(schema, {}, { blockReference: Picker });
    expect(seen).toEqual([['minio-credentials', 'aws-credentials']]);
    click(buttonByText(c, 'pick'));
    expect(latest.value).toEqual({ store: { $ref: { block_document_id: 'picked-1' } } });
  });
});
