import { useEffect } from 'react';
import { CircleAlert } from 'lucide-react';
import { Textarea } from '../../ui/form.tsx';
import { useDraft, useDraftIssue } from '../context.ts';
import type { WidgetProps } from './types.ts';

export const toJsonText = (value: unknown) => (value === undefined ? '' : JSON.stringify(value, null, 2));

export function parseJsonText(text: string): { value: unknown } | { error: string } {
  if (text.trim() === '') return { value: undefined };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: `Not valid JSON: ${(error as Error).message}` };
  }
}

const sameJson = (draft: string, value: unknown) => {
  const parsed = parseJsonText(draft);
  return 'value' in parsed && JSON.stringify(parsed.value) === JSON.stringify(value);
};

/**
 * Raw JSON for a value: free-form fields, a field switched to JSON, the whole form in JSON
 * mode. Text that does not parse stays as typed and is reported (the form cannot be
 * submitted) instead of being dropped; valid text updates the value at once.
 */
export function JsonEditor({
  value,
  onChange,
  id,
  pointer,
  invalid,
  describedBy,
  rows = 4,
  label,
  onProblemChange,
}: Pick<WidgetProps, 'value' | 'onChange' | 'id' | 'pointer' | 'invalid' | 'describedBy' | 'label'> & { rows?: number; onProblemChange?: (problem: string | null) => void }) {
  const [draft, setDraft] = useDraft(value, toJsonText, sameJson);
  const parsed = parseJsonText(draft);
  const problem = 'error' in parsed ? parsed.error : null;
  useDraftIssue(pointer, problem);
  useEffect(() => onProblemChange?.(problem), [problem, onProblemChange]);
  const lines = Math.min(24, Math.max(rows, draft.split('\n').length));
  return (
    <div className="grid gap-1">
      <Textarea
        id={id}
        aria-label={`${label} (JSON)`}
        spellCheck={false}
        rows={lines}
        className="w-full max-w-3xl font-mono text-xs"
        value={draft}
        placeholder="JSON, e.g. {&quot;key&quot;: &quot;value&quot;}"
        aria-invalid={invalid || problem !== null}
        aria-describedby={describedBy}
        onChange={(e) => {
          setDraft(e.target.value);
          const next = parseJsonText(e.target.value);
          if ('value' in next) onChange(next.value);
        }}
      />
      {problem && (
        <p className="text-xs text-danger" role="status">
          {problem}. Your text is kept; fix it to apply it.
        </p>
      )}
    </div>
  );
}

export function FreeJsonWidget(props: WidgetProps) {
  return <JsonEditor {...props} />;
}

/** A construct the form does not understand: the reason, and the value as JSON so the rest of the form works. */
export function UnsupportedWidget(props: WidgetProps) {
  return (
    <div className="grid gap-1.5">
      <p role="note" className="flex items-start gap-1.5 rounded-md border border-border bg-surface px-2 py-1.5 text-xs">
        <CircleAlert className="mt-0.5 size-3.5 shrink-0 text-danger" aria-hidden="true" />
        <span>{props.model.problem} You can still enter a value as JSON.</span>
      </p>
      <JsonEditor {...props} />
    </div>
  );
}
