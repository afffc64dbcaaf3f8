import type { Command } from 'commander';
import { checkRole, checkUserName, createUser, deleteUser, findUser, hasUsers, listUsers, updateUser } from '../../server/security/accounts.ts';
import { ROLES } from '../../server/security/roles.ts';
import { describeDatabase, formatMicros, table, withDatabase } from './database.ts';
import { readPassword } from './password.ts';

const ROLE_LIST = ROLES.join('|');

/**
 * `syntask user …`: accounts for the dashboard, written straight into the database so the
 * first admin can be created before (or without) a running server. Passwords come from a
 * prompt or stdin, never from arguments.
 */
export function registerUserCommands(program: Command) {
  const user = program.command('user').description('Manage the users who sign in to the dashboard (writes the database directly; no server needed)');

  user
    .command('create')
    .description('Create a user; the password is read from a prompt (or the first line of stdin). The first user must be an admin and turns sign-in on')
    .argument('<name>', 'user name')
    .requiredOption('-r, --role <role>', `role: ${ROLE_LIST}`)
    .action(async (name: string, opts: { role: string }) => {
      // Mistakes in the arguments show before the password is asked for.
      checkUserName(name);
      checkRole(opts.role);
      const password = await readPassword();
      await withDatabase(async (db, settings) => {
        const first = !(await hasUsers(db.kysely));
        const created = await createUser(db.kysely, { name, password, role: opts.role }, Boolean(settings.authString));
        console.log(`Created ${created.role} "${created.name}" in ${await describeDatabase(settings)}.`);
        if (first && !settings.authString) console.log('Sign-in is now on: the dashboard asks for a name and password, and workers and the CLI need SYNTASK_API_KEY (`syntask api-key create`).');
      });
    });

  user
    .command('list')
    .description('List users and their roles')
    .action(async () => {
      await withDatabase(async (db) => {
        const users = await listUsers(db.kysely);
        if (users.length === 0) return console.log('No users: sign-in is off unless SYNTASK_SERVER_API_AUTH_STRING is set.');
        console.log(table([['NAME', 'ROLE', 'CREATED'], ...users.map((u) => [u.name, u.role, formatMicros(u.created)])]));
      });
    });

  user
    .command('set-role')
    .description(`Change a user's role (${ROLE_LIST}); the last admin cannot be demoted`)
    .argument('<name>')
    .argument('<role>')
    .action(async (name: string, role: string) => {
      checkRole(role);
      await withDatabase(async (db) => {
        const found = await findUser(db.kysely, { name });
        await db.transaction((trx) => updateUser(trx, found.id, { role }));
        console.log(`"${name}" is now ${role === 'admin' ? 'an' : 'a'} ${role}.`);
      });
    });

  user
    .command('set-password')
    .description("Change a user's password (read from a prompt or the first line of stdin); signs out their sessions")
    .argument('<name>')
    .action(async (name: string) => {
      // Check the name before asking for a password nobody can use.
      const { id } = await withDatabase((db) => findUser(db.kysely, { name }));
      const password = await readPassword();
      await withDatabase((db) => db.transaction((trx) => updateUser(trx, id, { password })));
      console.log(`Password of "${name}" changed; their sessions were signed out.`);
    });

  user
    .command('delete')
    .description('Delete a user; the last admin cannot be deleted')
    .argument('<name>')
    .action(async (name: string) => {
      await withDatabase(async (db, settings) => {
        const found = await findUser(db.kysely, { name });
        await db.transaction((trx) => deleteUser(trx, found.id));
        console.log(`Deleted "${name}".`);
        if (!settings.authString && !(await hasUsers(db.kysely))) console.log('No users remain: sign-in is off.');
      });
    });
}
