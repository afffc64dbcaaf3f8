/**
 * Message templates of notification policies (contract §3.13): `{placeholder}` names from a
 * fixed list, `{{` and `}}` for literal braces. The server checks the same rules and
 * answers 422; checking here lets the form say so while typing. Pure.
 */

export const TEMPLATE_PLACEHOLDERS = [
  { name: 'flow_name', description: 'Name of the flow' },
  { name: 'flow_run_name', description: 'Name of the flow run' },
  { name: 'flow_run_state_name', description: 'State the run entered, e.g. Failed' },
  { name: 'flow_run_state_type', description: 'Its type, e.g. FAILED' },
  { name: 'flow_run_state_timestamp', description: 'When the run entered the state' },
  { name: 'flow_run_state_message', description: 'The state message' },
  { name: 'flow_run_url', description: 'Link to the run in the dashboard' },
  { name: 'flow_run_parameters', description: 'Parameters of the run (JSON)' },
  { name: 'flow_run_id', description: 'Id of the flow run' },
  { name: 'flow_id', description: 'Id of the flow' },
  { name: 'flow_run_notification_policy_id', description: 'Id of this policy' },
] as const;

const NAMES: ReadonlySet<string> = new Set(TEMPLATE_PLACEHOLDERS.map((p) => p.name));

/** The server's template when none is set. */
export const DEFAULT_TEMPLATE = [
  'Flow run {flow_name}/{flow_run_name} entered state `{flow_run_state_name}` at {flow_run_state_timestamp}.',
  '',
  'Flow ID: {flow_id}',
  'Flow run ID: {flow_run_id}',
  'Flow run URL: {flow_run_url}',
  'State message: {flow_run_state_message}',
].join('\n');

/** Why the template would be refused, or null. */
export function templateProblem(template: string): string | null {
  for (let i = 0; i < template.length; i++) {
    const ch = template[i];
    if (ch === '{') {
      if (template[i + 1] === '{') {
        i += 1;
        continue;
      }
      const end = template.indexOf('}', i);
      if (end === -1) return 'A "{" is never closed: write {{ for a literal brace.';
      const name = /^[^.[!:]*/.exec(template.slice(i + 1, end))![0];
      if (name === '') return 'Empty placeholder {}: name the value, e.g. {flow_run_name}.';
      if (!NAMES.has(name)) return `Unknown placeholder {${name}}: use one of the placeholders listed below.`;
      i = end;
    } else if (ch === '}') {
      if (template[i + 1] !== '}') return 'A "}" has no matching "{": write }} for a literal brace.';
      i += 1;
    }
  }
  return null;
}

/** Inserts `{name}` at the selection, replacing it; returns the text and where the caret goes. */
export function insertPlaceholder(text: string, name: string, selectionStart: number, selectionEnd: number): { text: string; caret: number } {
  const start = Math.max(0, Math.min(selectionStart, text.length));
  const end = Math.max(start, Math.min(selectionEnd, text.length));
  const token = `{${name}}`;
  return { text: text.slice(0, start) + token + text.slice(end), caret: start + token.length };
}
