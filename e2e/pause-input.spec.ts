import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type SyntaskServer } from './fixtures.ts';
import { FlowRunPage } from './pages/flow-run.ts';
import { SchemaFormArea } from './pages/schema-form.ts';

const REPO_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

interface Run {
  id: string;
  name: string;
  state_type: string;
}

/** Runs the demo's `release-approval` flow in its own process, as `npx tsx` on a script would. */
function startApprovalFlow(api: string): { child: ChildProcess; output: () => string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'syntask-pause-e2e-'));
  // .mts: an ES module (top-level await) without a package.json around it.
  const script = join(dir, 'run-approval.mts');
  writeFileSync(script, `import { releaseApproval } from ${JSON.stringify(join(REPO_ROOT, 'examples', 'approval.ts'))};\nawait releaseApproval();\n`);
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SYNTASK_'))), SYNTASK_API_URL: api, SYNTASK_LOGGING_TO_CONSOLE: 'false' };
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (c: string) => (output += c));
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (output += c));
  return { child, output: () => output, dir };
}

async function pausedApprovalRun(server: SyntaskServer, output: () => string): Promise<Run> {
  for (let i = 0; i < 300; i++) {
    const [run] = await server.postJson<Run[]>('/flow_runs/filter', { flows: { name: { any_: ['release-approval'] } }, flow_runs: { state: { type: { any_: ['PAUSED'] } } }, limit: 1 });
    if (run) return run;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The approval flow never paused.\n${output()}`);
}

test('a flow paused for input: the banner, the generated form with inline validation, resume, and the flow finishes with the input', async ({ page, server }) => {
  test.setTimeout(150_000);
  const flowProcess = startApprovalFlow(server.api);
  try {
    const run = await pausedApprovalRun(server, flowProcess.output);
    const flowRun = new FlowRunPage(page);
    await flowRun.goto(run.id);
    await expect(flowRun.stateBadge()).toHaveText('Paused');

    const banner = page.getByRole('region', { name: 'Waiting for input' });
    await expect(banner).toContainText('This run is waiting for input');
    await expect(banner).toContainText('It fails if nobody resumes it by');
    await banner.getByRole('button', { name: 'Resume…' }).click();

    const dialog = page.getByRole('dialog', { name: `Resume ${run.name}` });
    // The flow's description, rendered as markdown.
    await expect(dialog.getByRole('strong').filter({ hasText: 'Release 2.4.0' })).toBeVisible();
    await expect(dialog.getByRole('listitem').filter({ hasText: '14 changes, all checks green' })).toBeVisible();

    const form = new SchemaFormArea(page, 'Input');
    const submit = dialog.getByRole('button', { name: 'Resume', exact: true });
    await form.field('/choice').getByRole('radio', { name: 'ship' }).check();
    // Too short: the field says why and the dialog will not send it.
    await form.input('/reason').fill('ok');
    await expect(form.field('/reason')).toContainText('Must have at least 3 characters');
    await expect(submit).toBeDisabled();
    await expect(dialog).toContainText('Reason (Must have at least 3 characters)');

    await form.input('/reason').fill('all checks green');
    await expect(form.field('/reason')).not.toContainText('Must have');
    // What was typed is kept when switching to raw JSON and back.
    expect(await form.json()).toEqual({ choice: 'ship', reason: 'all checks green' });
    await expect(submit).toBeEnabled();
    await submit.click();

    await expect(dialog).toBeHidden();
    await expect(banner).toBeHidden();
    await expect(flowRun.stateBadge()).toHaveText('Completed', { timeout: 20_000 });
    await flowRun.tab('Logs').click();
    await expect(flowRun.logLines.getByText('Decision: ship (reason: all checks green)')).toBeVisible();
    await expect(flowRun.logLines.getByText('Publishing release 2.4.0')).toBeVisible();
  } finally {
    flowProcess.child.kill();
    rmSync(flowProcess.dir, { recursive: true, force: true });
  }
});

test('when the server refuses the input (its stored schema changed), the dialog says why and keeps what was typed', async ({ page, server }) => {
  const flow = await server.postJson<{ id: string }>('/flows/', { name: 'strict-approval' });
  const run = await server.postJson<Run>('/flow_runs/', { flow_id: flow.id, state: { type: 'RUNNING' } });
  const keyset = { schema: 'paused-1-schema', response: 'paused-1-response', description: 'paused-1-description' };
  const schemaWith = (minLength: number) => JSON.stringify({ title: 'Ticket', type: 'object', properties: { reason: { title: 'Reason', type: 'string', minLength } }, required: ['reason'] });
  await server.postJson(`/flow_runs/${run.id}/input`, { key: keyset.schema, value: schemaWith(1) });
  await server.postJson(`/flow_runs/${run.id}/set_state`, { state: { type: 'PAUSED', state_details: { pause_key: '1', run_input_keyset: keyset } } });

  // No live updates: the dialog must still hold the old schema when Resume is pressed (a live refetch could bring the
  // new rule first and disable Resume, and the server's refusal, which this test is about, would never be asked for).
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/ui/**stream*', async (route) => {
    await held;
    await route.continue();
  });
  const flowRun = new FlowRunPage(page);
  await flowRun.goto(run.id);
  await page.getByRole('region', { name: 'Waiting for input' }).getByRole('button', { name: 'Resume…' }).click();
  const dialog = page.getByRole('dialog', { name: `Resume ${run.name}` });
  const form = new SchemaFormArea(page, 'Input');
  await form.input('/reason').fill('short one');

  // Meanwhile the stored schema becomes stricter than the one the dialog was given.
  await fetch(`${server.api}/flow_runs/${run.id}/input/${keyset.schema}`, { method: 'DELETE' });
  await server.postJson(`/flow_runs/${run.id}/input`, { key: keyset.schema, value: schemaWith(20) });
  await dialog.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText("Not resumed: Run input validation failed: Validation failed for field 'reason'");
  await expect(form.input('/reason')).toHaveValue('short one');
  release();
  // The dialog reads the run's request again: the new rule shows at the field.
  await expect(form.field('/reason')).toContainText('Must have at least 20 characters');
  await expect(flowRun.stateBadge()).toHaveText('Paused');

  await form.input('/reason').fill('a reason that is long enough');
  await dialog.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(flowRun.stateBadge()).toHaveText('Running');
  expect(await (await fetch(`${server.api}/flow_runs/${run.id}/input/${keyset.response}`)).json()).toEqual({ reason: 'a reason that is long enough' });
});
