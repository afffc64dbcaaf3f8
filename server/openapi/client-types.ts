import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { createServer } from '../server.ts';
import { loadSettings } from '../settings.ts';

export const CLIENT_TYPES_PATH = resolve(fileURLToPath(import.meta.url), '../../../src/api/schema.gen.ts');

const HEADER = '/**\n * Generated from the server\'s OpenAPI document by `npm run gen:api`. Do not edit:\n * change the server schemas and regenerate (a test fails when this file is stale).\n */\n\n';

/** The OpenAPI document of a server built in memory (no port) over a throw-away SQLite file. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const home = mkdtempSync(join(tmpdir(), 'syntask-openapi-'));
  try {
    const settings = loadSettings({ SYNTASK_HOME: home, SYNTASK_API_DATABASE_CONNECTION_URL: `sqlite:///${join(home, 'syntask.db')}`, SYNTASK_SERVER_LOGGING_LEVEL: 'fatal', SYNTASK_UI_ENABLED: 'false' });
    const { app } = await createServer(settings);
    try {
      await app.ready();
      return app.swagger() as unknown as Record<string, unknown>;
    } finally {
      await app.close();
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** The TypeScript the dashboard's client is typed with. */
export async function generateClientTypes(): Promise<string> {
  const ast = await openapiTS(JSON.parse(JSON.stringify(await openApiDocument())));
  return HEADER + astToString(ast);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(CLIENT_TYPES_PATH, await generateClientTypes());
  console.log(`wrote ${CLIENT_TYPES_PATH}`);
}
