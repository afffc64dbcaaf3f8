import { Checkbox, Select } from '../../ui/form.tsx';
import type { WidgetProps } from './types.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
export const optionLabel = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export function BooleanWidget({ value, onChange, id, invalid, describedBy, label }: WidgetProps) {
  return (
    <label className="inline-flex items-center gap-2">
      <Checkbox id={id} checked={value === true} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => onChange(e.target.checked)} />
      <span className="text-fg-muted">{value === undefined ? 'Not set' : value === true ? 'Yes' : typeof value === 'boolean' ? 'No' : `“${optionLabel(value)}” is not true or false`}</span>
      <span className="sr-only">{label}</span>
    </label>
  );
}

/**
 * One value of an `enum`: radio buttons for a few short options, a select otherwise. A
 * value outside the list (saved before the schema changed) is kept and shown as such.
 */
export function EnumWidget({ model, value, onChange, id, invalid, describedBy, required, label }: WidgetProps) {
  const options = model.options ?? [];
  const index = options.findIndex((o) => same(o, value));
  const stray = value !== undefined && value !== null && index < 0;
  const radios = options.length <= 4 && options.every((o) => optionLabel(o).length <= 24) && !stray;
  if (radios) {
    return (
      <div role="radiogroup" aria-label={label} aria-describedby={describedBy} aria-invalid={invalid} className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o, i) => (
          <label key={i} className="inline-flex items-center gap-1.5">
            <input type="radio" id={i === 0 ? id : undefined} name={id} checked={index === i} onChange={() => onChange(o)} className="accent-[var(--color-accent)]" />
            {optionLabel(o)}
          </label>
        ))}
        {!required && index >= 0 && (
          <button type="button" className="text-xs text-fg-muted hover:text-fg hover:underline" onClick={() => onChange(undefined)}>
            Clear
          </button>
        )}
      </div>
    );
  }
  return (
    <Select id={id} aria-invalid={invalid} aria-describedby={describedBy} value={stray ? 'stray' : index < 0 ? '' : String(index)} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'stray' ? value : options[Number(e.target.value)])} className="max-w-xl">
      <option value="">{required ? 'Choose…' : '— not set —'}</option>
      {options.map((o, i) => (
        <option key={i} value={String(i)}>
          {optionLabel(o)}
        </option>
      ))}
      {stray && <option value="stray">{optionLabel(value)} (not allowed)</option>}
    </Select>
  );
}

/** A constant: there is nothing to choose, only whether to include it when it is optional. */
export function ConstWidget({ model, value, onChange, id, required }: WidgetProps) {
  const constant = model.options?.[0];
  const set = same(value, constant);
  return (
    <label className="inline-flex items-center gap-2">
      {!required && <Checkbox id={id} checked={set} onChange={(e) => onChange(e.target.checked ? constant : undefined)} />}
      <code id={required ? id : undefined} className="rounded bg-surface-hover px-1.5 py-0.5 font-mono text-xs">
        {optionLabel(constant)}
      </code>
      {value !== undefined && !set && <span className="text-xs text-danger">Current value {optionLabel(value)} differs</span>}
    </label>
  );
}

/** A list whose items come from an `enum`: one checkbox per option; values outside the list are kept. */
export function MultiSelectWidget({ model, value, onChange, id, describedBy, label }: WidgetProps) {
  const options = model.options ?? [];
  const list = Array.isArray(value) ? value : [];
  const strays = list.filter((v) => !options.some((o) => same(o, v)));
  const toggle = (option: unknown, on: boolean) => {
    const next = on ? [...list, option] : list.filter((v) => !same(v, option));
    // Keep the schema's order for chosen options, strays last, so the value reads predictably.
    const ordered = [...options.filter((o) => next.some((v) => same(v, o))), ...next.filter((v) => !options.some((o) => same(o, v)))];
    onChange(ordered);
  };
  return (
    <fieldset id={id} aria-describedby={describedBy} className="flex flex-wrap gap-x-4 gap-y-1">
      <legend className="sr-only">{label}</legend>
      {options.map((o, i) => (
        <label key={i} className="inline-flex items-center gap-1.5">
          <Checkbox checked={list.some((v) => same(v, o))} onChange={(e) => toggle(o, e.target.checked)} />
          {optionLabel(o)}
        </label>
      ))}
      {strays.map((v, i) => (
        <label key={`stray-${i}`} className="inline-flex items-center gap-1.5 text-danger">
          <Checkbox checked onChange={() => toggle(v, false)} />
          {optionLabel(v)} (not allowed)
        </label>
      ))}
    </fieldset>
  );
}

export function NullWidget({ id }: WidgetProps) {
  return (
    <span id={id} className="text-fg-muted">
      Always empty (null)
    </span>
  );
}
