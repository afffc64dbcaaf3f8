import type { ResourceSpecT, ResourceT } from '../api/models/events.ts';

/** One pattern against one label value (A2.1): `x` exact, `x*` prefix, `!` negates; a missing label never matches. */
export function patternMatches(pattern: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  const hit = body.endsWith('*') ? value.startsWith(body.slice(0, -1)) : value === body;
  return negated ? !hit : hit;
}

export const patternsOf = (expected: string | string[]) => (Array.isArray(expected) ? expected : [expected]);

/** Every listed label has a value matching at least one of its patterns; `{}` matches all. */
export function matchesSpec(spec: ResourceSpecT | null | undefined, resource: ResourceT): boolean {
  if (!spec) return true;
  for (const [label, expected] of Object.entries(spec)) {
    const value = Object.hasOwn(resource, label) ? resource[label] : undefined;
    if (!patternsOf(expected).some((p) => patternMatches(p, value))) return false;
  }
  return true;
}
