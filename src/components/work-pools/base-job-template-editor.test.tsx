// @vitest-environment happy-dom
import sharedText from '@fixtures/work-pool-types.json?raw';
import { act, useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { templateText, templateVariables, type BaseJobTemplate } from '../../lib/work-pool-template.ts';
import { buttonByText, change, render, type Rendered } from '../schema-form/dom-testing.tsx';
import { BaseJobTemplateEditor } from './base-job-template-editor.tsx';

/**
 * The step-3 editor over every real pool type: the defaults form and the Advanced JSON
 * follow each other, and JSON that is not a valid template changes nothing but the text.
 */

type Catalog = Record<string, Record<string, { default_base_job_configuration: BaseJobTemplate }>>;
const POOL_TYPES = Object.entries(JSON.parse(sharedText) as Catalog).flatMap(([c, types]) => Object.entries(types).map(([t, m]) => ({ name: `${c}/${t}`, template: m.default_base_job_configuration })));

let rendered: Rendered | undefined;
// Block pickers ask the server for documents; here nothing answers (and nothing fails).
beforeEach(() => vi.stubGlobal('fetch', () => new Promise(() => undefined)));
afterEach(() => {
  rendered?.unmount();
  vi.unstubAllGlobals();
});

function mount(initial: BaseJobTemplate) {
  const state = { value: initial, problem: null as string | null };
  function Harness() {
    const [value, setValue] = useState(initial);
    state.value = value;
    return <BaseJobTemplateEditor value={value} onChange={setValue} onProblem={(p) => (state.problem = p)} />;
  }
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  rendered = render(
    <QueryClientProvider client={client}>
      <Harness />
    </QueryClientProvider>,
  );
  const container = rendered.container;
  const textarea = () => container.querySelector<HTMLTextAreaElement>('textarea[aria-label="Base job template (JSON)"]');
  const openAdvanced = () => {
    if (!textarea()) buttonByText(container, /Advanced: the whole base job template/).click();
    return textarea()!;
  };
  const fieldInput = (pointer: string) => container.querySelector<HTMLInputElement>(`[data-field="${pointer}"] input:not([type=checkbox])`);
  return { state, container, openAdvanced, textarea, fieldInput };
}

describe.each(POOL_TYPES)('template editor: $name', ({ template }) => {
  it('shows a field per variable and the template as JSON, and refuses bad JSON without touching the form', () => {
    const { state, container, openAdvanced, textarea } = mount(template);
    const props = Object.keys((templateVariables(template)?.properties ?? {}) as object);
    for (const name of props) expect(container.querySelector(`[data-field="/${name}"]`), name).not.toBeNull();
    act(() => void openAdvanced());
    expect(textarea()!.value).toBe(templateText(template));

    change(textarea(), '{"job_configuration": {');
    expect(container.querySelector('[role=alert]')?.textContent).toMatch(/Not valid JSON/);
    expect(state.value).toBe(template);
    expect(state.problem).toMatch(/Advanced JSON is not a valid template/);
    for (const name of props) expect(container.querySelector(`[data-field="/${name}"]`), name).not.toBeNull();
    expect(textarea()!.value).toBe('{"job_configuration": {');
  });

  it('a variable added in the JSON appears in the form; editing it there rewrites the JSON', () => {
    const { state, openAdvanced, textarea, fieldInput } = mount(template);
    act(() => void openAdvanced());
    const variables = templateVariables(template) ?? { type: 'object', properties: {} };
    const edited = {
      ...template,
      job_configuration: { ...((template.job_configuration as object | undefined) ?? {}), added: '{{ added_by_test }}' },
      variables: { ...variables, properties: { ...((variables.properties as object | undefined) ?? {}), added_by_test: { type: 'string', title: 'Added', default: 'from-json' } } },
    };
    change(textarea(), JSON.stringify(edited));
    expect(state.problem).toBeNull();
    expect(state.value).toEqual(edited);
    expect(fieldInput('/added_by_test')?.value).toBe('from-json');

    change(fieldInput('/added_by_test'), 'from-form');
    const fromText = JSON.parse(textarea()!.value) as typeof edited;
    expect(fromText.variables.properties.added_by_test.default).toBe('from-form');
    expect(fromText).toEqual(state.value);
  });
});
