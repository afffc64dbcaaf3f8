import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../app.ts';
import { buildFlowViews, FLOW_VIEW_FILES } from '../data/flow-views.ts';
import { BUILTIN_BLOCKS } from '../services/block-catalog.ts';
import { startTestServer, type TestServer } from '../testing/harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const view = (name: string) => s.get(`/api/collections/views/${name}`);

describe('collection views (contract §3.16)', () => {
  it('aggregate-block-metadata: the built-in block types exactly as the server installs them', async () => {
    const res = await view('aggregate-block-metadata');
    expect(res.status).toBe(200);
    const types = res.body.syntask.block_types;
    expect(Object.keys(types).sort()).toEqual(BUILTIN_BLOCKS.map((b) => b.slug).sort());
    for (const slug of Object.keys(types)) {
      const installed = (await s.get(`/api/block_types/slug/${slug}`)).body;
      const schema = (await s.post('/api/block_schemas/filter', { block_schemas: { block_type_id: { any_: [installed.id] } } })).body[0];
      const entry = types[slug];
      expect(entry).toEqual({
        name: installed.name,
        slug,
        logo_url: installed.logo_url,
        documentation_url: installed.documentation_url,
        description: installed.description,
        code_example: installed.code_example,
        block_schema: { checksum: schema.checksum, fields: schema.fields, capabilities: schema.capabilities, version: schema.version },
      });
    }
  });

  it('aggregate-worker-metadata: every pool type with its default base job template', async () => {
    const res = await view('aggregate-worker-metadata');
    expect(res.status).toBe(200);
    const types = Object.values<Record<string, any>>(res.body).flatMap((collection) => Object.values<any>(collection));
    expect(types.map((t) => t.type)).toEqual(expect.arrayContaining(['process', 'syntask-agent', 'docker', 'kubernetes']));
    for (const t of types) expect(t).toMatchObject({ display_name: expect.any(String), install_command: expect.any(String), is_beta: expect.any(Boolean), default_base_job_configuration: expect.any(Object) });
    const process = types.find((t) => t.type === 'process');
    expect(Object.keys(process.default_base_job_configuration).sort()).toEqual(['job_configuration', 'variables']);
  });

  it('aggregate-flow-metadata and demo-flows: the example flows with their parameter schemas', async () => {
    const flows = (await view('aggregate-flow-metadata')).body.syntask;
    const demos = (await view('demo-flows')).body.syntask;
    expect(Object.keys(flows)).toEqual(expect.arrayContaining(['etl', 'parameterized-report', 'shard-batch']));
    expect(Object.keys(demos)).toEqual(expect.arrayContaining(['etl', 'parameterized-report']));
    expect(demos).not.toHaveProperty('shard-batch');
    expect(demos['parameterized-report']).toEqual(flows['parameterized-report']);
    expect(flows['parameterized-report']).toMatchObject({
      name: 'parameterized-report',
      slug: 'parameterizedReport',
      entrypoint: 'examples/parameters.ts:parameterizedReport',
      path_containing_flow: 'examples/parameters.ts',
      install_command: 'npm install syntask',
      description: { summary: expect.stringContaining('typed parameters'), returns: '', examples: ['syntask deploy -c examples/syntask.yaml weekday-mornings'] },
      parameters: { title: 'Parameters', type: 'object', required: ['report_date'], definitions: { Thresholds: expect.any(Object) } },
    });
  });

  it('the bundled flow views match the examples (regenerate: npx tsx server/data/flow-views.ts)', async () => {
    const built = await buildFlowViews(PACKAGE_ROOT);
    for (const [name, file] of Object.entries(FLOW_VIEW_FILES)) {
      expect(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'server', 'data', file), 'utf8')), name).toEqual(built[name as keyof typeof built]);
    }
  });

  it('unknown views are 404', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'aggregate-collection-metadata']) {
      expect((await view(name)).status, name).toBe(404);
    }
    expect((await view('nope')).body).toEqual({ detail: 'View nope not found' });
  });
});
