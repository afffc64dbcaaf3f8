import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { readBlockDocumentByName, filterBlockDocuments } from '../db/block-documents.ts';
import {
  blockCapabilities,
  decodeBlockType,
  decodeSchemas,
  DEFAULT_SCHEMA_VERSION,
  filterBlockSchemas,
  filterBlockTypes,
  insertBlockType,
  readBlockSchema,
  readBlockType,
  registerBlockSchema,
} from '../db/block-types.ts';
import { HttpError, notFound } from '../errors.ts';
import { parseLossless } from '../lib/python-json.ts';
import { nowMicros } from '../lib/time.ts';
import { installSystemBlockTypes } from '../services/block-catalog.ts';
import { IdParams, pagination, type App } from './common.ts';
import { BlockDocument, BlockSchema, BlockSchemaCreate, BlockSchemaFilter, BlockType, BlockTypeCreate, BlockTypeFilter, BlockTypeUpdate } from './models/blocks.ts';
import { Opt, Pagination, ref, Type } from './models/common.ts';
import { parseJsonBody } from './validation.ts';

/** Block types, block schemas, capabilities and the built-in logos (contract §3.8). */

const IncludeSecrets = Type.Object({ include_secrets: Type.Optional(Type.Boolean()) });
const SlugParams = Type.Object({ slug: Type.String({ maxLength: 1000 }) });
const LOGO_DIR = fileURLToPath(new URL('../assets/blocks/', import.meta.url));

type RawRequest = FastifyRequest & { rawJsonBody?: string };

export async function blockRoutes(app: App, ctx: AppContext) {
  const tags = ['Block types'];
  const typeOr404 = async (by: { id: string } | { slug: string }) => (await readBlockType(ctx.db.kysely, by)) ?? Promise.reject(notFound('Block type not found'));

  app.post('/api/block_types/', { schema: { tags, operationId: 'createBlockType', body: ref(BlockTypeCreate), response: { 201: ref(BlockType) } } }, async (req, reply) => {
    if (req.body.name.toLowerCase().startsWith('syntask')) throw new HttpError(403, 'Block type names beginning with "syntask" are reserved.');
    return reply.code(201).send(await insertBlockType(ctx.db.kysely, req.body));
  });

  app.get('/api/block_types/:id', { schema: { tags, operationId: 'readBlockType', params: IdParams, response: { 200: ref(BlockType) } } }, async (req) => decodeBlockType(await typeOr404({ id: req.params.id })));

  app.get('/api/block_types/slug/:slug', { schema: { tags, operationId: 'readBlockTypeBySlug', params: SlugParams, response: { 200: ref(BlockType) } } }, async (req) =>
    decodeBlockType(await typeOr404({ slug: req.params.slug })),
  );

  app.patch('/api/block_types/:id', { schema: { tags, operationId: 'updateBlockType', params: IdParams, body: ref(BlockTypeUpdate) } }, async (req, reply) => {
    const set: Record<string, unknown> = { updated: nowMicros() };
    for (const key of ['logo_url', 'documentation_url', 'description', 'code_example'] as const) if (req.body[key] !== undefined) set[key] = req.body[key];
    const res = await ctx.db.kysely.updateTable('block_type').set(set).where('id', '=', req.params.id).executeTakeFirst();
    if (!res.numUpdatedRows) throw notFound('Block type not found');
    return reply.code(204).send();
  });

  app.delete('/api/block_types/:id', { schema: { tags, operationId: 'deleteBlockType', params: IdParams } }, async (req, reply) => {
    const type = await typeOr404({ id: req.params.id });
    if (type.is_protected) throw new HttpError(403, 'Protected block types cannot be deleted.');
    await ctx.db.kysely.deleteFrom('block_type').where('id', '=', type.id).execute();
    return reply.code(204).send();
  });

  app.post(
    '/api/block_types/filter',
    { schema: { tags, operationId: 'filterBlockTypes', body: Type.Object({ block_types: Opt(ref(BlockTypeFilter)), block_schemas: Opt(ref(BlockSchemaFilter)), ...Pagination }), response: { 200: Type.Array(ref(BlockType)) } } },
    async (req) => {
      const { limit, offset } = pagination(ctx, req.body);
      return filterBlockTypes(ctx.db, req.body, limit, offset);
    },
  );

  app.get(
    '/api/block_types/slug/:slug/block_documents',
    { schema: { tags, operationId: 'readBlockDocumentsOfType', params: SlugParams, querystring: IncludeSecrets, response: { 200: Type.Array(ref(BlockDocument)) } } },
    async (req) =>
      filterBlockDocuments(ctx.db, ctx.secrets, { block_types: { slug: { any_: [req.params.slug] } }, include_secrets: req.query.include_secrets ?? false }, 10_000, 0),
  );

  app.get(
    '/api/block_types/slug/:slug/block_documents/name/:name',
    {
      schema: {
        tags,
        operationId: 'readBlockDocumentOfTypeByName',
        params: Type.Object({ slug: Type.String({ maxLength: 1000 }), name: Type.String({ maxLength: 1000 }) }),
        querystring: IncludeSecrets,
        response: { 200: ref(BlockDocument) },
      },
    },
    async (req) => (await readBlockDocumentByName(ctx.db.kysely, ctx.secrets, req.params.slug, req.params.name, req.query.include_secrets ?? false)) ?? Promise.reject(notFound('Block document not found')),
  );

  app.post('/api/block_types/install_system_block_types', { schema: { tags, operationId: 'installSystemBlockTypes', response: { 200: Type.Null() } } }, async (req) => {
    await installSystemBlockTypes(ctx, req.log);
    return null;
  });

  // ---- block schemas ----
  const schemaTags = ['Block schemas'];
  const schemaOr404 = async (by: { id: string } | { checksum: string; version?: string }) =>
    (await readBlockSchema(ctx.db.kysely, by)) ?? Promise.reject(notFound('Block schema not found'));

  // The checksum is computed from the request text itself (floats such as `5.0` count as floats, as in Python).
  await app.register(async (scoped: App) => {
    scoped.removeContentTypeParser('application/json');
    scoped.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
      try {
        (req as RawRequest).rawJsonBody = body as string;
        done(null, parseJsonBody(body as string));
      } catch (err) {
        done(err as Error, undefined);
      }
    });
    scoped.post('/api/block_schemas/', { schema: { tags: schemaTags, operationId: 'createBlockSchema', body: ref(BlockSchemaCreate), response: { 200: ref(BlockSchema), 201: ref(BlockSchema) } } }, async (req, reply) => {
      const raw = (req as RawRequest).rawJsonBody;
      const lossless = raw ? (parseLossless(raw) as { fields?: Record<string, unknown> }) : {};
      const { row, created } = await ctx.db.transaction(async (trx) => {
        if (!(await readBlockType(trx, { id: req.body.block_type_id }))) throw notFound('Block type not found');
        return registerBlockSchema(trx, { fields: lossless.fields ?? {}, block_type_id: req.body.block_type_id, capabilities: req.body.capabilities ?? [], version: req.body.version ?? DEFAULT_SCHEMA_VERSION });
      });
      return reply.code(created ? 201 : 200).send((await decodeSchemas(ctx.db.kysely, [row]))[0]);
    });
  });

  app.get('/api/block_schemas/:id', { schema: { tags: schemaTags, operationId: 'readBlockSchema', params: IdParams, response: { 200: ref(BlockSchema) } } }, async (req) =>
    (await decodeSchemas(ctx.db.kysely, [await schemaOr404({ id: req.params.id })]))[0],
  );

  app.get(
    '/api/block_schemas/checksum/:checksum',
    {
      schema: {
        tags: schemaTags,
        operationId: 'readBlockSchemaByChecksum',
        params: Type.Object({ checksum: Type.String({ maxLength: 1000 }) }),
        querystring: Type.Object({ version: Type.Optional(Type.String({ maxLength: 1000 })) }),
        response: { 200: ref(BlockSchema) },
      },
    },
    async (req) => (await decodeSchemas(ctx.db.kysely, [await schemaOr404({ checksum: req.params.checksum, version: req.query.version })]))[0],
  );

  app.delete('/api/block_schemas/:id', { schema: { tags: schemaTags, operationId: 'deleteBlockSchema', params: IdParams } }, async (req, reply) => {
    const schema = await schemaOr404({ id: req.params.id });
    const type = await readBlockType(ctx.db.kysely, { id: schema.block_type_id });
    if (type?.is_protected) throw new HttpError(403, 'Block schemas for protected block types cannot be deleted.');
    await ctx.db.kysely.deleteFrom('block_schema').where('id', '=', schema.id).execute();
    return reply.code(204).send();
  });

  app.post(
    '/api/block_schemas/filter',
    { schema: { tags: schemaTags, operationId: 'filterBlockSchemas', body: Type.Object({ block_schemas: Opt(ref(BlockSchemaFilter)), ...Pagination }), response: { 200: Type.Array(ref(BlockSchema)) } } },
    async (req) => {
      const { limit, offset } = pagination(ctx, req.body);
      return filterBlockSchemas(ctx.db, req.body.block_schemas, limit, offset);
    },
  );

  app.get('/api/block_capabilities/', { schema: { tags: ['Block capabilities'], operationId: 'readBlockCapabilities', response: { 200: Type.Array(Type.String()) } } }, async () => blockCapabilities(ctx.db.kysely));

  // Logos of the built-in block types, served here so the dashboard never loads images from the internet.
  app.get('/api/ui/block-logos/:file', { schema: { hide: true, operationId: 'readBlockLogo', params: Type.Object({ file: Type.String({ maxLength: 200 }) }) } }, async (req, reply) => {
    const file = req.params.file;
    if (!/^[a-z0-9-]+\.svg$/.test(file) || !existsSync(join(LOGO_DIR, file))) throw notFound('Not Found');
    return reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(readFileSync(join(LOGO_DIR, file)));
  });
}
