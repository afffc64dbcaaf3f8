import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../context.ts';
import { registerBlockSchema } from '../db/block-types.ts';
import { blockSchemaChecksum } from '../lib/block-checksum.ts';
import { nowMicros } from '../lib/time.ts';

/**
 * The built-in block catalog: protected block types and their schemas, registered at
 * start-up and by `POST /api/block_types/install_system_block_types` (idempotent). Logos
 * are served by this server (`/api/ui/block-logos/<slug>.svg`), never from the internet.
 */

type Json = Record<string, unknown>;

export interface BuiltinBlock {
  slug: string;
  name: string;
  description: string;
  documentationPath: string;
  codeExample: string;
  capabilities: string[];
  fields: Json;
}

const DOCS = 'https://docs.syntask.io/latest/develop/blocks';

const example = (intro: string, code: string) => `${intro}\n\`\`\`ts\n${code.trim()}\n\`\`\``;

const schema = (slug: string, title: string, description: string, properties: Json, required: string[], secretFields: string[], extra: Json = {}): Json => ({
  title,
  description,
  type: 'object',
  properties,
  ...(required.length ? { required } : {}),
  block_type_slug: slug,
  secret_fields: secretFields,
  block_schema_references: {},
  ...extra,
});

const secretString = (title: string, description: string) => ({ title, description, type: 'string', format: 'password', writeOnly: true });
const stringMap = (title: string, description: string) => ({ title, description, type: 'object', additionalProperties: { type: 'string' } });

const databaseCredentialsFields = schema(
  'database-credentials',
  'DatabaseCredentials',
  'A user name and password for a database.',
  { user: { title: 'User', description: 'The user name to authenticate as.', type: 'string' }, password: secretString('Password', 'The password of the user.') },
  ['user', 'password'],
  ['password'],
);

export const BUILTIN_BLOCKS: BuiltinBlock[] = [
  {
    slug: 'secret',
    name: 'Secret',
    description: 'A secret value such as an API key or a password. It is encrypted at rest and shown as ******** unless explicitly requested.',
    documentationPath: '#secret',
    capabilities: [],
    codeExample: example(
      'Read a stored secret in a flow:',
      `
import { Block } from 'syntask';

const secret = await Block.load('secret/openai-api-key');
const apiKey: string = secret.data.value;
`,
    ),
    fields: schema('secret', 'Secret', 'A secret value such as an API key or a password.', { value: secretString('Value', 'The value to keep secret.') }, ['value'], ['value']),
  },
  {
    slug: 'json',
    name: 'JSON',
    description: 'Any JSON value, for configuration shared between flows.',
    documentationPath: '#json',
    capabilities: [],
    codeExample: example(
      'Read a stored JSON value:',
      `
import { Block } from 'syntask';

const settings = await Block.load('json/etl-settings');
const batchSize = (settings.data.value as { batchSize: number }).batchSize;
`,
    ),
    fields: schema('json', 'JSON', 'Any JSON value.', { value: { title: 'Value', description: 'A JSON value.' } }, ['value'], []),
  },
  {
    slug: 'string',
    name: 'String',
    description: 'A string value shared between flows.',
    documentationPath: '#string',
    capabilities: [],
    codeExample: example(
      'Read a stored string:',
      `
import { Block } from 'syntask';

const bucket = await Block.load('string/export-bucket');
console.log(bucket.data.value);
`,
    ),
    fields: schema('string', 'String', 'A string value.', { value: { title: 'Value', description: 'A string value.', type: 'string' } }, ['value'], []),
  },
  {
    slug: 'date-time',
    name: 'Date Time',
    description: 'A date and time (ISO 8601), for example a cut-off shared between flows.',
    documentationPath: '#date-time',
    capabilities: [],
    codeExample: example(
      'Read a stored date and time:',
      `
import { Block } from 'syntask';

const cutoff = await Block.load('date-time/backfill-start');
const since = new Date(cutoff.data.value as string);
`,
    ),
    fields: schema('date-time', 'DateTime', 'A date and time.', { value: { title: 'Value', description: 'An ISO 8601 date and time.', type: 'string', format: 'date-time' } }, ['value'], []),
  },
  {
    slug: 'webhook',
    name: 'Webhook',
    description: 'Calls an HTTP endpoint. As a notification block it POSTs {"subject", "body"} as JSON to the URL.',
    documentationPath: '#webhook',
    capabilities: ['notify'],
    codeExample: example(
      'Call a stored webhook from a flow:',
      `
import { Block } from 'syntask';

const hook = await Block.load('webhook/deploy-hook');
const { url, method, headers } = hook.data as { url: string; method: string; headers?: Record<string, string> };
await fetch(url, { method, headers, body: JSON.stringify({ ref: 'main' }) });
`,
    ),
    fields: schema(
      'webhook',
      'Webhook',
      'Calls an HTTP endpoint.',
      {
        url: secretString('Webhook URL', 'The URL to call. Kept secret: webhook URLs often carry a token.'),
        method: { title: 'Method', description: 'The HTTP method. Notifications are always sent with POST.', type: 'string', enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], default: 'POST' },
        headers: stringMap('Headers', 'Headers to send with each request (secret: they often hold credentials).'),
      },
      ['url'],
      ['url', 'headers.*'],
    ),
  },
  {
    slug: 'custom-webhook-notification',
    name: 'Custom Webhook Notification',
    description:
      'Sends notifications to any HTTP endpoint with a JSON body of your design. In header values and string values of the JSON body, {{subject}}, {{body}} and {{name}} are replaced by the notification subject, the message and the block\'s name, and {{<key>}} by a value of `secrets`.',
    documentationPath: '#custom-webhook-notification',
    capabilities: ['notify'],
    codeExample: example(
      'Notification policies send through this block; a flow can also post to it directly:',
      `
import { Block } from 'syntask';

const alerts = await Block.load('custom-webhook-notification/ops-alerts');
const { url } = alerts.data as { url: string };
await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ subject: 'Nightly ETL', body: 'All 42 tables loaded.' }),
});
`,
    ),
    fields: schema(
      'custom-webhook-notification',
      'CustomWebhookNotification',
      'Sends notifications to any HTTP endpoint with a JSON body of your design.',
      {
        name: { title: 'Name', description: 'Replaces {{name}} in the templates.', type: 'string', default: 'Syntask Notifications' },
        url: secretString('Webhook URL', 'The URL notifications are sent to.'),
        method: { title: 'Method', description: 'The HTTP method.', type: 'string', enum: ['POST', 'PUT', 'PATCH'], default: 'POST' },
        headers: stringMap('Headers', 'Headers to send; values may use {{subject}}, {{body}}, {{name}} and {{<secret key>}}.'),
        json_data: {
          title: 'JSON Body',
          description: 'The JSON body to send. String values may use {{subject}}, {{body}}, {{name}} and {{<secret key>}}.',
          type: 'object',
          default: { subject: '{{subject}}', body: '{{body}}' },
        },
        secrets: stringMap('Secrets', 'Values kept secret that the templates can use as {{<key>}}, for example an API token in a header.'),
        timeout: { title: 'Timeout', description: 'Seconds to wait for the endpoint to answer.', type: 'number', default: 10, exclusiveMinimum: 0 },
      },
      ['url'],
      ['url', 'secrets.*'],
    ),
  },
  {
    slug: 'local-file-system',
    name: 'Local File System',
    description: 'Reads and writes files in a directory of the machine that runs the flow.',
    documentationPath: '#local-file-system',
    capabilities: ['get-directory', 'put-directory', 'read-path', 'write-path'],
    codeExample: example(
      'Write results into a stored directory:',
      `
import { Block } from 'syntask';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const storage = await Block.load('local-file-system/results');
await writeFile(join(storage.data.basepath as string, 'report.csv'), 'id,total\\n1,42\\n');
`,
    ),
    fields: schema('local-file-system', 'LocalFileSystem', 'A directory on the local file system.', { basepath: { title: 'Base path', description: 'The directory files are read from and written to.', type: 'string' } }, [], []),
  },
  {
    slug: 'database-credentials',
    name: 'Database Credentials',
    description: 'A user name and password for a database; the password is secret. Referenced by Database Connection blocks.',
    documentationPath: '#database-credentials',
    capabilities: [],
    codeExample: example(
      'Read stored credentials:',
      `
import { Block } from 'syntask';

const creds = await Block.load('database-credentials/prod');
const { user, password } = creds.data as { user: string; password: string };
`,
    ),
    fields: databaseCredentialsFields,
  },
  {
    slug: 'database-connection',
    name: 'Database Connection',
    description: 'Where a database is (host, port, database name), with a reference to the Database Credentials block to log in with.',
    documentationPath: '#database-connection',
    capabilities: [],
    codeExample: example(
      'Connect with a stored connection (its credentials block is loaded with it):',
      `
import { Block } from 'syntask';
import pg from 'pg';

const db = await Block.load('database-connection/warehouse');
const { host, port, database, credentials } = db.data as {
  host: string; port: number; database: string; credentials: { user: string; password: string };
};
const client = new pg.Client({ host, port, database, user: credentials.user, password: credentials.password });
await client.connect();
`,
    ),
    fields: schema(
      'database-connection',
      'DatabaseConnection',
      'Where a database is, and the credentials to log in with.',
      {
        host: { title: 'Host', description: 'Host name or address of the database server.', type: 'string' },
        port: { title: 'Port', description: 'Port of the database server.', type: 'integer', default: 5432, minimum: 1, maximum: 65535 },
        database: { title: 'Database', description: 'Name of the database.', type: 'string' },
        credentials: { title: 'Credentials', description: 'The Database Credentials block to log in with.', $ref: '#/definitions/DatabaseCredentials' },
      },
      ['host', 'database', 'credentials'],
      ['credentials.password'],
      {
        block_schema_references: { credentials: { block_type_slug: 'database-credentials', block_schema_checksum: blockSchemaChecksum(databaseCredentialsFields) } },
        definitions: { DatabaseCredentials: databaseCredentialsFields },
      },
    ),
  },
];

export const logoUrl = (slug: string) => `/api/ui/block-logos/${slug}.svg`;

/** The block type's descriptive fields, stored and shown in the `aggregate-block-metadata` collection view. */
export const builtinBlockType = (block: BuiltinBlock) => ({
  name: block.name,
  logo_url: logoUrl(block.slug),
  documentation_url: `${DOCS}${block.documentationPath}`,
  description: block.description,
  code_example: block.codeExample,
});

/** Registers (or refreshes) every built-in block type and its schema, version = server release. */
export async function installSystemBlockTypes(ctx: AppContext, log?: FastifyBaseLogger): Promise<void> {
  for (const block of BUILTIN_BLOCKS) {
    try {
      await ctx.db.transaction(async (trx) => {
        const now = nowMicros();
        const values = { ...builtinBlockType(block), is_protected: 1 };
        const existing = await trx.selectFrom('block_type').select('id').where('slug', '=', block.slug).executeTakeFirst();
        let typeId = existing?.id;
        if (typeId) await trx.updateTable('block_type').set({ ...values, updated: now }).where('id', '=', typeId).execute();
        else {
          typeId = randomUUID();
          await trx
            .insertInto('block_type')
            .values({ id: typeId, created: now, updated: now, slug: block.slug, ...values })
            .onConflict((oc) => oc.doNothing())
            .execute();
          typeId = (await trx.selectFrom('block_type').select('id').where('slug', '=', block.slug).executeTakeFirst())?.id;
          if (!typeId) throw new Error(`a block type named "${block.name}" with another slug exists`);
        }
        await registerBlockSchema(trx, { fields: block.fields, block_type_id: typeId, capabilities: block.capabilities, version: ctx.version });
      });
    } catch (err) {
      log?.warn({ err: { message: (err as Error).message } }, `Built-in block type "${block.slug}" was not installed`);
    }
  }
}
