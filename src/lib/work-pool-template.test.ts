import sharedText from '@fixtures/work-pool-types.json?raw';
import { describe, expect, it } from 'vitest';
import bundledText from '../../server/data/work-pool-types.json?raw';
import { parseTemplateText, templateDefaults, templatePlaceholders, templateProblem, templateText, templateVariables, withDefaults, type BaseJobTemplate } from './work-pool-template.ts';

/**
 * The template ↔ defaults sync over every real-world pool type: the shared fixtures and
 * the catalog the server bundles (what the create wizard offers).
 */

type Catalog = Record<string, Record<string, { default_base_job_configuration: BaseJobTemplate }>>;
const cases = (label: string, text: string) =>
  Object.entries(JSON.parse(text) as Catalog).flatMap(([collection, types]) => Object.entries(types).map(([type, t]) => ({ name: `${label} ${collection}/${type}`, template: t.default_base_job_configuration })));
const POOL_TYPES = [...cases('fixture', sharedText), ...cases('bundled', bundledText)];

/** A value of the property's own kind that differs from its default, for an edit. */
function otherValue(schema: Record<string, unknown>): unknown {
  const types = [schema.type, ...((schema.anyOf as { type?: string }[] | undefined) ?? []).map((m) => m.type)];
  if (types.includes('boolean')) return schema.default === true ? false : true;
  if (types.includes('integer') || types.includes('number')) return 7;
  if (types.includes('array')) return ['edited'];
  if (types.includes('object')) return { EDITED: 'yes' };
  return 'edited-value';
}

describe('base job template ↔ defaults form', () => {
  it('covers every pool type of both catalogs', () => {
    expect(POOL_TYPES.length).toBeGreaterThanOrEqual(16);
    expect(POOL_TYPES.filter((c) => templateVariables(c.template)).length).toBeGreaterThanOrEqual(14);
  });

  describe.each(POOL_TYPES)('$name', ({ template }) => {
    const props = (templateVariables(template)?.properties ?? {}) as Record<string, Record<string, unknown>>;

    it('is a valid template whose every placeholder is declared, and survives the Advanced editor untouched', () => {
      expect(templateProblem(template)).toBeNull();
      const parsed = parseTemplateText(templateText(template));
      expect(parsed).toEqual({ template });
      for (const name of templatePlaceholders(template.job_configuration)) expect(props, name).toHaveProperty([name]);
    });

    it('writing the form value it reads back changes nothing, key order included', () => {
      const defaults = templateDefaults(template);
      expect(Object.keys(defaults)).toEqual(Object.keys(props).filter((k) => 'default' in props[k]));
      expect(templateText(withDefaults(template, defaults))).toBe(templateText(template));
    });

    it('editing one default in the form changes exactly that default in the template', () => {
      for (const [name, schema] of Object.entries(props)) {
        const value = otherValue(schema);
        const next = withDefaults(template, { ...templateDefaults(template), [name]: value });
        expect(templateDefaults(next), name).toEqual({ ...templateDefaults(template), [name]: value });
        const nextProps = templateVariables(next)!.properties as Record<string, Record<string, unknown>>;
        expect(Object.keys(nextProps), name).toEqual(Object.keys(props));
        const { default: _a, ...restBefore } = schema;
        const { default: _b, ...restAfter } = nextProps[name];
        expect(restAfter, name).toEqual(restBefore);
        expect(next.job_configuration).toBe(template.job_configuration);
        // …and the edit shows in the Advanced editor's text, from which it reads back the same.
        expect(parseTemplateText(templateText(next))).toEqual({ template: next });
      }
    });

    it('clearing a default in the form removes it from the template', () => {
      const defaults = templateDefaults(template);
      for (const name of Object.keys(defaults)) {
        const { [name]: _cleared, ...rest } = defaults;
        const next = withDefaults(template, rest);
        expect('default' in (templateVariables(next)!.properties as Record<string, object>)[name], name).toBe(false);
        expect(templateDefaults(next)).toEqual(rest);
      }
    });

    it('an Advanced edit that drops a variable the job configuration uses is refused, naming it', () => {
      const [used] = [...templatePlaceholders(template.job_configuration)];
      if (!used) return expect(Object.keys(template.job_configuration ?? {})).toEqual([]);
      const { [used]: _dropped, ...rest } = props;
      const broken = { ...template, variables: { ...templateVariables(template), properties: rest } };
      const parsed = parseTemplateText(templateText(broken));
      expect('error' in parsed && parsed.error).toContain(used);
    });
  });

  it('refuses text that is not JSON or not a template, and reads empty text as the empty template', () => {
    expect(parseTemplateText('{"job_configuration": {')).toEqual({ error: expect.stringMatching(/^Not valid JSON/) });
    expect(parseTemplateText('[1]')).toEqual({ error: 'The base job template must be a JSON object.' });
    expect(parseTemplateText('{"variables": {}}')).toEqual({ error: expect.stringContaining('job_configuration') });
    expect(parseTemplateText('{"job_configuration": {}, "variables": 3}')).toEqual({ error: expect.stringContaining('variables') });
    expect(parseTemplateText('  ')).toEqual({ template: {} });
    expect(templateDefaults({})).toEqual({});
    expect(withDefaults({}, { a: 1 })).toEqual({});
  });

  it('reads dotted placeholders by their variable, as the server does', () => {
    expect([...templatePlaceholders({ a: '{{ image.name }}', b: ['x {{env}} y', { c: '{{ command }}' }], d: 3 })]).toEqual(['image', 'env', 'command']);
  });
});
