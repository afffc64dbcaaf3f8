import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/testing/harness.ts';
import { cli, cliEnv, serverOn, tempHome } from './testing.ts';

const PASSWORD = 'correct-horse-battery';
const homes: string[] = [];
const servers: TestServer[] = [];

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

function home() {
  const h = tempHome();
  homes.push(h);
  return { h, env: cliEnv({ SYNTASK_HOME: h }) };
}

const login = (s: TestServer, name: string, password: string) => s.post('/api/auth/login', { name, password });

describe('syntask user', () => {
  it('creates the first admin from stdin, which turns sign-in on for a server on that home', async () => {
    const { h, env } = home();
    const created = await cli(env, ['user', 'create', 'alice', '--role', 'admin'], `${PASSWORD}\n`);
    expect(created.code, created.out).toBe(0);
    expect(created.stdout).toMatch(/Created admin "alice"/);
    expect(created.stdout).toMatch(/Sign-in is now on/);
    expect(created.argv.join(' ')).not.toContain(PASSWORD);
    expect(created.out).not.toContain(PASSWORD);

    const s = await serverOn(h);
    servers.push(s);
    const anonymous = await s.post('/api/flows/filter', {});
    expect(anonymous.status).toBe(401);
    expect((await login(s, 'alice', 'wrong-password')).status).toBe(401);
    expect((await login(s, 'alice', PASSWORD)).status).toBe(204);

    const listed = await cli(env, ['user', 'list']);
    expect(listed.stdout).toMatch(/alice\s+admin/);
    expect(listed.out).not.toContain(PASSWORD);
  }, 240_000);

  it('refuses a wrong role, a non-admin first user, a short password and a password argument, with a clear message', async () => {
    const { env } = home();
    const badRole = await cli(env, ['user', 'create', 'bob', '--role', 'superuser'], `${PASSWORD}\n`);
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toMatch(/Role must be one of viewer, operator, admin/);

    const firstNotAdmin = await cli(env, ['user', 'create', 'bob', '--role', 'operator'], `${PASSWORD}\n`);
    expect(firstNotAdmin.code).not.toBe(0);
    expect(firstNotAdmin.stderr).toMatch(/first user must be an admin/);

    const short = await cli(env, ['user', 'create', 'bob', '--role', 'admin'], 'short\n');
    expect(short.code).not.toBe(0);
    expect(short.stderr).toMatch(/at least 8 characters/);
    expect(short.out).not.toContain('short\n');

    const asArgument = await cli(env, ['user', 'create', 'bob', '--role', 'admin', '--password', PASSWORD]);
    expect(asArgument.code).not.toBe(0);
    expect(asArgument.stderr).toMatch(/unknown option '--password'/);

    const noPassword = await cli(env, ['user', 'create', 'bob', '--role', 'admin']);
    expect(noPassword.code).not.toBe(0);
    expect(noPassword.stderr).toMatch(/No password given/);
    expect((await cli(env, ['user', 'list'])).stdout).toMatch(/No users/);
  }, 240_000);

  it('changes roles and passwords, protects the last admin, and deletes users', async () => {
    const { h, env } = home();
    expect((await cli(env, ['user', 'create', 'alice', '--role', 'admin'], `${PASSWORD}\n`)).code).toBe(0);
    expect((await cli(env, ['user', 'create', 'bob', '--role', 'viewer'], `${PASSWORD}\n`)).code).toBe(0);

    const demote = await cli(env, ['user', 'set-role', 'alice', 'operator']);
    expect(demote.code).not.toBe(0);
    expect(demote.stderr).toMatch(/Cannot demote the last admin/);
    const promoted = await cli(env, ['user', 'set-role', 'bob', 'operator']);
    expect(promoted.code, promoted.out).toBe(0);
    expect(promoted.stdout).toMatch(/"bob" is now an? operator/);
    expect((await cli(env, ['user', 'set-role', 'nobody', 'admin'])).stderr).toMatch(/User not found/);

    const changed = await cli(env, ['user', 'set-password', 'bob'], 'a-new-password\n');
    expect(changed.code, changed.out).toBe(0);
    expect(changed.out).not.toContain('a-new-password');
    const s = await serverOn(h);
    servers.push(s);
    expect((await login(s, 'bob', PASSWORD)).status).toBe(401);
    expect((await login(s, 'bob', 'a-new-password')).status).toBe(204);

    expect((await cli(env, ['user', 'delete', 'alice'])).stderr).toMatch(/Cannot delete the last admin/);
    const deleted = await cli(env, ['user', 'delete', 'bob']);
    expect(deleted.code, deleted.out).toBe(0);
    expect((await login(s, 'bob', 'a-new-password')).status).toBe(401);
  }, 300_000);
});
