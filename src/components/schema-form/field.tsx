import { useMemo, useState, type ComponentType } from 'react';
import { clsx } from 'clsx';
import { Braces, ListChecks } from 'lucide-react';
import { describeField, type FieldModel, type WidgetKind } from '../../lib/schema-form/model.ts';
import type { JsonSchema } from '../../lib/schema-form/schema.ts';
import { fieldId, useFormContext } from './context.ts';
import { BooleanWidget, ConstWidget, EnumWidget, MultiSelectWidget, NullWidget, optionLabel } from './widgets/choice.tsx';
import { ArrayWidget, DictWidget, ObjectWidget, TupleWidget } from './widgets/collections.tsx';
import { DateTimeWidget, DateWidget, TimeWidget } from './widgets/dates.tsx';
import { FreeJsonWidget, JsonEditor, UnsupportedWidget } from './widgets/json.tsx';
import { BlockReferenceWidget, NullableWidget, UnionWidget } from './widgets/union.tsx';
import { JsonStringWidget, NumberWidget, PasswordWidget, TextWidget, TimeDeltaWidget } from './widgets/text.tsx';
import type { WidgetProps } from './widgets/types.ts';

export const WIDGETS: Record<WidgetKind, ComponentType<WidgetProps>> = {
  string: TextWidget,
  email: TextWidget,
  uri: TextWidget,
  uuid: TextWidget,
  path: TextWidget,
  duration: TextWidget,
  password: PasswordWidget,
  'json-string': JsonStringWidget,
  number: NumberWidget,
  integer: NumberWidget,
  'time-delta': TimeDeltaWidget,
  boolean: BooleanWidget,
  null: NullWidget,
  enum: EnumWidget,
  const: ConstWidget,
  'multi-select': MultiSelectWidget,
  date: DateWidget,
  'date-time': DateTimeWidget,
  time: TimeWidget,
  array: ArrayWidget,
  tuple: TupleWidget,
  object: ObjectWidget,
  dict: DictWidget,
  union: UnionWidget,
  'block-ref': BlockReferenceWidget,
  json: FreeJsonWidget,
  unsupported: UnsupportedWidget,
};

/** Kinds whose widget is several controls (a group), not one labelled control. */
const CONTAINERS = new Set<WidgetKind>(['object', 'array', 'tuple', 'dict', 'union', 'multi-select']);

/** Kinds whose widget is already raw JSON: no separate JSON mode. */
const RAW = new Set<WidgetKind>(['json', 'unsupported']);

export interface FieldProps {
  schema: JsonSchema;
  /** Property name or position, used when the schema has no title. */
  name: string;
  value: unknown;
  onChange: (value: unknown) => void;
  pointer: string;
  required: boolean;
  /** The model, when the caller already has it (a union member, the root). */
  model?: FieldModel;
  /** Rendered without its own label row (the root object, a union member under its picker). */
  bare?: boolean;
  /** An item of a list or tuple: a small position label, no required marker. */
  item?: boolean;
  /** Its errors are shown by the field around it (a union's member shares the union's pointer). */
  quietErrors?: boolean;
}

/** One value of the form: label, required marker, description, default and examples, the widget, its errors. */
export function Field({ schema, name, value, onChange, pointer, required, model: given, bare, item, quietErrors }: FieldProps) {
  const { root, errors, idPrefix } = useFormContext();
  const model = useMemo(() => given ?? describeField(root, schema), [given, root, schema]);
  const [jsonMode, setJsonMode] = useState(false);
  const id = fieldId(idPrefix, pointer);
  const label = model.title ?? name;
  const messages = errors[pointer] ?? [];
  const errorId = messages.length ? `${id}-error` : undefined;
  const hintId = model.description || model.default || model.defaultNote ? `${id}-hint` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  const Widget = model.nullable && model.kind !== 'null' ? NullableWidget : WIDGETS[model.kind];
  const widgetProps: WidgetProps = { model, value, onChange, id, pointer, required, label, invalid: messages.length > 0, describedBy };
  const canToggle = !RAW.has(model.kind);
  // Leaving JSON mode needs JSON that parses: the text is never thrown away.
  const [jsonProblem, setJsonProblem] = useState<string | null>(null);
  const toggleJson = () => {
    if (jsonMode && jsonProblem) return;
    setJsonMode((m) => !m);
  };

  const body = jsonMode ? <JsonEditor value={value} onChange={onChange} id={id} pointer={pointer} invalid={messages.length > 0} describedBy={describedBy} label={label} onProblemChange={setJsonProblem} /> : <Widget {...widgetProps} />;
  if (bare) {
    return (
      <div data-field={pointer} data-widget={model.kind} data-nullable={model.nullable || undefined}>
        {body}
        {!quietErrors && <FieldErrors id={errorId} messages={messages} />}
      </div>
    );
  }
  // Groups of controls are named by their heading; single controls by a <label>.
  const container = CONTAINERS.has(model.kind) && !jsonMode;
  const LabelTag = container ? 'span' : 'label';
  return (
    <div
      data-field={pointer}
      data-widget={model.kind}
      data-nullable={model.nullable || undefined}
      className={clsx('grid min-w-0 gap-1')}
      {...(container ? { role: 'group', 'aria-labelledby': `${id}-label` } : {})}
    >
      <div className="flex items-baseline gap-2">
        <LabelTag id={`${id}-label`} htmlFor={container ? undefined : id} className={item ? 'text-xs text-fg-muted' : 'font-medium break-words'}>
          {item ? name : label}
          {required && !item && (
            <span className="ml-0.5 text-danger" aria-hidden="true">
              *
            </span>
          )}
          {required && !item && <span className="sr-only"> (required)</span>}
        </LabelTag>
        {label !== name && !item && <span className="font-mono text-xs text-fg-muted">{name}</span>}
        {canToggle && (
          <button type="button" onClick={toggleJson} disabled={jsonMode && jsonProblem !== null} aria-pressed={jsonMode} aria-label={jsonMode ? `Edit ${label} in the form` : `Edit ${label} as JSON`} title={jsonMode ? 'Back to the form' : 'Edit as JSON'} className="ml-auto inline-flex items-center gap-1 rounded px-1 text-xs text-fg-muted hover:bg-surface-hover hover:text-fg disabled:opacity-50">
            {jsonMode ? <ListChecks className="size-3.5" aria-hidden="true" /> : <Braces className="size-3.5" aria-hidden="true" />}
            {jsonMode ? 'Form' : 'JSON'}
          </button>
        )}
      </div>
      {body}
      <FieldErrors id={errorId} messages={messages} />
      {hintId && (
        <div id={hintId} className="grid gap-0.5 text-xs text-fg-muted">
          {model.description && <p className="whitespace-pre-line">{model.description.trim()}</p>}
          {model.default && (
            <p>
              Default: <span className="font-mono break-all">{model.default.value === null ? 'none' : truncate(optionLabel(model.default.value))}</span>
            </p>
          )}
          {model.defaultNote && <p className="text-danger">{model.defaultNote}</p>}
        </div>
      )}
    </div>
  );
}

const truncate = (text: string) => (text.length > 160 ? `${text.slice(0, 160)}…` : text);

function FieldErrors({ id, messages }: { id?: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} className="grid gap-0.5 text-xs text-danger">
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}
