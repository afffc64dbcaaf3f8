import { useMemo, useRef, useState } from 'react';
import { defaultFor } from '../../../lib/schema-form/defaults.ts';
import { detectMember, isBlockReference, memberLabel } from '../../../lib/schema-form/members.ts';
import { describeField } from '../../../lib/schema-form/model.ts';
import { Checkbox, Select } from '../../ui/form.tsx';
import { useFormContext } from '../context.ts';
import { Field, WIDGETS } from '../field.tsx';
import { toJsonText } from './json.tsx';
import type { WidgetProps } from './types.ts';

/**
 * `anyOf` / `oneOf`: a member picker and the chosen member's field. An existing value
 * opens on the member it belongs to; switching members keeps each member's value, so
 * switching back restores what was typed there.
 */
export function UnionWidget({ model, value, onChange, pointer, id, label, required }: WidgetProps) {
  const { root } = useFormContext();
  const members = model.members ?? [];
  const memberModels = useMemo(() => members.map((m) => describeField(root, m)), [root, members]);
  const detected = detectMember(root, members, value);
  const defaultMember = model.default ? Math.max(0, detectMember(root, members, model.default.value)) : 0;
  const [chosen, setChosen] = useState(detected >= 0 ? detected : defaultMember);
  const stash = useRef(new Map<number, unknown>());
  // A member chosen by the user stays shown while its value is still empty.
  const [picked, setPicked] = useState(value !== undefined);
  const unset = value === undefined && !picked;
  // A value changed elsewhere (JSON mode, a reset) that cannot be the chosen member picks its own.
  const current = detected >= 0 && detected !== chosen && !fits(memberModels[chosen], value) ? detected : chosen;
  if (current !== chosen) setChosen(current);

  const choose = (index: number, fromUnset = false) => {
    if (index === current && !fromUnset) return;
    if (!fromUnset) stash.current.set(current, value);
    setChosen(index);
    setPicked(true);
    // A member chosen for the first time starts from the union's default if it is one of its values, else its own.
    const fromUnion = model.default && detectMember(root, members, model.default.value) === index ? model.default.value : undefined;
    onChange(stash.current.has(index) ? stash.current.get(index) : (fromUnion ?? defaultFor(root, memberModels[index], true)));
  };

  return (
    <div className="grid gap-2 rounded-md border border-border p-2">
      <label className="flex items-center gap-2 text-xs text-fg-muted">
        Type
        <Select aria-label={`Type of ${label}`} value={unset ? '' : current} onChange={(e) => e.target.value !== '' && choose(Number(e.target.value), unset)}>
          {unset && <option value="">{required ? 'Choose…' : '— not set —'}</option>}
          {members.map((m, i) => (
            <option key={i} value={i}>
              {memberLabel(root, m, i)}
            </option>
          ))}
        </Select>
      </label>
      {/* Choosing a constant member is choosing its value: no separate "include" switch. */}
      {!unset && <Field key={current} schema={members[current]} model={memberModels[current]} name={label} pointer={pointer} required={required || memberModels[current]?.kind === 'const'} value={value} onChange={onChange} bare quietErrors />}
      <span id={id} hidden />
    </div>
  );
}

/** Whether a value is acceptable for the member currently shown (unset always is). */
function fits(model: ReturnType<typeof describeField> | undefined, value: unknown): boolean {
  if (!model || value === undefined) return true;
  switch (model.kind) {
    case 'object':
    case 'dict':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
    case 'tuple':
    case 'multi-select':
      return Array.isArray(value);
    case 'number':
    case 'integer':
    case 'time-delta':
      // Text being typed into a number field stays on that member.
      return typeof value === 'number' || typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'enum':
    case 'const':
      return (model.options ?? []).some((o) => JSON.stringify(o) === JSON.stringify(value));
    case 'null':
      return value === null;
    case 'json':
      return true;
    default:
      return typeof value === 'string';
  }
}

/**
 * A field that may be `null`: an explicit "no value" switch over the field's own widget.
 * Switching it off brings back the value the field had before.
 */
export function NullableWidget(props: WidgetProps) {
  const { root } = useFormContext();
  const { model, value, onChange, label, required } = props;
  const before = useRef<unknown>(undefined);
  const inner = { ...model, nullable: false };
  const Widget = WIDGETS[inner.kind];
  const isNull = value === null;
  return (
    <div className="grid gap-1.5">
      <label className="inline-flex w-fit items-center gap-1.5 text-xs text-fg-muted">
        <Checkbox
          aria-label={`${label}: no value (null)`}
          checked={isNull}
          onChange={(e) => {
            if (e.target.checked) {
              before.current = value;
              onChange(null);
            } else {
              // Back to the value typed before, else a non-null default, else unset (to be filled in).
              const fallback = defaultFor(root, inner, required);
              onChange(before.current ?? (fallback === null ? undefined : fallback));
            }
          }}
        />
        No value (null)
      </label>
      {!isNull && <Widget {...props} model={inner} />}
    </div>
  );
}

/** A block field: the form's block picker when it has one, else the reference shown as it is. */
export function BlockReferenceWidget({ model, value, onChange, id, label }: WidgetProps) {
  const { options } = useFormContext();
  const Picker = options.blockReference;
  if (Picker) return <Picker slugs={model.blockTypeSlugs ?? []} value={value} onChange={onChange} id={id} label={label} options={options} />;
  return (
    <p id={id} className="text-fg-muted">
      {value === undefined ? 'No block chosen.' : isBlockReference(value) ? `Block document ${value.$ref.block_document_id}` : <code className="font-mono text-xs">{toJsonText(value)}</code>}
    </p>
  );
}
