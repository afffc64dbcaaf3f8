import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { reportDeployment } from './deployment-data.ts';
import { expect, test, type SyntaskServer } from './fixtures.ts';

/**
 * Issue 13, replayed as an attacker would: a page on another local origin (cross-origin reads
 * and "simple" writes), and DNS rebinding (same-origin in the browser's eyes, only the server's
 * Host check stands in the way). The server runs with the README defaults: no sign-in.
 */

const SECRET = 'sk-live-attack-Qv93-never-leaves';
const suffix = () => Math.random().toString(36).slice(2, 8);

interface Seen {
  type: string;
  status: number;
  body: string;
}

/** The attacker's page: what its script can do, and what it gets to see (not Playwright's view of the network). */
const ATTACKER_HTML = `<!doctype html><meta charset="utf-8"><title>Free prizes</title><h1>Free prizes</h1>
<script>
async function grab(url, init) {
  try {
    const r = await fetch(url, init);
    let body = '';
    try { body = await r.text(); } catch {}
    return { type: r.type, status: r.status, body };
  } catch (e) {
    return { type: 'error', status: 0, body: String(e) };
  }
}
function submitForm(url, enctype, fields) {
  return new Promise((resolve) => {
    const sink = document.createElement('iframe');
    sink.name = 'sink' + Math.random().toString(36).slice(2);
    document.body.append(sink);
    const form = Object.assign(document.createElement('form'), { method: 'post', action: url, enctype, target: sink.name });
    for (const [name, value] of fields) form.append(Object.assign(document.createElement('input'), { type: 'hidden', name, value }));
    document.body.append(form);
    const timer = setTimeout(() => resolve({ type: 'form', status: 0, body: 'no load within 5 s' }), 5000);
    sink.onload = () => { clearTimeout(timer); resolve({ type: 'form', status: 0, body: '' }); };
    form.submit();
  });
}
</script>`;

interface AttackerScript {
  grab(url: string, init?: Record<string, unknown>): Promise<Seen>;
  submitForm(url: string, enctype: string, fields: [string, string][]): Promise<Seen>;
}
const grab = (page: Page, url: string, init: Record<string, unknown> = {}) =>
  page.evaluate(({ url, init }) => (globalThis as unknown as AttackerScript).grab(url, init), { url, init });
const submitForm = (page: Page, url: string, enctype: string, fields: [string, string][]) =>
  page.evaluate(({ url, enctype, fields }) => (globalThis as unknown as AttackerScript).submitForm(url, enctype, fields), { url, enctype, fields });

/** The attacker's own web server on loopback; answers the page for any Host (`attacker.test:<port>` too). */
async function attackerSite() {
  const site = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ATTACKER_HTML));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
  return { url, close: () => new Promise<void>((resolve) => site.close(() => resolve())) };
}

/** A request with exactly these headers (`Host` included, which Node's fetch would not let us set). */
function raw(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const sized = body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
    const req = request({ host: '127.0.0.1', port, method, path, headers: sized, timeout: 10_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}

function isDetail(body: string): boolean {
  try {
    return typeof (JSON.parse(body) as { detail?: unknown }).detail === 'string';
  } catch {
    return false;
  }
}

const portOf = (server: SyntaskServer) => Number(new URL(server.url).port);

async function seedSecret(server: SyntaskServer): Promise<string> {
  const type = await server.getJson<{ id: string }>('/block_types/slug/secret');
  const [schema] = await server.postJson<{ id: string }[]>('/block_schemas/filter', { block_schemas: { block_type_id: { any_: [type.id] } }, limit: 1 });
  const doc = await server.postJson<{ id: string }>('/block_documents/', { name: `api-key-${suffix()}`, data: { value: SECRET }, block_schema_id: schema.id, block_type_id: type.id });
  return doc.id;
}

async function seedVariable(server: SyntaskServer, value = 'v'): Promise<string> {
  const name = `keep_${suffix()}`;
  await server.postJson('/variables/', { name, value });
  return name;
}

const seedDeployment = async (server: SyntaskServer) => (await reportDeployment(server)).deployment.id;

const runCount = (server: SyntaskServer, deploymentId: string) => server.postJson<number>('/flow_runs/count', { deployments: { id: { any_: [deploymentId] } } });
const status = async (server: SyntaskServer, path: string) => (await fetch(`${server.api}${path}`)).status;

type Target = 'deployment' | 'variable' | 'block';

/** What an attack did to its target, seen through the normal API ([] = nothing). */
async function harm(server: SyntaskServer, target: Target, id: string): Promise<string[]> {
  if (target === 'deployment') {
    const runs = await runCount(server, id);
    const { paused } = await server.getJson<{ paused: boolean }>(`/deployments/${id}`);
    return [...(runs ? [`created ${runs} flow run(s)`] : []), ...(paused ? ['paused the deployment'] : [])];
  }
  const code = await status(server, target === 'variable' ? `/variables/name/${id}` : `/block_documents/${id}`);
  return code === 200 ? [] : [`deleted the ${target} (GET now answers ${code})`];
}

const RUN = '/deployments/{id}/create_flow_run';
const PAUSE = '/deployments/{id}/pause_deployment';
const JSON_HEADERS = { 'content-type': 'application/json' };

/** Cross-origin writes a page can send: "simple" requests need no preflight, forms not even script. */
const CROSS_ORIGIN_WRITES: { name: string; target: Target; path: string; init?: Record<string, unknown>; form?: [string, [string, string][]] }[] = [
  { name: 'create_flow_run, no-cors POST without a body', target: 'deployment', path: RUN, init: { method: 'POST', mode: 'no-cors' } },
  { name: 'create_flow_run, no-cors POST text/plain "{}"', target: 'deployment', path: RUN, init: { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{}' } },
  { name: 'create_flow_run, no-cors POST form-urlencoded', target: 'deployment', path: RUN, init: { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'parameters=%7B%7D' } },
  { name: 'create_flow_run, CORS POST application/json (preflighted)', target: 'deployment', path: RUN, init: { method: 'POST', headers: JSON_HEADERS, body: '{}' } },
  { name: 'create_flow_run, auto-submitted urlencoded form', target: 'deployment', path: RUN, form: ['application/x-www-form-urlencoded', [['parameters', '{}']]] },
  // text/plain forms send `name=value`: this one sends {"tags":["x="]}, JSON smuggled in a form.
  { name: 'create_flow_run, auto-submitted text/plain form', target: 'deployment', path: RUN, form: ['text/plain', [['{"tags":["x', '"]}']]] },
  { name: 'pause_deployment, no-cors POST without a body', target: 'deployment', path: PAUSE, init: { method: 'POST', mode: 'no-cors' } },
  { name: 'pause_deployment, auto-submitted text/plain form', target: 'deployment', path: PAUSE, form: ['text/plain', [['a', 'b']]] },
  { name: 'DELETE /variables/name/<name> (preflighted)', target: 'variable', path: '/variables/name/{id}', init: { method: 'DELETE' } },
  { name: 'DELETE /block_documents/<id> (preflighted)', target: 'block', path: '/block_documents/{id}', init: { method: 'DELETE' } },
];

test.describe('a page on another loopback origin', () => {
  test('cannot read a secret block or the server settings, with or without CORS', async ({ browser, server }) => {
    const secretId = await seedSecret(server);
    const site = await attackerSite();
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(site.url);
      const seen: (Seen & { what: string })[] = [];
      for (const url of [`${server.api}/block_documents/${secretId}?include_secrets=true`, `${server.api}/admin/settings`]) {
        for (const mode of ['cors', 'no-cors']) seen.push({ what: `${mode} GET ${url}`, ...(await grab(page, url, { mode })) });
      }
      // A script reads a cross-origin body only from a 'cors' response, i.e. one carrying access-control-allow-origin.
      const read = seen.filter((s) => s.type === 'cors' || s.type === 'basic').map((s) => `${s.what} → ${s.status}, ${s.body.length} characters read`);
      expect.soft(read, 'answers the attacker page could read').toEqual([]);
      expect.soft(seen.filter((s) => s.body.includes(SECRET)).map((s) => s.what), 'answers that handed the page the secret').toEqual([]);
    } finally {
      await context.close();
      await site.close();
    }
  });

  test('cannot start a run, pause a deployment or delete a variable or block, whatever the request looks like', async ({ browser, server }) => {
    const targets = await Promise.all(
      CROSS_ORIGIN_WRITES.map((v) => (v.target === 'deployment' ? seedDeployment(server) : v.target === 'variable' ? seedVariable(server) : seedSecret(server))),
    );
    const site = await attackerSite();
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(site.url);
      const damage: string[] = [];
      for (const [i, vector] of CROSS_ORIGIN_WRITES.entries()) {
        const url = server.api + vector.path.replace('{id}', targets[i]);
        const seen = vector.form ? await submitForm(page, url, ...vector.form) : await grab(page, url, vector.init);
        const done = await harm(server, vector.target, targets[i]);
        if (done.length) damage.push(`${vector.name} (page saw ${seen.type} ${seen.status}) → ${done.join(', ')}`);
      }
      expect(damage, 'cross-origin requests that changed the server').toEqual([]);
    } finally {
      await context.close();
      await site.close();
    }
  });
});

test('DNS rebinding: a page whose name now resolves to 127.0.0.1 gets 421 for every API request and changes nothing', async ({ server }) => {
  const rebound = `http://attacker.test:${portOf(server)}`;
  const [secretId, deploymentId] = await Promise.all([seedSecret(server), seedDeployment(server)]);
  const variable = `pwned_${suffix()}`;
  const site = await attackerSite();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP attacker.test 127.0.0.1'] });
  try {
    const page = await browser.newPage();
    // First lookup: the attacker's server answers the page (loopback too, so Chromium's Local
    // Network Access check stays out of the way, as in browsers that have none); every later
    // request to attacker.test reaches Syntask on 127.0.0.1, same-origin for the browser.
    await page.route(`${rebound}/`, (route) => route.continue({ url: site.url }));
    await page.goto(`${rebound}/`);
    await expect(page.locator('h1')).toHaveText('Free prizes');
    const attempts: [string, string, Record<string, unknown>][] = [
      ['GET /api/admin/settings', '/api/admin/settings', {}],
      ['GET the secret block ?include_secrets=true', `/api/block_documents/${secretId}?include_secrets=true`, {}],
      ['POST /api/variables/', '/api/variables/', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ name: variable, value: 'x' }) }],
      ['POST create_flow_run', `/api/deployments/${deploymentId}/create_flow_run`, { method: 'POST', headers: JSON_HEADERS, body: '{}' }],
    ];
    const seen: Seen[] = [];
    for (const [, path, init] of attempts) seen.push(await grab(page, `${rebound}${path}`, init));
    expect.soft(seen.map((s, i) => `${attempts[i][0]} → ${s.type} ${s.status}`)).toEqual(attempts.map(([what]) => `${what} → basic 421`));
    expect.soft(attempts.filter((_, i) => seen[i].body.includes(SECRET)).map(([what]) => what), 'answers that handed the page the secret').toEqual([]);
    expect.soft(await status(server, `/variables/name/${variable}`), 'the variable the page tried to create').toBe(404);
    expect.soft(await runCount(server, deploymentId), 'flow runs of the deployment').toBe(0);
  } finally {
    await browser.close();
    await site.close();
  }
});

test.describe('without a browser', () => {
  test('a Host other than loopback or the bind host gets 421 with a JSON detail, before any route', async ({ server }) => {
    const port = portOf(server);
    for (const path of ['/api/admin/settings', '/api/health', '/api/no-such-route', '/']) {
      const answer = await raw(port, 'GET', path, { host: `attacker.example:${port}` });
      const shape = isDetail(answer.body) ? 'a JSON detail' : `${answer.body.slice(0, 40)}…`;
      expect.soft(`${answer.status} with ${shape}`, `GET ${path} with Host attacker.example:${port}`).toBe('421 with a JSON detail');
    }
    // The loopback names keep working, on any port (a proxy in front may use another).
    for (const host of ['localhost', `localhost:${port}`, `127.0.0.1:${port}`, '127.0.0.1:8080', `[::1]:${port}`]) {
      expect.soft((await raw(port, 'GET', '/api/admin/settings', { host })).status, `Host ${host}`).toBe(200);
    }
  });

  test('a foreign Origin gets no CORS grant and every write it sends is refused with 403, changing nothing', async ({ server }) => {
    const port = portOf(server);
    // Same host, other port: what the attacker page of the first attack sends.
    const foreign = `http://127.0.0.1:${port === 65535 ? 1 : port + 1}`;
    const read = await raw(port, 'GET', '/api/admin/settings', { origin: foreign });
    expect.soft(read.headers['access-control-allow-origin'], 'ACAO on a read').toBeUndefined();
    const preflight = await raw(port, 'OPTIONS', '/api/variables/name/x', { origin: foreign, 'access-control-request-method': 'DELETE' });
    expect.soft(preflight.headers['access-control-allow-origin'], 'ACAO on a preflight').toBeUndefined();

    const [deploymentId, variable, blockId] = await Promise.all([seedDeployment(server), seedVariable(server, 'before'), seedSecret(server)]);
    const run = `/api/deployments/${deploymentId}/create_flow_run`;
    const writes: [string, string, Record<string, string>, string?][] = [
      ['POST', run, { origin: foreign }],
      ['POST', run, { origin: foreign, 'content-type': 'text/plain' }, '{}'],
      ['POST', run, { origin: foreign, 'content-type': 'application/x-www-form-urlencoded' }, 'a=b'],
      ['POST', run, { origin: foreign, ...JSON_HEADERS }, '{}'],
      ['POST', run, { origin: 'null', ...JSON_HEADERS }, '{}'],
      ['POST', run, { 'sec-fetch-site': 'cross-site', ...JSON_HEADERS }, '{}'],
      ['POST', `/api/deployments/${deploymentId}/pause_deployment`, { origin: foreign }],
      ['PATCH', `/api/variables/name/${variable}`, { origin: foreign, ...JSON_HEADERS }, '{"value":"after"}'],
      ['DELETE', `/api/variables/name/${variable}`, { origin: foreign }],
      ['DELETE', `/api/block_documents/${blockId}`, { origin: foreign, 'content-type': 'text/plain' }, ''],
    ];
    const answers: string[] = [];
    for (const [method, path, headers, body] of writes) answers.push(`${method} ${path} ${JSON.stringify(headers)} → ${(await raw(port, method, path, headers, body)).status}`);
    expect.soft(answers).toEqual(answers.map((a) => a.replace(/\d+$/, '403')));

    expect.soft(await harm(server, 'deployment', deploymentId), 'the deployment').toEqual([]);
    expect.soft((await server.getJson<{ value: string }>(`/variables/name/${variable}`).catch(() => ({ value: 'deleted' }))).value, 'the variable').toBe('before');
    expect.soft(await harm(server, 'block', blockId), 'the block document').toEqual([]);

    // The server's own origin still writes (the dashboard), and JSON endpoints take only JSON.
    const own = await raw(port, 'POST', '/api/variables/', { origin: server.url, ...JSON_HEADERS }, JSON.stringify({ name: `own_${suffix()}`, value: 'v' }));
    expect.soft(own.status, 'a JSON write from the server’s own origin').toBe(201);
    expect.soft((await raw(port, 'POST', run, { 'content-type': 'text/plain' }, '{}')).status, 'text/plain to a JSON endpoint').toBe(415);
    expect.soft(await runCount(server, deploymentId), 'flow runs of the deployment').toBe(0);
  });
});
