import nunjucks from 'nunjucks';

/**
 * Parameter hydration (contract §3.5): objects carrying `__syntask_kind` are replaced at
 * any depth. Strict mode (creating runs) throws HydrationError; lenient mode (the
 * validate endpoint) leaves placeholders so validation can report or ignore them.
 */

export class HydrationError extends Error {}

/** A value hydration could not produce; `error` placeholders are reported by validation. */
export class Placeholder {
  constructor(
    readonly message: string,
    readonly error: boolean,
  ) {}
}

export interface HydrationOptions {
  /** Values of the workspace variables the input refers to. */
  variables: Map<string, string>;
  /** Render `jinja` templates (strict) or leave a valid one as a non-error placeholder. */
  renderJinja: boolean;
  /** Throw on the first problem instead of leaving an error placeholder. */
  strict: boolean;
}

const env = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: false });
const KIND = '__syntask_kind';

/** Names of the workspace variables a value refers to (directly or from Jinja templates). */
export function referencedVariables(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => referencedVariables(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o[KIND] === 'workspace_variable' && typeof o.variable_name === 'string') out.add(o.variable_name);
    if (o[KIND] === 'jinja' && typeof o.template === 'string') for (const m of o.template.matchAll(/variables\.([A-Za-z0-9_]+)/g)) out.add(m[1]);
    Object.values(o).forEach((v) => referencedVariables(v, out));
  }
  return out;
}

export function hydrate(value: unknown, options: HydrationOptions): unknown {
  if (Array.isArray(value)) return value.map((v) => hydrate(v, options));
  if (!value || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const fail = (message: string): Placeholder => {
    if (options.strict) throw new HydrationError(message);
    return new Placeholder(message, true);
  };
  switch (o[KIND]) {
    case 'none':
      return 'value' in o ? o.value : fail(`Missing 'value' key in __syntask object`);
    case 'json': {
      if (!('value' in o)) return fail(`Missing 'value' key in __syntask object`);
      if (typeof o.value !== 'string') return fail('Invalid JSON: the value must be a string');
      try {
        return JSON.parse(o.value);
      } catch (err) {
        return fail(`Invalid JSON: ${(err as Error).message}`);
      }
    }
    case 'jinja': {
      if (typeof o.template !== 'string') return fail(`Missing 'template' key in __syntask object`);
      try {
        const compiled = nunjucks.compile(o.template, env);
        if (!options.renderJinja) return new Placeholder('Valid Jinja template', false);
        return compiled.render({ variables: Object.fromEntries(options.variables) });
      } catch (err) {
        return fail(`Invalid jinja: ${(err as Error).message.split('\n')[0]}`);
      }
    }
    case 'workspace_variable': {
      if (typeof o.variable_name !== 'string') return fail(`Missing 'variable_name' key in __syntask object`);
      const found = options.variables.get(o.variable_name);
      return found === undefined ? fail(`Variable '${o.variable_name}' not found in workspace.`) : found;
    }
    default:
      return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, hydrate(v, options)]));
  }
}

/** Whether any placeholder remains (lenient mode). */
export const isPlaceholder = (v: unknown): v is Placeholder => v instanceof Placeholder;
