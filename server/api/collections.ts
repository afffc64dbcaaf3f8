import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../app.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { blockSchemaChecksum } from '../lib/block-checksum.ts';
import { BUILTIN_BLOCKS, builtinBlockType } from '../services/block-catalog.ts';
import type { App } from './common.ts';
import { Type } from './models/common.ts';

/**
 * Catalogs of what this distribution ships (contract §3.16), in the Syntask 2 registry
 * format: worker (pool) types, the built-in block types, and the example flows (built by
 * server/data/flow-views.ts). Nothing is fetched from the internet.
 */
const FILES: Record<string, string> = {
  'aggregate-worker-metadata': 'work-pool-types.json',
  'aggregate-flow-metadata': 'flow-metadata.json',
  'demo-flows': 'demo-flows.json',
};

/** `{collection: {block_types: {slug: {…type, block_schema}}}}`, from the catalog the server installs. */
function blockMetadata(version: string) {
  const blockTypes = BUILTIN_BLOCKS.map((block) => [
    block.slug,
    { ...builtinBlockType(block), slug: block.slug, block_schema: { checksum: blockSchemaChecksum(block.fields), fields: block.fields, capabilities: block.capabilities, version } },
  ]);
  return { syntask: { block_types: Object.fromEntries(blockTypes) } };
}

export function collectionRoutes(app: App, ctx: AppContext) {
  const cache = new Map<string, unknown>();
  const view = (name: string): unknown => {
    if (!cache.has(name)) {
      if (name === 'aggregate-block-metadata') cache.set(name, blockMetadata(ctx.version));
      else if (Object.hasOwn(FILES, name)) cache.set(name, JSON.parse(readFileSync(join(PACKAGE_ROOT, 'server', 'data', FILES[name]), 'utf8')));
    }
    return cache.get(name);
  };
  app.get(
    '/api/collections/views/:view',
    { schema: { tags: ['Collections'], operationId: 'readCollectionView', params: Type.Object({ view: Type.String() }), response: { 200: Type.Record(Type.String(), Type.Unknown()) } } },
    async (req) => (view(req.params.view) as Record<string, unknown> | undefined) ?? Promise.reject(notFound(`View ${req.params.view} not found`)),
  );
}
