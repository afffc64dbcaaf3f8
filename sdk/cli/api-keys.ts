import type { Command } from 'commander';
import { nowMicros } from '../../server/lib/time.ts';
import { checkRole, createApiKey, deleteApiKey, listApiKeys, parseExpiry } from '../../server/security/accounts.ts';
import { ROLES } from '../../server/security/roles.ts';
import { formatMicros, table, withDatabase } from './database.ts';

/** Keys the CLI creates have direct database access behind them: as an admin would. */
const CLI_CREATOR = 'cli';

/** `syntask api-key …`: keys for workers, CI and scripts (`SYNTASK_API_KEY`), written straight into the database. */
export function registerApiKeyCommands(program: Command) {
  const apiKey = program.command('api-key').description('Manage API keys for workers and scripts (writes the database directly; no server needed)');

  apiKey
    .command('create')
    .description('Create an API key and print it once (use it as SYNTASK_API_KEY)')
    .argument('<name>', 'what the key is for, e.g. "worker on build-01"')
    .option('-r, --role <role>', `role: ${ROLES.join('|')}`, 'operator')
    .option('-e, --expires <duration>', 'lifetime such as 90d, 12h or 30m (default: never expires)')
    .action(async (name: string, opts: { role: string; expires?: string }) => {
      const role = checkRole(opts.role);
      const expires = opts.expires === undefined ? null : nowMicros() + parseExpiry(opts.expires);
      const created = await withDatabase((db) => createApiKey(db.kysely, { name, role, creatorRole: 'admin', createdBy: CLI_CREATOR, expires }));
      // The note goes to stderr so `KEY=$(syntask api-key create …)` captures the key alone.
      console.error(`Created API key "${created.name}" (id ${created.id}, role ${created.role}, expires ${created.expires === null ? 'never' : formatMicros(created.expires)}).`);
      console.error('Copy it now: it will not be shown again. Workers and the CLI read it from SYNTASK_API_KEY.');
      console.log(created.key);
    });

  apiKey
    .command('list')
    .description('List API keys (never the keys themselves)')
    .action(async () => {
      const keys = await withDatabase((db) => listApiKeys(db.kysely));
      if (keys.length === 0) return console.log('No API keys.');
      const now = nowMicros();
      const rows = keys.map((k) => [k.id, k.name, k.role, k.created_by, k.expires === null ? 'never' : `${formatMicros(k.expires)}${k.expires <= now ? ' (expired)' : ''}`, formatMicros(k.last_used)]);
      console.log(table([['ID', 'NAME', 'ROLE', 'CREATED BY', 'EXPIRES', 'LAST USED'], ...rows]));
    });

  apiKey
    .command('revoke')
    .description('Revoke an API key: requests with it are refused at once')
    .argument('<id>', 'the key id from `syntask api-key list`')
    .action(async (id: string) => {
      await withDatabase((db) => deleteApiKey(db.kysely, id));
      console.log(`Revoked API key ${id}.`);
    });
}
