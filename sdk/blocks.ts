import { SyntaskClient } from './client.ts';

/** A loaded block document. */
export interface LoadedBlock<T = Record<string, unknown>> {
  id: string;
  name: string;
  blockTypeSlug: string;
  /** The document's data: secrets in clear, referenced blocks inlined. */
  data: T;
}

/** Block documents: typed configuration stored on the server, with secrets. */
export class Block {
  /** Loads a block document by `type-slug/name`: `(await Block.load('database-connection/prod')).data`. */
  static async load<T = Record<string, unknown>>(reference: string, client = new SyntaskClient()): Promise<LoadedBlock<T>> {
    const [slug, name, extra] = reference.split('/');
    if (!slug || !name || extra !== undefined) throw new Error(`Block references look like "block-type-slug/document-name", got "${reference}"`);
    const doc = await client.get<{ id: string; name: string; data: T }>(`/block_types/slug/${encodeURIComponent(slug)}/block_documents/name/${encodeURIComponent(name)}?include_secrets=true`);
    return { id: doc.id, name: doc.name, blockTypeSlug: slug, data: doc.data };
  }
}

/** `{"$ref": {"block_document_id": "…"}}` (or `{"$ref": "…"}`): how the dashboard passes a chosen block as a parameter. */
function blockReferenceId(value: unknown): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== '$ref') return null;
  const ref = (value as { $ref: unknown }).$ref;
  if (typeof ref === 'string') return ref;
  if (ref && typeof ref === 'object' && typeof (ref as { block_document_id?: unknown }).block_document_id === 'string') return (ref as { block_document_id: string }).block_document_id;
  return null;
}

/** Replaces block references anywhere in the parameters with the documents' data (secrets in clear). */
export async function resolveBlockReferences(value: unknown, client: SyntaskClient): Promise<unknown> {
  const id = blockReferenceId(value);
  if (id) return (await client.get<{ data: unknown }>(`/block_documents/${encodeURIComponent(id)}?include_secrets=true`)).data;
  if (Array.isArray(value)) return Promise.all(value.map((v) => resolveBlockReferences(v, client)));
  if (value && typeof value === 'object') {
    const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await resolveBlockReferences(v, client)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}
