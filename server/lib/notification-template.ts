/**
 * Flow run notification templates (contract §3.13): Python `str.format` placeholders such
 * as `{flow_run_name}`, `{{`/`}}` for literal braces. Only the contract's placeholder
 * names are allowed.
 */

export const TEMPLATE_PLACEHOLDERS = [
  'flow_run_notification_policy_id',
  'flow_id',
  'flow_name',
  'flow_run_url',
  'flow_run_id',
  'flow_run_name',
  'flow_run_parameters',
  'flow_run_state_type',
  'flow_run_state_name',
  'flow_run_state_timestamp',
  'flow_run_state_message',
] as const;

export type TemplateValues = Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string>;

export const NOTIFICATION_SUBJECT = 'Syntask flow run notification';

export const DEFAULT_MESSAGE_TEMPLATE = [
  'Flow run {flow_name}/{flow_run_name} entered state `{flow_run_state_name}` at {flow_run_state_timestamp}.',
  '',
  'Flow ID: {flow_id}',
  'Flow run ID: {flow_run_id}',
  'Flow run URL: {flow_run_url}',
  'State message: {flow_run_state_message}',
].join('\n');

export class TemplateError extends Error {}

type Part = { text: string } | { field: string };

/** Splits a template into literal text and placeholder names; throws on malformed braces. */
export function parseTemplate(template: string): Part[] {
  const parts: Part[] = [];
  let text = '';
  for (let i = 0; i < template.length; i++) {
    const ch = template[i];
    if (ch === '{') {
      if (template[i + 1] === '{') {
        text += '{';
        i += 1;
        continue;
      }
      const end = template.indexOf('}', i);
      if (end === -1) throw new TemplateError("Single '{' encountered in format string");
      const inner = template.slice(i + 1, end);
      // `{name!r}`, `{name:>10}`, `{name.attr}`, `{name[0]}`: the placeholder is the leading name.
      const field = /^[^.[!:]*/.exec(inner)![0];
      if (field === '' || /^\d+$/.test(field)) throw new TemplateError('Positional placeholders are not allowed: name the value, e.g. {flow_run_name}');
      if (text) parts.push({ text });
      text = '';
      parts.push({ field });
      i = end;
    } else if (ch === '}') {
      if (template[i + 1] !== '}') throw new TemplateError("Single '}' encountered in format string");
      text += '}';
      i += 1;
    } else text += ch;
  }
  if (text) parts.push({ text });
  return parts;
}

/** The message of an invalid template, or null when it is valid. */
export function templateError(template: string): string | null {
  try {
    for (const part of parseTemplate(template)) {
      if ('field' in part && !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(part.field)) return `Invalid template variable provided: '${part.field}'`;
    }
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

export function renderTemplate(template: string, values: TemplateValues): string {
  return parseTemplate(template)
    .map((p) => ('text' in p ? p.text : (values[p.field as keyof TemplateValues] ?? '')))
    .join('');
}
