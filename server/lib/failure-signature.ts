/**
 * A failure's signature: its exception type and message with what varies between
 * occurrences replaced (quoted values, ids, times, paths, numbers — also inside identifiers
 * and file names), so `Cannot parse amount "n/a" in row 17` and `… "" in row 93` group
 * together. Computed when a run enters Failed or Crashed (stored, indexed).
 */

const RUN_PREFIX = /^(?:(?:Flow|Task) run encountered an exception:\s*|Upstream task run did not complete:\s*)+/i;
const EXCEPTION_TYPE = /^([A-Za-z_$][\w$.]*(?:Error|Exception|Exit|Interrupt|Warning|Timeout|Failure|Cancelled|Crash(?:ed)?))\s*[:\n]/;

const RULES: [RegExp, string][] = [
  [/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`\n]*`|“[^”\n]*”/g, '<str>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
  [/\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/g, '<time>'],
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s,;)]+/gi, '<url>'],
  [/(?:[A-Za-z]:)?(?:[\\/][\w.@~+-]+){2,}[\\/]?/g, '<path>'],
  [/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/gi, '<id>'],
  [/\d+(?:\.\d+)?/g, '<n>'],
];

const MAX = 300;

/** A line with what varies between occurrences replaced (as in signatures): comparing two runs' logs. */
export function normalizeLine(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out.replace(/\s+/g, ' ').trim();
}

export function failureSignature(message: string | null | undefined): string {
  let text = (message ?? '').trim().replace(RUN_PREFIX, '');
  // The first line is the message; a traceback after it varies by line numbers and frames.
  const type = EXCEPTION_TYPE.exec(text)?.[1] ?? '';
  if (type) text = text.slice(type.length).replace(/^\s*:\s*/, '');
  text = normalizeLine(text.split('\n')[0]);
  const signature = type ? `${type}: ${text}` : text || '(no message)';
  return signature.length > MAX ? `${signature.slice(0, MAX - 1)}…` : signature;
}
