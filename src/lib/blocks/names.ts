import { ApiError } from '../../api/client.ts';

/**
 * Block document names (contract §1.10): lower-case letters, digits and dashes, required
 * for a named block. The server's length limit is far beyond anything typed by hand.
 */

const NAME = /^[a-z0-9-]+$/;
export const MAX_BLOCK_NAME = 5000;

/** Why a name cannot be saved, in one sentence; null when it can. */
export function blockNameProblem(name: string): string | null {
  if (name === '') return 'A name is required.';
  if (name.length > MAX_BLOCK_NAME) return `Use at most ${MAX_BLOCK_NAME.toLocaleString('en')} characters.`;
  if (NAME.test(name)) return null;
  if (/[A-Z]/.test(name) && NAME.test(name.toLowerCase())) return 'Use lower-case letters only (no capitals).';
  return 'Use only lower-case letters, digits and dashes (no spaces or other characters).';
}

export interface SaveProblem {
  /** A message for the name field, when the server refused the name. */
  name?: string;
  /** Messages for the block's values by JSON pointer (`/credentials`), shown at those fields. */
  fields?: Record<string, string[]>;
  /** Everything else, each message naming its field. */
  general?: string;
}

/** Where a failed create or update is shown: 409 and name errors at the name, the rest above the buttons. */
export function saveProblemOf(error: unknown, typeName: string, name: string): SaveProblem {
  if (!(error instanceof ApiError)) return { general: error instanceof Error ? error.message : String(error) };
  if (error.status === 409) return { name: `A ${typeName} block named “${name}” already exists; choose another name.` };
  if (error.status === 422 && error.fieldErrors.length > 0) {
    const out: SaveProblem = {};
    const rest: string[] = [];
    for (const e of error.fieldErrors) {
      if (e.loc[0] === 'body' && e.loc[1] === 'name') out.name = out.name ? `${out.name}; ${e.message}` : e.message;
      else if (e.loc[0] === 'body' && e.loc[1] === 'data' && e.loc.length > 2) {
        const pointer = `/${e.loc.slice(2).map((k) => String(k).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
        out.fields = { ...out.fields, [pointer]: [...(out.fields?.[pointer] ?? []), e.message] };
      } else rest.push(`${fieldPath(e.loc)}: ${e.message}`);
    }
    if (rest.length) out.general = rest.join('; ');
    return out;
  }
  return { general: error.message };
}

/** Everything but the name error in one sentence, for places without field-level display. */
export function problemText(problem: SaveProblem): string | null {
  const fields = Object.entries(problem.fields ?? {}).map(([pointer, messages]) => `${pointer.slice(1).split('/').join(' › ')}: ${messages.join('; ')}`);
  const all = [...fields, ...(problem.general ? [problem.general] : [])];
  return all.length ? all.join('; ') : null;
}

/** `["body", "data", "credentials", "user"]` → `credentials › user`. */
function fieldPath(loc: (string | number)[]): string {
  const path = loc[0] === 'body' ? loc.slice(loc[1] === 'data' ? 2 : 1) : loc;
  return path.length ? path.join(' › ') : 'The block';
}
