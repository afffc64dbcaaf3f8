import { useMemo, useRef, useState } from 'react';
import { ArrowDown, ArrowUp, ChevronDown, ChevronRight, Plus, Trash2, X } from 'lucide-react';
import { defaultFor } from '../../../lib/schema-form/defaults.ts';
import { describeField } from '../../../lib/schema-form/model.ts';
import { isObject } from '../../../lib/schema-form/schema.ts';
import { pointer as toPointer } from '../../../lib/schema-form/validate.ts';
import { Button } from '../../ui/button.tsx';
import { Input } from '../../ui/form.tsx';
import { useDraftIssue, useFormContext } from '../context.ts';
import { Field } from '../field.tsx';
import { toJsonText } from './json.tsx';
import type { WidgetProps } from './types.ts';

const child = (pointer: string, key: string | number) => pointer + toPointer([key]);

/** Object with one key replaced (or removed when `undefined`), keeping the key order. */
export function withKey(value: unknown, key: string, next: unknown): Record<string, unknown> {
  const base = isObject(value) ? value : {};
  if (next === undefined) {
    const { [key]: _removed, ...rest } = base;
    return rest;
  }
  return key in base ? Object.fromEntries(Object.entries(base).map(([k, v]) => [k, k === key ? next : v])) : { ...base, [key]: next };
}

/** Stable React keys for list items, so moving an item moves its state (drafts, union choices) with it. */
function useItemKeys(length: number) {
  const next = useRef(0);
  const keys = useRef<number[]>([]);
  while (keys.current.length < length) keys.current.push(next.current++);
  if (keys.current.length > length) keys.current = keys.current.slice(0, length);
  return {
    keys: keys.current,
    move: (from: number, to: number) => {
      const k = [...keys.current];
      [k[from], k[to]] = [k[to], k[from]];
      keys.current = k;
    },
    remove: (index: number) => {
      keys.current = keys.current.filter((_, i) => i !== index);
    },
  };
}

/** Nested properties in a collapsible group; an optional object that is not set can be added. */
export function ObjectWidget({ model, value, onChange, pointer, required, label, id }: WidgetProps) {
  const [open, setOpen] = useState(true);
  const { root } = useFormContext();
  const isRoot = pointer === '';
  const properties = model.properties ?? [];
  if (!isRoot && value === undefined && !required) {
    return (
      <div className="flex items-center gap-2 text-fg-muted">
        <span id={id}>Not set</span>
        <Button onClick={() => onChange(defaultFor(root, model, true) ?? {})}>
          <Plus aria-hidden="true" />
          Set {label}
        </Button>
      </div>
    );
  }
  const known = new Set(properties.map((p) => p.name));
  const extra = isObject(value) ? Object.fromEntries(Object.entries(value).filter(([k]) => !known.has(k))) : {};
  const fields = (
    <div className="grid gap-4">
      {properties.length === 0 && <p className="text-fg-muted">No fields.</p>}
      {properties.map((p) => (
        <Field
          key={p.name}
          schema={p.schema}
          name={p.name}
          pointer={child(pointer, p.name)}
          required={p.required}
          value={isObject(value) ? value[p.name] : undefined}
          onChange={(next) => onChange(withKey(value, p.name, next))}
        />
      ))}
      {Object.keys(extra).length > 0 && (
        <div className="grid gap-1 text-xs text-fg-muted">
          <span>Other keys in this value (kept as they are):</span>
          <pre tabIndex={0} className="max-h-40 overflow-auto rounded bg-surface px-2 py-1 font-mono">{toJsonText(extra)}</pre>
        </div>
      )}
      {value !== undefined && !isObject(value) && <p className="text-xs text-danger">The current value {JSON.stringify(value)} is not an object; edit it as JSON.</p>}
    </div>
  );
  if (isRoot) return fields;
  return (
    <div className="rounded-md border border-border">
      <div className="flex items-center gap-1 border-b border-border px-2 py-1">
        <button type="button" id={id} aria-expanded={open} onClick={() => setOpen((o) => !o)} className="inline-flex items-center gap-1 text-xs text-fg-muted hover:text-fg">
          {open ? <ChevronDown className="size-3.5" aria-hidden="true" /> : <ChevronRight className="size-3.5" aria-hidden="true" />}
          {open ? 'Collapse' : `Expand (${properties.length} field${properties.length === 1 ? '' : 's'})`}
        </button>
        {!required && (
          <button type="button" className="ml-auto inline-flex items-center gap-1 text-xs text-fg-muted hover:text-fg" onClick={() => onChange(undefined)}>
            <X className="size-3.5" aria-hidden="true" />
            Unset
          </button>
        )}
      </div>
      {/* Collapsed fields stay mounted: their drafts and union choices survive. */}
      <div hidden={!open} className="p-3">
        {fields}
      </div>
    </div>
  );
}

/** A list: add, remove and reorder items; each item is a field of the item schema. */
export function ArrayWidget({ model, value, onChange, pointer, id, label }: WidgetProps) {
  const { root } = useFormContext();
  const list = Array.isArray(value) ? value : [];
  const itemSchema = model.item ?? {};
  const itemModel = useMemo(() => describeField(root, itemSchema), [root, itemSchema]);
  const keys = useItemKeys(list.length);
  const min = typeof model.schema.minItems === 'number' ? model.schema.minItems : 0;
  const max = typeof model.schema.maxItems === 'number' ? model.schema.maxItems : Infinity;
  const update = (next: unknown[]) => onChange(next);
  if (value !== undefined && !Array.isArray(value)) return <p className="text-xs text-danger">The current value {JSON.stringify(value)} is not a list; edit it as JSON.</p>;
  return (
    <div className="grid gap-2">
      {list.length === 0 && (
        <p id={id} className="text-fg-muted">
          No items.
        </p>
      )}
      <ol className="grid gap-2">
        {list.map((item, i) => (
          <li key={keys.keys[i]} className="flex items-start gap-2 rounded-md border border-border p-2">
            <div className="min-w-0 flex-1">
              <Field schema={itemSchema} model={itemModel} name={`Item ${i + 1}`} item pointer={child(pointer, i)} required value={item} onChange={(next) => update(list.map((v, j) => (j === i ? next : v)))} />
            </div>
            <div className="flex shrink-0 gap-1">
              <Button
                aria-label={`Move item ${i + 1} of ${label} up`}
                disabled={i === 0}
                onClick={() => {
                  keys.move(i, i - 1);
                  const next = [...list];
                  [next[i - 1], next[i]] = [next[i], next[i - 1]];
                  update(next);
                }}
              >
                <ArrowUp aria-hidden="true" />
              </Button>
              <Button
                aria-label={`Move item ${i + 1} of ${label} down`}
                disabled={i === list.length - 1}
                onClick={() => {
                  keys.move(i, i + 1);
                  const next = [...list];
                  [next[i + 1], next[i]] = [next[i], next[i + 1]];
                  update(next);
                }}
              >
                <ArrowDown aria-hidden="true" />
              </Button>
              <Button
                aria-label={`Remove item ${i + 1} of ${label}`}
                disabled={list.length <= min}
                onClick={() => {
                  keys.remove(i);
                  update(list.filter((_, j) => j !== i));
                }}
              >
                <Trash2 aria-hidden="true" />
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <div>
        <Button disabled={list.length >= max} onClick={() => update([...list, defaultFor(root, itemModel, true) ?? emptyOf(itemModel.kind)])}>
          <Plus aria-hidden="true" />
          Add item to {label}
        </Button>
      </div>
    </div>
  );
}

/** What a new item starts as when its schema has no default (`undefined` would vanish from a JSON list). */
function emptyOf(kind: string): unknown {
  if (kind === 'object' || kind === 'dict') return {};
  if (kind === 'array' || kind === 'multi-select') return [];
  if (kind === 'string' || kind === 'email' || kind === 'uri' || kind === 'path') return '';
  return null;
}

/** A tuple: one field per position, from `prefixItems` or the older `items: [...]`. */
export function TupleWidget({ model, value, onChange, pointer }: WidgetProps) {
  const list = Array.isArray(value) ? value : [];
  const items = model.tupleItems ?? [];
  if (value !== undefined && !Array.isArray(value)) return <p className="text-xs text-danger">The current value {JSON.stringify(value)} is not a list; edit it as JSON.</p>;
  const set = (i: number, next: unknown) => {
    const out = items.map((_, j) => (j === i ? next : list[j]));
    // Positions after the last one set stay absent rather than becoming nulls.
    while (out.length && out[out.length - 1] === undefined) out.pop();
    onChange(out.length ? out.map((v) => (v === undefined ? null : v)) : undefined);
  };
  return (
    <ol className="grid gap-2 rounded-md border border-border p-2">
      {items.map((schema, i) => (
        <li key={i}>
          <Field schema={schema} name={`Position ${i + 1}`} item pointer={child(pointer, i)} required value={list[i]} onChange={(next) => set(i, next)} />
        </li>
      ))}
      {list.length > items.length && <li className="text-xs text-fg-muted">Extra items kept: {JSON.stringify(list.slice(items.length))}</li>}
    </ol>
  );
}

interface DictRow {
  id: number;
  key: string;
  value: unknown;
}

const rowsOf = (value: unknown, start: number): DictRow[] => Object.entries(isObject(value) ? value : {}).map(([key, v], i) => ({ id: start + i, key, value: v }));
const objectOf = (rows: DictRow[]) => Object.fromEntries(rows.filter((r) => r.key !== '').map((r) => [r.key, r.value]));

/**
 * A dictionary (`additionalProperties` with a value schema): key/value rows. Keys are
 * typed freely; an empty or repeated key is kept on screen and reported, never dropped.
 */
export function DictWidget({ model, value, onChange, pointer, id, label }: WidgetProps) {
  const { root } = useFormContext();
  const nextId = useRef(1000);
  const [rows, setRows] = useState<DictRow[]>(() => rowsOf(value, 0));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    if (JSON.stringify(objectOf(rows)) !== JSON.stringify(value ?? {})) setRows(rowsOf(value, (nextId.current += 1000)));
  }
  const valueSchema = model.item ?? {};
  const valueModel = useMemo(() => describeField(root, valueSchema), [root, valueSchema]);
  const keys = rows.map((r) => r.key);
  const duplicate = keys.find((k, i) => k !== '' && keys.indexOf(k) !== i);
  const empty = rows.some((r) => r.key === '' && r.value !== undefined);
  useDraftIssue(pointer, duplicate !== undefined ? `The key “${duplicate}” is used twice in ${label}` : empty ? `A value in ${label} has no key` : null);
  const commit = (next: DictRow[]) => {
    setRows(next);
    const object = objectOf(next);
    setShown(object);
    onChange(Object.keys(object).length || value !== undefined ? object : undefined);
  };
  return (
    <div className="grid gap-2">
      {rows.length === 0 && (
        <p id={id} className="text-fg-muted">
          No entries.
        </p>
      )}
      {rows.map((row, i) => (
        <div key={row.id} className="flex items-start gap-2 rounded-md border border-border p-2">
          <Input aria-label={`Key ${i + 1} of ${label}`} className="w-44 font-mono text-xs" value={row.key} placeholder="key" onChange={(e) => commit(rows.map((r) => (r.id === row.id ? { ...r, key: e.target.value } : r)))} />
          <div className="min-w-0 flex-1">
            <Field schema={valueSchema} model={valueModel} name="Value" item pointer={child(pointer, row.key || `#${i}`)} required value={row.value} onChange={(next) => commit(rows.map((r) => (r.id === row.id ? { ...r, value: next } : r)))} />
          </div>
          <Button aria-label={`Remove ${row.key || `entry ${i + 1}`} from ${label}`} onClick={() => commit(rows.filter((r) => r.id !== row.id))}>
            <Trash2 aria-hidden="true" />
          </Button>
        </div>
      ))}
      <div>
        <Button onClick={() => setRows([...rows, { id: nextId.current++, key: '', value: defaultFor(root, valueModel, true) }])}>
          <Plus aria-hidden="true" />
          Add entry to {label}
        </Button>
      </div>
    </div>
  );
}
