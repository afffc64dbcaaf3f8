/**
 * Client-side rules of the contract for the small create/edit forms (variables, tag
 * concurrency limits), and the mapping of a server refusal onto the form's fields. Each
 * message names its field so it reads on its own. Pure.
 */

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

// Contract §3.9 and §1.10.
export const VARIABLE_NAME_MAX = 255;
export const VARIABLE_VALUE_MAX = 5000;
export const TAG_MAX = 2000;
const VARIABLE_NAME = /^[a-z0-9_]*$/;

export interface VariableInput {
  name: string;
  value: string;
  tags: string[];
}

export function validateVariable(input: VariableInput): FieldErrors<keyof VariableInput> {
  const errors: FieldErrors<keyof VariableInput> = {};
  if (input.name === '') errors.name = 'Name is required.';
  else if (input.name.length > VARIABLE_NAME_MAX) errors.name = `Name is too long: ${input.name.length.toLocaleString('en')} characters, at most ${VARIABLE_NAME_MAX}.`;
  else if (!VARIABLE_NAME.test(input.name)) errors.name = 'Name may only contain lower-case letters, digits and underscores (a-z, 0-9, _).';
  if (input.value.length > VARIABLE_VALUE_MAX) errors.value = `Value is too long: ${input.value.length.toLocaleString('en')} characters, at most ${VARIABLE_VALUE_MAX.toLocaleString('en')}.`;
  const long = input.tags.find((t) => t.length > TAG_MAX);
  if (long !== undefined) errors.tags = `Tags: "${long.slice(0, 20)}…" is longer than ${TAG_MAX.toLocaleString('en')} characters.`;
  return errors;
}

export const LIMIT_TAG_MAX = 5000;
const INT_MAX = 2_147_483_647;

export interface LimitInput {
  tag: string;
  /** As typed: parsed and checked here. */
  limit: string;
}

export function validateConcurrencyLimit(input: LimitInput): FieldErrors<'tag' | 'limit'> {
  const errors: FieldErrors<'tag' | 'limit'> = {};
  if (input.tag.trim() === '') errors.tag = 'Tag is required.';
  else if (input.tag.length > LIMIT_TAG_MAX) errors.tag = `Tag is too long: at most ${LIMIT_TAG_MAX.toLocaleString('en')} characters.`;
  const limit = input.limit.trim();
  if (limit === '') errors.limit = 'Limit is required.';
  else if (!/^-?\d+$/.test(limit)) errors.limit = 'Limit must be a whole number (0 or more).';
  else if (Number(limit) < 0) errors.limit = 'Limit must be 0 or more.';
  else if (Number(limit) > INT_MAX) errors.limit = `Limit must be at most ${INT_MAX.toLocaleString('en')}.`;
  return errors;
}

export const hasErrors = (errors: Record<string, string | undefined>) => Object.values(errors).some(Boolean);

/** What a failed save looks like: `status` and the server's message, plus per-field messages of a 422. */
export interface ServerRefusal {
  status: number;
  message: string;
  fieldErrors: { field: string; message: string }[];
}

/** Any failed save as a refusal: an API error keeps its status and field errors; anything else (no response) is a message for the whole form. */
export function refusalOf(error: unknown): ServerRefusal {
  const e = error as Partial<ServerRefusal> | null;
  if (e && typeof e.status === 'number' && typeof e.message === 'string' && Array.isArray(e.fieldErrors)) return { status: e.status, message: e.message, fieldErrors: e.fieldErrors };
  return { status: 0, message: error instanceof Error ? error.message : String(error), fieldErrors: [] };
}

/**
 * Puts a server refusal on the form: 422 field errors on their fields (by the last `loc`
 * element), a 409 conflict on `conflictField`; whatever has no field goes to `form`.
 */
export function refusalToFieldErrors<F extends string>(refusal: ServerRefusal, fields: readonly F[], labels: Record<F, string>, conflictField?: F): FieldErrors<F | 'form'> {
  const out: FieldErrors<F | 'form'> = {};
  const isField = (f: string): f is F => (fields as readonly string[]).includes(f);
  for (const e of refusal.fieldErrors) {
    if (isField(e.field)) out[e.field] ??= `${labels[e.field]}: ${e.message}`;
  }
  if (refusal.status === 409 && conflictField) out[conflictField] = `${labels[conflictField]}: ${refusal.message}`;
  if (!hasErrors(out)) out.form = refusal.message;
  return out;
}
