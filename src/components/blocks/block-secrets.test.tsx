// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { formValueOfDocument, SECRET_MASK, updateBodyOf, withSecretFields } from '../../lib/blocks/data.ts';
import { change, field, render, type Rendered } from '../schema-form/dom-testing.tsx';
import { SchemaForm, useSchemaForm, type SchemaFormState } from '../schema-form/schema-form.tsx';

/** A stored block edited in the schema form as the edit page does it: what the user sees of its secrets, and what is sent. */

const webhookFields = {
  type: 'object',
  properties: {
    url: { title: 'Webhook URL', type: 'string' },
    method: { type: 'string' },
    headers: { title: 'Headers', type: 'object', additionalProperties: { type: 'string' } },
  },
  required: ['url'],
  secret_fields: ['url', 'headers.*'],
};

// As the server sends it without include_secrets.
const stored = { data: { url: SECRET_MASK, method: 'POST', headers: { Authorization: SECRET_MASK } }, block_document_references: {} };

let latest: SchemaFormState;
let mounted: Rendered | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

function mountEditor() {
  const schema = withSecretFields(webhookFields);
  function Harness() {
    const form = useSchemaForm(schema, formValueOfDocument(stored));
    latest = form;
    return <SchemaForm {...form.props} options={{ secretMask: SECRET_MASK }} />;
  }
  mounted = render(<Harness />);
  return mounted.container;
}

const passwordOf = (el: HTMLElement) => el.querySelector('input[type=password]') as HTMLInputElement | null;

describe('editing a block with secrets', () => {
  it('shows every secret as an empty password input saying it is stored, never the mask as text', () => {
    const c = mountEditor();
    const url = passwordOf(field(c, '/url'));
    const header = passwordOf(field(c, '/headers'));
    expect(url?.value).toBe('');
    expect(url?.placeholder).toBe('Stored secret (unchanged)');
    expect(header?.value).toBe('');
    expect(header?.placeholder).toBe('Stored secret (unchanged)');
    expect([...c.querySelectorAll('input')].some((i) => i.value === SECRET_MASK)).toBe(false);
    // The header's name is not secret.
    expect([...field(c, '/headers').querySelectorAll('input')].some((i) => i.value === 'Authorization')).toBe(true);
  });

  it('sends untouched secrets back as the mask (kept by the server) and a retyped one as typed', () => {
    const c = mountEditor();
    change(field(c, '/method').querySelector('input'), 'GET');
    expect(updateBodyOf(latest.value)).toEqual({ data: { url: SECRET_MASK, method: 'GET', headers: { Authorization: SECRET_MASK } }, merge_existing_data: false });

    change(passwordOf(field(c, '/url')), 'https://hooks.example/new');
    expect(updateBodyOf(latest.value).data).toEqual({ url: 'https://hooks.example/new', method: 'GET', headers: { Authorization: SECRET_MASK } });
  });
});
