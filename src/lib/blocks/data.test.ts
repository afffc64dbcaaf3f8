import { describe, expect, it } from 'vitest';
import { dataForSave, formValueOfDocument, referencedSlugs, referencesTo, SECRET_MASK, updateBodyOf, withSecretFields } from './data.ts';

const credentialsRef = { block_document: { id: 'cred-1' } };

describe('formValueOfDocument', () => {
  it('turns an inlined referenced document back into a reference', () => {
    const doc = { data: { host: 'db', port: 5432, credentials: { user: 'u', password: SECRET_MASK } }, block_document_references: { credentials: credentialsRef } };
    expect(formValueOfDocument(doc)).toEqual({ host: 'db', port: 5432, credentials: { $ref: { block_document_id: 'cred-1' } } });
    // The document itself is untouched.
    expect(doc.data.credentials).toEqual({ user: 'u', password: SECRET_MASK });
  });
});

describe('the payload of a save', () => {
  const stored = { data: { url: SECRET_MASK, method: 'POST', headers: { Authorization: SECRET_MASK } }, block_document_references: {} };

  it('sends an unchanged secret back as the mask, which the server reads as "keep"', () => {
    const value = { ...formValueOfDocument(stored), method: 'PUT' };
    expect(updateBodyOf(value)).toEqual({ data: { url: SECRET_MASK, method: 'PUT', headers: { Authorization: SECRET_MASK } }, merge_existing_data: false });
  });

  it('sends a changed secret as typed', () => {
    const value = { ...formValueOfDocument(stored), url: 'https://hooks.example/new' };
    expect(updateBodyOf(value).data.url).toBe('https://hooks.example/new');
  });

  it('sends references as references and leaves unset fields out, so replacing clears them', () => {
    const value = { host: 'db', port: undefined, credentials: { $ref: { block_document_id: 'cred-2' } } };
    expect(dataForSave(value)).toEqual({ host: 'db', credentials: { $ref: { block_document_id: 'cred-2' } } });
    expect(dataForSave(undefined)).toEqual({});
  });
});

describe('withSecretFields', () => {
  const fields = {
    type: 'object',
    properties: {
      url: { type: 'string', title: 'URL' },
      headers: { type: 'object', additionalProperties: { type: 'string' } },
      options: { $ref: '#/definitions/Options' },
      credentials: { $ref: '#/definitions/Credentials' },
      note: { type: 'string' },
    },
    definitions: {
      Options: { type: 'object', properties: { token: { type: 'string' }, retries: { type: 'integer' } } },
      Credentials: { type: 'object', properties: { password: { type: 'string' } }, block_type_slug: 'database-credentials' },
    },
    secret_fields: ['url', 'headers.*', 'options.token', 'credentials.password'],
  };

  it('makes every secret string a password field, following plain references and wildcards', () => {
    const out = withSecretFields(fields) as { properties: Record<string, Record<string, unknown>> };
    expect(out.properties.url).toEqual({ type: 'string', title: 'URL', writeOnly: true });
    expect(out.properties.headers.additionalProperties).toEqual({ type: 'string', writeOnly: true });
    expect((out.properties.options.properties as Record<string, unknown>).token).toEqual({ type: 'string', writeOnly: true });
    expect((out.properties.options.properties as Record<string, unknown>).retries).toEqual({ type: 'integer' });
    expect(out.properties.note).toEqual({ type: 'string' });
  });

  it('leaves a referenced block and the shared definitions alone', () => {
    const out = withSecretFields(fields) as typeof fields;
    expect(out.properties.credentials).toEqual({ $ref: '#/definitions/Credentials' });
    expect(out.definitions.Options.properties.token).toEqual({ type: 'string' });
    expect(fields.properties.url).toEqual({ type: 'string', title: 'URL' });
  });
});

describe('references', () => {
  it('lists the block types a schema references, single or several per field', () => {
    expect(referencedSlugs({ block_schema_references: { a: { block_type_slug: 'x', block_schema_checksum: 'c' }, b: [{ block_type_slug: 'y' }, { block_type_slug: 'x' }] } })).toEqual(['x', 'y']);
    expect(referencedSlugs({})).toEqual([]);
  });

  it('finds the documents that reference one, with the field', () => {
    const docs: { id: string; data: Record<string, unknown>; block_document_references: Record<string, { block_document: { id: string } }> }[] = [
      { id: 'conn-1', data: {}, block_document_references: { credentials: credentialsRef } },
      { id: 'conn-2', data: {}, block_document_references: { credentials: { block_document: { id: 'cred-9' } } } },
      { id: 'pair', data: {}, block_document_references: { primary: credentialsRef, replica: credentialsRef } },
    ];
    expect(referencesTo(docs, 'cred-1').map((r) => [r.document.id, r.field])).toEqual([
      ['conn-1', 'credentials'],
      ['pair', 'primary'],
      ['pair', 'replica'],
    ]);
  });
});
