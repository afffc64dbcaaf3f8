/**
 * The work pool form's fields (create wizard step 2, edit page) and queue dialog: what the
 * user typed, its inline validation, and the server's refusals mapped back onto fields. Pure.
 */

export interface PoolDetailsDraft {
  name: string;
  description: string;
  /** As typed; empty means no limit. */
  concurrency: string;
}

export type DetailsErrors = Partial<Record<keyof PoolDetailsDraft | 'template', string>>;

/** Empty → null (no limit); otherwise a whole number ≥ 0, or the message saying why not. */
/** Messages are shown after the field's label ("Concurrency limit: …"), so they do not repeat it. */
export function parseLimit(text: string): { value: number | null } | { error: string } {
  const t = text.trim();
  if (t === '') return { value: null };
  if (!/^\d+$/.test(t)) return { error: 'Must be a whole number of 0 or more (empty for no limit).' };
  const n = Number(t);
  return n > 1_000_000_000 ? { error: 'Too large.' } : { value: n };
}

export function validatePoolDetails(d: PoolDetailsDraft, { checkName = true } = {}): DetailsErrors {
  const errors: DetailsErrors = {};
  if (checkName) {
    const name = d.name.trim();
    if (name === '') errors.name = 'Required.';
    else if (name !== d.name) errors.name = 'Cannot start or end with spaces.';
    else if (name.toLowerCase().startsWith('syntask')) errors.name = 'Names starting with "syntask" are reserved for Syntask.';
    else if (name.length > 200) errors.name = 'Too long (200 characters at most).';
    else if (/[/\\%?#]/.test(name)) errors.name = "Cannot contain /, \\, %, ? or #: the name is part of the pool's URL.";
  }
  const limit = parseLimit(d.concurrency);
  if ('error' in limit) errors.concurrency = limit.error;
  return errors;
}

interface ServerError {
  status: number;
  message: string;
  fieldErrors?: { loc: (string | number)[]; message: string }[];
}

/**
 * The field a refused create or update belongs to: 409 and 400/403 are about the name; a
 * 422 names its field in `loc` (the template's checks answer for `base_job_template`).
 */
export function serverErrorFields(error: ServerError): DetailsErrors {
  if (error.status === 409 || error.status === 403 || error.status === 400) return { name: error.message };
  if (error.status !== 422) return {};
  const out: DetailsErrors = {};
  const list = error.fieldErrors?.length ? error.fieldErrors : [{ loc: [], message: error.message }];
  for (const e of list) {
    const loc = e.loc.map(String);
    const key: keyof DetailsErrors = loc.includes('name') ? 'name' : loc.includes('description') ? 'description' : loc.includes('concurrency_limit') ? 'concurrency' : 'template';
    out[key] = out[key] ? `${out[key]} ${e.message}` : e.message;
  }
  return out;
}

export interface QueueDraft {
  name: string;
  description: string;
  priority: string;
  concurrency: string;
}

export type QueueErrors = Partial<Record<keyof QueueDraft, string>>;

export function validateQueue(d: QueueDraft): QueueErrors {
  const errors: QueueErrors = {};
  const name = d.name.trim();
  if (name === '') errors.name = 'Required.';
  else if (name !== d.name) errors.name = 'Cannot start or end with spaces.';
  else if (/[/\\%?#]/.test(name)) errors.name = 'Cannot contain /, \\, %, ? or #.';
  const p = d.priority.trim();
  if (p !== '' && (!/^\d+$/.test(p) || Number(p) < 1)) errors.priority = 'Must be a whole number of 1 or more (1 is polled first; empty for the next free one).';
  const limit = parseLimit(d.concurrency);
  if ('error' in limit) errors.concurrency = limit.error;
  return errors;
}

/** A rename onto a taken name answers 409 with a generic constraint message: say which name is taken. */
export function queueServerErrors(error: ServerError, name: string): QueueErrors {
  if (error.status === 409) return { name: `A work queue named "${name}" already exists in this work pool.` };
  if (error.status !== 422) return {};
  const out: QueueErrors = {};
  for (const e of error.fieldErrors?.length ? error.fieldErrors : [{ loc: [], message: error.message }]) {
    const loc = e.loc.map(String);
    const key: keyof QueueErrors = loc.includes('priority') ? 'priority' : loc.includes('concurrency_limit') ? 'concurrency' : loc.includes('description') ? 'description' : 'name';
    out[key] = e.message;
  }
  return out;
}
