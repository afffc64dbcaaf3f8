import type { RouteConfig } from '../app.ts';
import type { AppContext } from '../context.ts';
import {
  BLOCK_DOCUMENT_NOT_FOUND,
  countBlockDocuments,
  createBlockDocument,
  deleteBlockDocument,
  filterBlockDocuments,
  readBlockDocument,
  updateBlockDocument,
} from '../db/block-documents.ts';
import { notFound } from '../errors.ts';
import { IdParams, pagination, type App } from './common.ts';
import { BlockDocument, BlockDocumentCreate, BlockDocumentFilter, BlockDocumentSort, BlockDocumentUpdate, BlockSchemaFilter, BlockTypeFilter } from './models/blocks.ts';
import { Opt, Pagination, ref, Type } from './models/common.ts';

/** Block documents (contract §3.8): secrets masked unless `include_secrets=true`. */

const FilterKeys = {
  block_documents: Opt(ref(BlockDocumentFilter)),
  block_types: Opt(ref(BlockTypeFilter)),
  block_schemas: Opt(ref(BlockSchemaFilter)),
};

/** A refused document body is echoed without its data: it may hold secrets (contract §1.6 keeps the rest). */
const REDACT_DATA: RouteConfig = {
  redactBody: (body) => (body && typeof body === 'object' && 'data' in body ? { ...(body as object), data: '********' } : body),
};

export function blockDocumentRoutes(app: App, ctx: AppContext) {
  const tags = ['Block documents'];
  const read = async (id: string, includeSecrets: boolean) => (await readBlockDocument(ctx.db.kysely, ctx.secrets, id, includeSecrets)) ?? Promise.reject(notFound(BLOCK_DOCUMENT_NOT_FOUND));

  app.post('/api/block_documents/', { config: REDACT_DATA, schema: { tags, operationId: 'createBlockDocument', body: ref(BlockDocumentCreate), response: { 201: ref(BlockDocument) } } }, async (req, reply) => {
    const id = await ctx.db.transaction((trx) => createBlockDocument(trx, ctx.secrets, req.body));
    return reply.code(201).send(await read(id, false));
  });

  app.get(
    '/api/block_documents/:id',
    { schema: { tags, operationId: 'readBlockDocument', params: IdParams, querystring: Type.Object({ include_secrets: Type.Optional(Type.Boolean()) }), response: { 200: ref(BlockDocument) } } },
    async (req) => read(req.params.id, req.query.include_secrets ?? false),
  );

  app.patch('/api/block_documents/:id', { config: REDACT_DATA, schema: { tags, operationId: 'updateBlockDocument', params: IdParams, body: ref(BlockDocumentUpdate) } }, async (req, reply) => {
    await ctx.db.transaction((trx) => updateBlockDocument(trx, ctx.secrets, req.params.id, req.body));
    return reply.code(204).send();
  });

  app.delete('/api/block_documents/:id', { schema: { tags, operationId: 'deleteBlockDocument', params: IdParams } }, async (req, reply) => {
    if (!(await deleteBlockDocument(ctx.db.kysely, req.params.id))) throw notFound(BLOCK_DOCUMENT_NOT_FOUND);
    return reply.code(204).send();
  });

  app.post(
    '/api/block_documents/filter',
    {
      schema: {
        tags,
        operationId: 'filterBlockDocuments',
        body: Type.Object({ ...FilterKeys, include_secrets: Type.Optional(Type.Boolean()), sort: Opt(ref(BlockDocumentSort)), ...Pagination }),
        response: { 200: Type.Array(ref(BlockDocument)) },
      },
    },
    async (req) => {
      const { limit, offset } = pagination(ctx, req.body);
      return filterBlockDocuments(ctx.db, ctx.secrets, req.body, limit, offset);
    },
  );

  app.post('/api/block_documents/count', { schema: { tags, operationId: 'countBlockDocuments', body: Type.Object(FilterKeys), response: { 200: Type.Integer() } } }, async (req) =>
    countBlockDocuments(ctx.db, req.body),
  );
}
