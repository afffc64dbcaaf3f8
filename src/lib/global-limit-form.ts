/**
 * The global concurrency limit form: what the user typed ↔ the request body, and the
 * server's refusals in words that fit next to a field. Only what the server cannot judge
 * (empty or non-numeric text) is checked here; ranges and names are the server's rules. Pure.
 */
import { refusalToFieldErrors, type FieldErrors, type ServerRefusal } from './form-validation.ts';

export type GlobalLimitField = 'name' | 'limit' | 'decay';
export const GLOBAL_LIMIT_LABELS: Record<GlobalLimitField, string> = { name: 'Name', limit: 'Limit', decay: 'Slot decay per second' };

export interface GlobalLimitInput {
  name: string;
  limit: string;
  /** Empty = 0: a concurrency limit (slots are held until released). */
  decay: string;
  active: boolean;
}

export interface GlobalLimitBody {
  name: string;
  limit: number;
  slot_decay_per_second: number;
  active: boolean;
}

const isNumber = (text: string) => text !== '' && Number.isFinite(Number(text));

export function parseGlobalLimitInput(input: GlobalLimitInput): { errors: FieldErrors<GlobalLimitField>; body: GlobalLimitBody | null } {
  const errors: FieldErrors<GlobalLimitField> = {};
  const name = input.name.trim();
  const limit = input.limit.trim();
  const decay = input.decay.trim();
  if (name === '') errors.name = 'Name is required.';
  if (limit === '') errors.limit = 'Limit is required.';
  else if (!isNumber(limit)) errors.limit = 'Limit must be a number.';
  if (decay !== '' && !isNumber(decay)) errors.decay = 'Slot decay must be a number (or empty for none).';
  if (Object.keys(errors).length) return { errors, body: null };
  return { errors, body: { name, limit: Number(limit), slot_decay_per_second: decay === '' ? 0 : Number(decay), active: input.active } };
}

const SERVER_FIELDS: Record<string, GlobalLimitField> = { name: 'name', limit: 'limit', slot_decay_per_second: 'decay' };

function plain(message: string): string {
  if (message.startsWith('string does not match the pattern')) return 'must not contain / % & > or <';
  const atLeast = /^ensure this value is greater than or equal to (\S+)$/.exec(message);
  if (atLeast) return `must be ${atLeast[1]} or more`;
  if (message === 'value is not a valid integer') return 'must be a whole number';
  return message;
}

/** A refused save on the form: field errors beside their fields (a 409 on the name), the rest for the whole form. */
export function globalLimitRefusal(refusal: ServerRefusal): FieldErrors<GlobalLimitField | 'form'> {
  const fieldErrors = refusal.fieldErrors.map((f) => ({ field: SERVER_FIELDS[f.field] ?? f.field, message: plain(f.message) }));
  return refusalToFieldErrors({ ...refusal, fieldErrors }, ['name', 'limit', 'decay'], GLOBAL_LIMIT_LABELS, 'name');
}
