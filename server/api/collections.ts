import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../app.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import type { App } from './common.ts';
import { Type } from './models/common.ts';

/** Bundled catalogs (contract §3.16): the work-pool types back the dashboard's pool-type picker. */
const VIEWS: Record<string, string> = { 'aggregate-worker-metadata': 'work-pool-types.json' };
const cache = new Map<string, Record<string, unknown>>();

export function collectionRoutes(app: App, _ctx: AppContext) {
  app.get(
    '/api/collections/views/:view',
    { schema: { tags: ['Collections'], operationId: 'readCollectionView', params: Type.Object({ view: Type.String() }), response: { 200: Type.Record(Type.String(), Type.Unknown()) } } },
    async (req) => {
      const file = VIEWS[req.params.view];
      if (!file) throw notFound(`View ${req.params.view} not found`);
      if (!cache.has(file)) cache.set(file, JSON.parse(readFileSync(join(PACKAGE_ROOT, 'server', 'data', file), 'utf8')));
      return cache.get(file)!;
    },
  );
}
