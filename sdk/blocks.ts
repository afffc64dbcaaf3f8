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
