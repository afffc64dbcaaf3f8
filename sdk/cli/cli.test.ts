import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../server/app.ts';
import { startTestServer, type TestServer } from '../../server/testing/harness.ts';

const run = promisify(execFile);
let s: TestServer;
let dir: string;

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(PACKAGE_ROOT, 'bin', 'syntask.js'), ...args], { cwd: dir, env: { ...process.env, SYNTASK_API_URL: s.api } });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

beforeAll(async () => {
  s = await startTestServer();
  dir = mkdtempSync(join(tmpdir(), 'syntask-cli-'));
  writeFileSync(
    join(dir, 'syntask.yaml'),
    [
      'deployments:',
      '  - name: from-yaml',
      `    entrypoint: ${join(PACKAGE_ROOT, 'sdk/worker/fixtures/flows.ts')}:quick`,
      '    tags: [cli]',
      '    parameters: { greeting: hello }',
      '    work_pool: { name: cli-pool }',
      '    schedules:',
      '      - cron: "0 9 * * *"',
      '        timezone: Europe/Berlin',
    ].join('\n'),
  );
});
afterAll(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('syntask CLI', () => {
  it('--help lists the commands', async () => {
    const { code, out } = await cli('--help');
    expect(code).toBe(0);
    for (const command of ['server', 'start', 'worker', 'deploy', 'deployment', 'flow-run']) expect(out).toContain(command);
  });

  it('deploy reads syntask.yaml (creating a missing pool); deployment run creates a run with --param values; flow-run ls/inspect/logs/cancel', async () => {
    const deployed = await cli('deploy');
    expect(deployed.code, deployed.out).toBe(0);
    expect(deployed.out).toMatch(/Deployed worker-quick\/from-yaml/);
    const d = (await s.get('/api/deployments/name/worker-quick/from-yaml')).body;
    expect(d).toMatchObject({ tags: ['cli'], parameters: { greeting: 'hello' }, work_pool_name: 'cli-pool' });
    expect(d.schedules[0].schedule).toMatchObject({ cron: '0 9 * * *', timezone: 'Europe/Berlin' });
    // The pool did not exist: deploy created it as a process pool with the default job template.
    const pool = (await s.get('/api/work_pools/cli-pool')).body;
    expect(pool).toMatchObject({ type: 'process' });
    expect(Object.keys(pool.base_job_template.variables.properties)).toContain('command');

    const created = await cli('deployment', 'run', 'worker-quick/from-yaml', '--param', 'count=3', '--param', 'label=nightly run', '--param', 'options={"deep":true}');
    expect(created.code, created.out).toBe(0);
    const id = /\(([0-9a-f-]{36})\)/.exec(created.out)![1];
    const flowRun = (await s.get(`/api/flow_runs/${id}`)).body;
    expect(flowRun.parameters).toEqual({ greeting: 'hello', count: 3, label: 'nightly run', options: { deep: true } });

    expect((await cli('flow-run', 'ls')).out).toContain(id);
    expect(JSON.parse((await cli('flow-run', 'inspect', id)).out).id).toBe(id);
    await s.post('/api/logs/', [{ name: 'x', level: 40, message: 'a line for the CLI', timestamp: new Date().toISOString(), flow_run_id: id }]);
    expect((await cli('flow-run', 'logs', id)).out).toMatch(/ERROR\s+\| a line for the CLI/);
    const cancelled = await cli('flow-run', 'cancel', id);
    expect(cancelled.out).toMatch(/Cancelled/);
    expect((await s.get(`/api/flow_runs/${id}`)).body.state_type).toBe('CANCELLED');
  }, 60_000);

  it('says what is wrong, with a non-zero exit code', async () => {
    const unknown = await cli('deployment', 'run', 'nope/missing');
    expect(unknown.code).toBe(1);
    expect(unknown.out).toMatch(/Deployment not found/);
    const badParam = await cli('deployment', 'run', 'worker-quick/from-yaml', '--param', 'novalue');
    expect(badParam.out).toMatch(/--param takes key=value/);
    const noPool = await cli('worker', 'start');
    expect(noPool.code).not.toBe(0);
    expect(noPool.out).toMatch(/--pool/);
    expect((await cli('deploy', '-c', 'missing.yaml')).out).toMatch(/missing\.yaml/);
  }, 60_000);
});
