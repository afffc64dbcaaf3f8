import { useState } from 'react';
import { Eye, EyeOff, RotateCcw } from 'lucide-react';
import { formatDuration } from '../../../lib/time.ts';
import { Button } from '../../ui/button.tsx';
import { Input, Select, Textarea } from '../../ui/form.tsx';
import { useDraft, useFormContext } from '../context.ts';
import { controlClass, type WidgetProps } from './types.ts';

const INPUT_TYPES: Partial<Record<string, string>> = { email: 'email', uri: 'url' };
const PLACEHOLDERS: Partial<Record<string, string>> = {
  email: 'name@example.com',
  uri: 'https://…',
  uuid: '00000000-0000-4000-8000-000000000000',
  path: '/path/to/file',
  duration: 'PT1H30M',
};

const textOf = (value: unknown) => (value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/** Strings and string formats without a picker (email, URL, UUID, path, ISO duration). Empty text means "not set". */
export function TextWidget({ model, value, onChange, id, invalid, describedBy }: WidgetProps) {
  const placeholder = model.examples.length ? `e.g. ${textOf(model.examples[0])}` : PLACEHOLDERS[model.kind];
  const multiline = typeof value === 'string' && value.includes('\n');
  const common = {
    id,
    value: textOf(value),
    placeholder,
    'aria-invalid': invalid,
    'aria-describedby': describedBy,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value === '' ? undefined : e.target.value),
  };
  return (
    <div className="grid gap-1">
      {multiline ? <Textarea {...common} rows={4} className={controlClass} /> : <Input {...common} type={INPUT_TYPES[model.kind] ?? 'text'} className={controlClass} spellCheck={model.kind === 'string'} />}
      {model.kind === 'duration' && typeof value === 'string' && <DurationHint iso={value} />}
    </div>
  );
}

function DurationHint({ iso }: { iso: string }) {
  const m = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return null;
  const seconds = Number(m[1] ?? 0) * 86_400 + Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return <p className="text-xs text-fg-muted">= {formatDuration(seconds)}</p>;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

/**
 * Numbers as text, so nothing typed is lost: text that reads as a number becomes the
 * number; anything else stays in the value as typed, and validation says what is wrong.
 */
export function NumberWidget({ model, value, onChange, id, invalid, describedBy }: WidgetProps) {
  const integer = model.kind === 'integer';
  const parse = (text: string): unknown => {
    const t = text.trim();
    if (t === '') return undefined;
    return (integer ? INTEGER : NUMBER).test(t) && Number.isFinite(Number(t)) ? Number(t) : text;
  };
  const [draft, setDraft] = useDraft(value, textOf, (d, v) => parse(d) === v);
  return (
    <Input
      id={id}
      inputMode={integer ? 'numeric' : 'decimal'}
      value={draft}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      placeholder={model.examples.length ? `e.g. ${textOf(model.examples[0])}` : integer ? 'a whole number' : 'a number'}
      className="w-48"
      onChange={(e) => {
        setDraft(e.target.value);
        onChange(parse(e.target.value));
      }}
    />
  );
}

const UNITS = [
  { label: 'seconds', seconds: 1 },
  { label: 'minutes', seconds: 60 },
  { label: 'hours', seconds: 3600 },
  { label: 'days', seconds: 86_400 },
] as const;

/** A time-delta (a number of seconds) entered as an amount and a unit. */
export function TimeDeltaWidget({ value, onChange, id, invalid, describedBy }: WidgetProps) {
  const seconds = typeof value === 'number' ? value : undefined;
  const [unit, setUnit] = useState<number>(() => [...UNITS].reverse().find((u) => seconds !== undefined && seconds !== 0 && seconds % u.seconds === 0)?.seconds ?? 1);
  const parse = (text: string): unknown => (text.trim() === '' ? undefined : NUMBER.test(text.trim()) ? Number(text) * unit : text);
  const format = (v: unknown) => (typeof v === 'number' ? String(v / unit) : textOf(v));
  const [draft, setDraft] = useDraft(value, format, (d, v) => parse(d) === v);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Input
        id={id}
        inputMode="decimal"
        className="w-32"
        value={draft}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(e) => {
          setDraft(e.target.value);
          onChange(parse(e.target.value));
        }}
      />
      <Select
        aria-label="Unit"
        value={unit}
        onChange={(e) => {
          const next = Number(e.target.value);
          setUnit(next);
          if (typeof value === 'number') setDraft(String(value / next));
        }}
      >
        {UNITS.map((u) => (
          <option key={u.seconds} value={u.seconds}>
            {u.label}
          </option>
        ))}
      </Select>
      {seconds !== undefined && <span className="text-xs text-fg-muted tabular-nums">= {seconds.toLocaleString('en')} s ({formatDuration(seconds)})</span>}
    </div>
  );
}

/**
 * A secret. The server's mask (`********`) stands for the stored secret: it is kept, and
 * sent back unchanged, until the user types a new one.
 */
export function PasswordWidget({ value, onChange, id, invalid, describedBy }: WidgetProps) {
  const { options } = useFormContext();
  const mask = options.secretMask ?? '********';
  const [visible, setVisible] = useState(false);
  const [original] = useState(value);
  const stored = value === mask;
  return (
    <div className="flex max-w-xl items-center gap-1">
      <Input
        id={id}
        type={visible ? 'text' : 'password'}
        autoComplete="new-password"
        className="min-w-0 flex-1"
        value={stored ? '' : textOf(value)}
        placeholder={stored ? 'Stored secret (unchanged)' : ''}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      />
      {!stored && (
        <Button aria-label={visible ? 'Hide' : 'Show'} onClick={() => setVisible((v) => !v)}>
          {visible ? <EyeOff aria-hidden="true" /> : <Eye aria-hidden="true" />}
        </Button>
      )}
      {original === mask && !stored && (
        <Button onClick={() => onChange(mask)}>
          <RotateCcw aria-hidden="true" />
          Keep stored secret
        </Button>
      )}
    </div>
  );
}

/** A string that holds JSON text: edited as JSON, stored as the string. */
export function JsonStringWidget({ value, onChange, id, invalid, describedBy }: WidgetProps) {
  const text = textOf(value);
  let problem: string | null = null;
  if (typeof value === 'string' && value.trim() !== '') {
    try {
      JSON.parse(value);
    } catch (error) {
      problem = `Not valid JSON yet: ${(error as Error).message}`;
    }
  }
  return (
    <div className="grid gap-1">
      <Textarea id={id} rows={4} spellCheck={false} className={`${controlClass} font-mono text-xs`} value={text} aria-invalid={invalid || problem !== null} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />
      {problem && <p className="text-xs text-fg-muted">{problem}</p>}
    </div>
  );
}
