import type { FastifyReply } from 'fastify';
import { withinBudget } from '../db/logs.ts';
import { TRUNCATED_HEADER } from './logs.ts';
import type { AppContext } from '../context.ts';
import {
  countArtifactCollections,
  countArtifacts,
  decodeArtifact,
  deleteArtifact,
  filterArtifactCollections,
  filterArtifacts,
  graphArtifacts,
  insertArtifact,
  readArtifact,
  readLatestArtifact,
  updateArtifact,
} from '../db/artifacts.ts';
import { setGraphArtifactSource } from '../db/graph.ts';
import { notFound } from '../errors.ts';
import { IdParams, pagination, type App } from './common.ts';
import { Artifact, ArtifactCollection, ArtifactCollectionFilter, ArtifactCollectionSort, ArtifactCreate, ArtifactFilter, ArtifactSort, ArtifactUpdate } from './models/artifacts.ts';
import { Opt, Pagination, ref, Type } from './models/common.ts';
import { DeploymentFilter, FlowFilter, FlowRunFilter, TaskRunFilter } from './models/filters.ts';

/** Artifacts (contract §3.11). */

const RelatedKeys = {
  flow_runs: Opt(ref(FlowRunFilter)),
  task_runs: Opt(ref(TaskRunFilter)),
  flows: Opt(ref(FlowFilter)),
  deployments: Opt(ref(DeploymentFilter)),
};
const NOT_FOUND = 'Artifact not found.';

/** Artifact data is free-form and can be large: a page stops at the log page budget and says so, like logs. */
function boundedPage<T extends { data?: unknown }>(reply: FastifyReply, rows: T[]): T[] {
  const page = withinBudget(rows, (r) => Buffer.byteLength(JSON.stringify(r.data ?? null)));
  if (page.length < rows.length) reply.header(TRUNCATED_HEADER, String(page.length));
  return page;
}

export function artifactRoutes(app: App, ctx: AppContext) {
  const tags = ['Artifacts'];
  setGraphArtifactSource(graphArtifacts);

  app.post('/api/artifacts/', { schema: { tags, operationId: 'createArtifact', body: ref(ArtifactCreate), response: { 201: ref(Artifact) } } }, async (req, reply) => {
    const row = await ctx.db.transaction((trx) => insertArtifact(trx, req.body));
    return reply.code(201).send(decodeArtifact(row));
  });

  app.get('/api/artifacts/:id', { schema: { tags, operationId: 'readArtifact', params: IdParams, response: { 200: ref(Artifact) } } }, async (req) =>
    (await readArtifact(ctx.db.kysely, req.params.id)) ?? Promise.reject(notFound(NOT_FOUND)),
  );

  app.get('/api/artifacts/:key/latest', { schema: { tags, operationId: 'readLatestArtifact', params: Type.Object({ key: Type.String({ maxLength: 1000 }) }), response: { 200: ref(Artifact) } } }, async (req) =>
    (await readLatestArtifact(ctx.db.kysely, req.params.key)) ?? Promise.reject(notFound(NOT_FOUND)),
  );

  app.patch('/api/artifacts/:id', { schema: { tags, operationId: 'updateArtifact', params: IdParams, body: ref(ArtifactUpdate) } }, async (req, reply) => {
    if (!(await ctx.db.transaction((trx) => updateArtifact(trx, req.params.id, req.body)))) throw notFound(NOT_FOUND);
    return reply.code(204).send();
  });

  app.delete('/api/artifacts/:id', { schema: { tags, operationId: 'deleteArtifact', params: IdParams } }, async (req, reply) => {
    if (!(await ctx.db.transaction((trx) => deleteArtifact(trx, req.params.id)))) throw notFound(NOT_FOUND);
    return reply.code(204).send();
  });

  app.post(
    '/api/artifacts/filter',
    { schema: { tags, operationId: 'filterArtifacts', body: Type.Object({ artifacts: Opt(ref(ArtifactFilter)), ...RelatedKeys, sort: Opt(ref(ArtifactSort)), ...Pagination }), response: { 200: Type.Array(ref(Artifact)) } } },
    async (req, reply) => {
      const { limit, offset } = pagination(ctx, req.body);
      return boundedPage(reply, await filterArtifacts(ctx.db, req.body, limit, offset));
    },
  );

  app.post('/api/artifacts/count', { schema: { tags, operationId: 'countArtifacts', body: Type.Object({ artifacts: Opt(ref(ArtifactFilter)), ...RelatedKeys }), response: { 200: Type.Integer() } } }, async (req) =>
    countArtifacts(ctx.db, req.body),
  );

  app.post(
    '/api/artifacts/latest/filter',
    {
      schema: {
        tags,
        operationId: 'filterLatestArtifacts',
        body: Type.Object({ artifacts: Opt(ref(ArtifactCollectionFilter)), ...RelatedKeys, sort: Opt(ref(ArtifactCollectionSort)), ...Pagination }),
        response: { 200: Type.Array(ref(ArtifactCollection)) },
      },
    },
    async (req, reply) => {
      const { limit, offset } = pagination(ctx, req.body);
      return boundedPage(reply, await filterArtifactCollections(ctx.db, req.body, limit, offset));
    },
  );

  app.post(
    '/api/artifacts/latest/count',
    { schema: { tags, operationId: 'countLatestArtifacts', body: Type.Object({ artifacts: Opt(ref(ArtifactCollectionFilter)), ...RelatedKeys }), response: { 200: Type.Integer() } } },
    async (req) => countArtifactCollections(ctx.db, req.body),
  );
}
