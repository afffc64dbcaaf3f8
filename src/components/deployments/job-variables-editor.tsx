import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { buildWorkPoolQuery, jobVariablesSchema } from '../../api/work-pools.ts';
import { fieldLabel } from '../../lib/schema-form/labels.ts';
import { describeField, typeLabel } from '../../lib/schema-form/model.ts';
import { isObject } from '../../lib/schema-form/schema.ts';
import { validateValue } from '../../lib/schema-form/validate.ts';
import { Textarea } from '../ui/form.tsx';

const text = (value: Record<string, unknown>) => (Object.keys(value).length ? JSON.stringify(value, null, 2) : '');

/**
 * Job variables as JSON, checked on every change against the work pool's template
 * variables (required keys are not: the pool's defaults fill them). Text that does not
 * parse stays as typed and blocks saving. Reports `null` when valid, else the reason.
 */
export function JobVariablesEditor({ pool, value, onChange, onProblem, id }: { pool: string | null; value: Record<string, unknown>; onChange: (value: Record<string, unknown>) => void; onProblem: (problem: string | null) => void; id?: string }) {
  const workPool = useQuery(buildWorkPoolQuery(pool));
  const schema = jobVariablesSchema(workPool.data);
  const [draft, setDraft] = useState(() => text(value));
  const parsed = useMemo((): { value: Record<string, unknown> } | { error: string } => {
    if (draft.trim() === '') return { value: {} };
    try {
      const v = JSON.parse(draft) as unknown;
      return isObject(v) ? { value: v } : { error: 'Job variables must be a JSON object' };
    } catch (e) {
      return { error: `Not valid JSON: ${(e as Error).message}` };
    }
  }, [draft]);
  const errors = useMemo(() => ('value' in parsed && schema ? Object.entries(validateValue(schema, parsed.value, { ignoreRequired: true }).errors) : []), [parsed, schema]);
  const problem = 'error' in parsed ? parsed.error : errors.length ? `Job variables: ${errors.map(([p, m]) => `${fieldLabel(schema!, parsed.value, p)}: ${m[0]}`).join('; ')}` : null;
  useEffect(() => onProblem(problem), [problem, onProblem]);
  const variables = schema ? (describeField(schema, schema, { isRoot: true }).properties ?? []) : [];

  return (
    <div className="grid gap-1.5">
      <Textarea
        id={id}
        aria-label="Job variables (JSON)"
        rows={Math.min(16, Math.max(4, draft.split('\n').length))}
        spellCheck={false}
        className="w-full max-w-3xl font-mono text-xs"
        placeholder={'{"env": {"LOG_LEVEL": "debug"}}'}
        value={draft}
        aria-invalid={problem !== null}
        onChange={(e) => {
          setDraft(e.target.value);
          const t = e.target.value.trim();
          try {
            const v = t === '' ? {} : (JSON.parse(t) as unknown);
            if (isObject(v)) onChange(v);
          } catch {
            // Kept as typed; the problem is shown below.
          }
        }}
      />
      {'error' in parsed && <p className="text-xs text-danger">{parsed.error}. Your text is kept.</p>}
      {errors.length > 0 && (
        <ul className="grid gap-0.5 text-xs text-danger">
          {errors.map(([p, m]) => (
            <li key={p}>
              {fieldLabel(schema!, 'value' in parsed ? parsed.value : {}, p)}: {m.join('; ')}
            </li>
          ))}
        </ul>
      )}
      <p className="text-xs text-fg-muted">
        {!pool
          ? 'No work pool: job variables are not checked.'
          : workPool.isPending
            ? 'Loading the work pool…'
            : variables.length
              ? <>Checked against pool <span className="font-mono">{pool}</span>: {variables.map((v, i) => <span key={v.name}>{i > 0 && ', '}<span className="font-mono">{v.name}</span> ({typeLabel(schema!, v.schema)})</span>)}.</>
              : `Pool ${pool} declares no job variables.`}
      </p>
    </div>
  );
}
