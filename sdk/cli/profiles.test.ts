import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/testing/harness.ts';
import { cli, cliEnv, flowProject, freePort, runScript, serverOn, startCli, tempHome, until } from './testing.ts';

/** `syntask profile` and `syntask config` (issue 21): the same flow code sent to another server by `profile use`. */

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

const FLOW = `
import { flow } from 'syntask';
const where = flow({ name: 'where-am-i' }, async () => 'here');
await where();
`;

const runNames = async (server: TestServer) => ((await server.post('/api/flow_runs/filter', { flows: { name: { any_: ['where-am-i'] } } })).body as { id: string }[]).length;

describe('profiles', () => {
  it('create, use and config set send the next run to the team server; use default brings it back; env wins', async () => {
    const home = tempHome();
    const laptop = await serverOn(home);
    const team = await serverOn(tempHome());
    servers.push(laptop, team);
    const env = cliEnv({ SYNTASK_HOME: home, SYNTASK_SERVER_API_PORT: new URL(laptop.url).port });

    expect((await cli(env, ['profile', 'create', 'team'])).code).toBe(0);
    expect((await cli(env, ['profile', 'use', 'team'])).out).toContain('Now using profile "team"');
    const set = await cli(env, ['config', 'set', `SYNTASK_API_URL=${team.url}/api`, 'SYNTASK_API_KEY=stk_not_a_real_key_but_secret']);
    expect(set.code).toBe(0);
    expect((await cli(env, ['profile', 'ls'])).stdout).toBe('  default\n* team\n');

    const view = await cli(env, ['config', 'view']);
    expect(view.stdout).toContain('PROFILE="team"');
    expect(view.stdout).toContain(`SYNTASK_API_URL='${team.url}/api' (from profile)`);
    expect(view.stdout).toContain(`SYNTASK_HOME='${home}' (from env)`);
    expect(view.stdout).toContain("SYNTASK_API_KEY='********' (from profile)");
    expect(view.stdout).toMatch(/SYNTASK_API_DEFAULT_LIMIT='200' \(from default\)/);
    expect(view.out).not.toContain('stk_not_a_real_key');
    expect((await cli(env, ['profile', 'inspect'])).out).not.toContain('stk_not_a_real_key');
    // Sign-in is off on the team server, so the key is not needed; drop it to keep the run anonymous.
    expect((await cli(env, ['config', 'unset', 'SYNTASK_API_KEY'])).code).toBe(0);

    const project = flowProject(FLOW);
    const first = await runScript(project, env);
    expect(first.code).toBe(0);
    expect([await runNames(team), await runNames(laptop)]).toEqual([1, 0]);

    // An environment variable wins over the profile.
    const overridden = await runScript(project, { ...env, SYNTASK_API_URL: `${laptop.url}/api` });
    expect(overridden.code).toBe(0);
    expect([await runNames(team), await runNames(laptop)]).toEqual([1, 1]);
    expect((await cli({ ...env, SYNTASK_API_URL: `${laptop.url}/api` }, ['config', 'view', '--hide-defaults'])).stdout).toContain(`SYNTASK_API_URL='${laptop.url}/api' (from env)`);

    // Back on the default profile: the local server at the default address.
    expect((await cli(env, ['profile', 'use', 'default'])).code).toBe(0);
    const back = await runScript(project, env);
    expect(back.code).toBe(0);
    expect([await runNames(team), await runNames(laptop)]).toEqual([1, 2]);
  }, 180_000);

  it('the server process runs with the active profile and says which', async () => {
    const home = tempHome();
    const port = await freePort();
    const env = cliEnv({ SYNTASK_HOME: home });
    await cli(env, ['profile', 'create', 'ops']);
    await cli(env, ['profile', 'use', 'ops']);
    await cli(env, ['config', 'set', `SYNTASK_SERVER_API_PORT=${port}`]);
    const server = startCli(env, ['server', 'start']);
    try {
      await until('the server on the profile port', async () => server.output().includes(`listening on http://127.0.0.1:${port}`));
      const ui = await (await fetch(`http://127.0.0.1:${port}/ui-settings`)).json();
      expect(ui.profile).toBe('ops');
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('bad input: a clear error naming the file (and line), and the file left as it was', async () => {
    const home = tempHome();
    const env = cliEnv({ SYNTASK_HOME: home });
    await cli(env, ['profile', 'create', 'team']);
    const path = join(home, 'profiles.toml');
    const before = readFileSync(path, 'utf8');

    const unknown = await cli(env, ['config', 'set', 'SYNTASK_API_URLL=http://x/api']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown setting "SYNTASK_API_URLL"');
    expect((await cli(env, ['config', 'set', 'SYNTASK_HOME=/elsewhere'])).stderr).toContain('cannot be set in a profile');
    expect((await cli(env, ['config', 'set', 'no-equals-sign'])).stderr).toContain('is not KEY=VALUE');
    expect((await cli(env, ['config', 'unset', 'SYNTASK_API_URL'])).stderr).toContain('is not set in profile "default"');
    const missing = await cli(env, ['profile', 'use', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`No profile "nope" in ${path}`);
    expect((await cli(env, ['profile', 'create', 'team'])).stderr).toContain('already exists');
    expect((await cli(env, ['profile', 'create', '../evil'])).stderr).toContain('is not valid');
    expect((await cli(env, ['profile', 'delete', 'default'])).stderr).toContain('is active');
    expect((await cli({ ...env, SYNTASK_PROFILE: 'ghost' }, ['flow-run', 'ls'])).stderr).toContain('SYNTASK_PROFILE=ghost: no such profile');
    expect(readFileSync(path, 'utf8')).toBe(before);

    // A file broken by hand: every command says where, and nothing is written over it.
    writeFileSync(path, 'active = "team"\n[profiles.team]\nSYNTASK_API_URL = "http://x/api"\nSYNTASK_API_URL = "twice"\n');
    const broken = await cli(env, ['config', 'set', 'SYNTASK_WORKER_LIMIT=3']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:\\d+: not valid TOML`));
    expect(readFileSync(path, 'utf8')).toContain('"twice"');
    writeFileSync(path, 'active = "team"\n[profiles.team]\nSYNTASK_WORKER_LIMT = 3\n');
    expect((await cli(env, ['profile', 'ls'])).stderr).toContain(`${path}:3: profile "team": unknown setting "SYNTASK_WORKER_LIMT"`);
  }, 120_000);
});
