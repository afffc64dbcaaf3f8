import { SyntaskClient } from './client.ts';

/** Block documents: typed configuration stored on the server, with secrets. */
export class Block {
  /**
   * Loads a block document's data by `type-slug/name` (secrets included, references
   * inlined): `await Block.load('database-connection/prod')`.
   */
  static async load<T = Record<string, unknown>>(reference: string, client = new SyntaskClient()): Promise<T> {
    const [slug, name, extra] = reference.split('/');
    if (!slug || !name || extra !== undefined) throw new Error(`Block references look like "block-type-slug/document-name", got "${reference}"`);
    const doc = await client.get<{ data: T }>(`/block_types/slug/${encodeURIComponent(slug)}/block_documents/name/${encodeURIComponent(name)}?include_secrets=true`);
    return doc.data;
  }
}
