/**
 * A work pool's base job template and the defaults form generated from it. The template is
 * the source of truth: the form edits the `default` of each property of `variables`, the
 * "Advanced" JSON editor edits the whole template. Pure.
 */

export type BaseJobTemplate = Record<string, unknown>;
type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The template's `variables` JSON schema, or null when it has none (`{}`, a syntask-agent pool). */
export function templateVariables(template: BaseJobTemplate): Obj | null {
  return isObject(template.variables) ? template.variables : null;
}

function properties(template: BaseJobTemplate): Obj {
  const props = templateVariables(template)?.properties;
  return isObject(props) ? props : {};
}

/** The form's value: each variable's `default`, by name (variables without one are absent). */
export function templateDefaults(template: BaseJobTemplate): Obj {
  const out: Obj = {};
  for (const [name, schema] of Object.entries(properties(template))) if (isObject(schema) && 'default' in schema) out[name] = schema.default;
  return out;
}

/**
 * The template with the form's values as its defaults: a value sets the variable's
 * `default`, an absent (or undefined) value removes it. Everything else, including the
 * order of keys, stays as it was; values for names the schema does not declare are dropped
 * (a default needs a property to live on).
 */
export function withDefaults(template: BaseJobTemplate, values: Obj): BaseJobTemplate {
  const variables = templateVariables(template);
  const props = properties(template);
  if (!variables || Object.keys(props).length === 0) return template;
  const nextProps: Obj = {};
  for (const [name, schema] of Object.entries(props)) {
    if (!isObject(schema)) {
      nextProps[name] = schema;
      continue;
    }
    const value = values[name];
    if (value === undefined) {
      const { default: _dropped, ...rest } = schema;
      nextProps[name] = rest;
    } else {
      nextProps[name] = { ...schema, default: value };
    }
  }
  return { ...template, variables: { ...variables, properties: nextProps } };
}

/** Every `{{ name }}` (or `{{ name.attr }}`) placeholder in a job configuration, as the server reads them. */
export function templatePlaceholders(config: unknown, found = new Set<string>()): Set<string> {
  if (typeof config === 'string') for (const m of config.matchAll(/\{\{\s*([A-Za-z_][\w]*)(?:\.[\w.]+)?\s*\}\}/g)) found.add(m[1]);
  else if (Array.isArray(config)) config.forEach((v) => templatePlaceholders(v, found));
  else if (isObject(config)) Object.values(config).forEach((v) => templatePlaceholders(v, found));
  return found;
}

/** What is wrong with a template's shape, in the server's terms (it answers 422 for the same), or null. */
export function templateProblem(template: unknown): string | null {
  if (!isObject(template)) return 'The base job template must be a JSON object.';
  if (Object.keys(template).length === 0) return null;
  if (!isObject(template.job_configuration)) return 'The base job template needs a `job_configuration` object.';
  if (!isObject(template.variables)) return 'The base job template needs a `variables` JSON schema object.';
  const props = template.variables.properties;
  if (props !== undefined && !isObject(props)) return '`variables.properties` must be an object.';
  const declared = isObject(props) ? props : {};
  const missing = [...templatePlaceholders(template.job_configuration)].filter((name) => !(name in declared));
  if (missing.length) return `The job configuration uses undeclared variable${missing.length === 1 ? '' : 's'}: ${missing.join(', ')}. Declare each in variables.properties.`;
  return null;
}

export type ParsedTemplate = { template: BaseJobTemplate } | { error: string };

/** The Advanced editor's text as a template, or why it is not one. Empty text is the empty template. */
export function parseTemplateText(text: string): ParsedTemplate {
  if (text.trim() === '') return { template: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: `Not valid JSON: ${(e as Error).message}` };
  }
  const problem = templateProblem(value);
  return problem ? { error: problem } : { template: value as BaseJobTemplate };
}

export const templateText = (template: BaseJobTemplate) => JSON.stringify(template, null, 2);
