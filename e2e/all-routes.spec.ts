/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, startSyntask, syntaskApi, test as base, type SyntaskServer } from './fixtures.ts';
import { createFlow } from './data.ts';
import { createPool } from './deployment-data.ts';
import { loadInLight, showTheme } from './theme.ts';
import { DEPLOYMENT_TABS } from '../src/lib/deployment-search.ts';
import { FLOW_RUN_TABS, TASK_RUN_TABS } from '../src/lib/run-page-search.ts';

/**
 * Every route of the dashboard, on the live demo (`syntask start`: server, worker, demo flows),
 * in light and dark: no serious or critical axe violation, no console error or failed request
 * (the `context` fixture), and no horizontal scrolling of the page shell at 1024 px.
 * With SYNTASK_TOUR_DIR set, it also writes the README's tour screenshots there (`npm run tour`).
 */

interface DemoIds {
  flowId: string;
  failedRunId: string;
  /** The failed run's Failed state event: its day and id (the event page's URL). */
  failedEvent: { day: string; id: string };
  /** A completed run to compare the failed run with: of its deployment (or flow) when there is one. */
  completedRunId: string;
  /** That run's flow (the demo's busiest runs complete), for the runs × tasks grid. */
  completedFlowId: string;
  taskRunId: string;
  deploymentId: string;
  blockId: string;
  blockTypeSlug: string;
  artifactId: string;
  artifactKey: string;
  /** The demo's automation ("invoice-check keeps failing"). */
  automationId: string;
}

const test = base.extend<object, { demo: DemoIds }>({
  server: [
    async ({}, use) => {
      const running = await startSyntask(['start']);
      try {
        await use(syntaskApi(running.url));
      } finally {
        await running.stop();
      }
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  demo: [async ({ server }, use) => use(await demoReady(server)), { scope: 'worker', timeout: 150_000 }],
  page: async ({ page }, use) => {
    await loadInLight(page);
    await use(page);
  },
});

// One worker walks every route on one live demo while the other runs the other specs: a second demo would cost its
// start-up and a core's share. The file's name sorts it near the front, so that walk starts early rather than last.

/** The demo's first runs are done: a failure, completed runs with task runs, and artifacts. */
async function demoReady(server: SyntaskServer): Promise<DemoIds> {
  const deadline = Date.now() + 140_000;
  for (;;) {
    const [failed] = await server.postJson<{ id: string; flow_id: string; deployment_id: string | null }[]>('/flow_runs/filter', { flow_runs: { state: { type: { any_: ['FAILED'] } } }, limit: 1 });
    const completed = await server.postJson<number>('/flow_runs/count', { flow_runs: { state: { type: { any_: ['COMPLETED'] } } } });
    const [artifact] = await server.postJson<{ id: string; key: string }[]>('/artifacts/filter', { artifacts: { key: { exists_: true } }, limit: 1 });
    const [automation] = await server.postJson<{ id: string }[]>('/automations/filter', { limit: 1 });
    if (failed && completed >= 3 && artifact && automation) {
      const [taskRun] = await server.postJson<{ id: string }[]>('/task_runs/filter', { flow_runs: { id: { any_: [failed.id] } }, limit: 1 });
      const [deployment] = await server.postJson<{ id: string }[]>('/deployments/filter', { limit: 1 });
      const [block] = await server.postJson<{ id: string; block_type: { slug: string } }[]>('/block_documents/filter', { limit: 1 });
      const same = failed.deployment_id ? { deployments: { id: { any_: [failed.deployment_id] } } } : { flows: { id: { any_: [failed.flow_id] } } };
      const completedOf = async (scope: object) => (await server.postJson<{ id: string; flow_id: string }[]>('/flow_runs/filter', { ...scope, flow_runs: { state: { type: { any_: ['COMPLETED'] } } }, sort: 'START_TIME_DESC', limit: 1 }))[0];
      // The demo's failing flow never completes: then any completed run, so the comparison has differences to show.
      const twin = (await completedOf(same)) ?? (await completedOf({}));
      const { events } = await server.postJson<{ events: { id: string; occurred: string }[] }>('/events/filter', { filter: { resource: { id: [`syntask.flow-run.${failed.id}`] }, event: { name: ['syntask.flow-run.Failed'] } }, limit: 1 });
      return {
        failedEvent: { day: events[0].occurred.slice(0, 10), id: events[0].id },
        flowId: failed.flow_id,
        failedRunId: failed.id,
        completedRunId: twin.id,
        completedFlowId: twin.flow_id,
        taskRunId: taskRun.id,
        deploymentId: deployment.id,
        blockId: block.id,
        blockTypeSlug: block.block_type.slug,
        artifactId: artifact.id,
        artifactKey: artifact.key,
        automationId: automation.id,
      };
    }
    if (Date.now() > deadline) throw new Error(`the demo did not finish its first runs in time (completed: ${completed}, failed: ${failed ? 1 : 0}, artifact: ${artifact ? 1 : 0}, automation: ${automation ? 1 : 0})`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** Each route pattern of the route tree, filled with the demo's ids; a new route without an entry fails the check below. */
const ROUTE_URLS: Record<string, (ids: DemoIds) => string[]> = {
  '/': () => ['/'],
  '/dashboard': () => ['/dashboard'],
  '/runs/': () => ['/runs'],
  '/runs/flow-run/$id': (d) => [...FLOW_RUN_TABS.map((tab) => `/runs/flow-run/${d.failedRunId}${tab === 'graph' ? '' : `?tab=${tab}`}`), `/runs/flow-run/${d.failedRunId}?graph=time`],
  '/flow-runs/flow-run/$id': (d) => [`/flow-runs/flow-run/${d.failedRunId}`],
  '/runs/task-run/$id': (d) => TASK_RUN_TABS.map((tab) => `/runs/task-run/${d.taskRunId}${tab === 'logs' ? '' : `?tab=${tab}`}`),
  '/flows/': () => ['/flows'],
  '/flows/flow/$id': (d) => ['', '?tab=deployments', '?tab=details'].map((q) => `/flows/flow/${d.flowId}${q}`),
  '/deployments/': () => ['/deployments'],
  '/deployments/deployment/$id/': (d) => DEPLOYMENT_TABS.map((tab) => `/deployments/deployment/${d.deploymentId}${tab === 'runs' ? '' : `?tab=${tab}`}`),
  '/deployments/deployment/$id/edit': (d) => [`/deployments/deployment/${d.deploymentId}/edit`],
  '/deployments/deployment/$id/run': (d) => [`/deployments/deployment/${d.deploymentId}/run`],
  '/work-pools/': () => ['/work-pools'],
  '/work-pools/create': () => ['/work-pools/create'],
  '/work-pools/work-pool/$name/edit': () => ['/work-pools/work-pool/demo/edit'],
  '/work-pools/work-pool/$name/': () => ['details', 'runs', 'queues', 'workers', 'deployments'].map((tab) => `/work-pools/work-pool/demo?tab=${tab}`),
  '/blocks/': () => ['/blocks'],
  '/blocks/catalog/': () => ['/blocks/catalog'],
  '/blocks/catalog/$slug/': () => ['/blocks/catalog/database-connection'],
  '/blocks/catalog/$slug/create': () => ['/blocks/catalog/database-connection/create'],
  '/blocks/block/$id/': (d) => [`/blocks/block/${d.blockId}`],
  '/blocks/block/$id/edit': (d) => [`/blocks/block/${d.blockId}/edit`],
  '/variables': () => ['/variables'],
  '/failures': () => ['/failures', '/failures?tab=task-runs&range=30d'],
  '/runs/compare': (d) => ['/runs/compare', `/runs/compare?left=${d.completedRunId}&right=${d.failedRunId}`],
  '/concurrency-limits': () => ['/concurrency-limits', '/concurrency-limits?tab=global'],
  '/artifacts/': () => ['/artifacts'],
  '/artifacts/key/$key': (d) => [`/artifacts/key/${encodeURIComponent(d.artifactKey)}`],
  '/artifacts/artifact/$id': (d) => [`/artifacts/artifact/${d.artifactId}`],
  '/notifications': () => ['/notifications'],
  '/settings': () => ['/settings'],
  // With sign-in off the page says so (and offers the dashboard); `next` is kept for after signing in.
  '/sign-in': () => ['/sign-in', '/sign-in?next=%2Fruns'],
  // With sign-in off nothing is recorded: the empty state, and the custom range's inputs.
  '/audit-log': () => ['/audit-log', '/audit-log?range=custom&from=2026-01-01T00%3A00%3A00.000Z'],
  '/events/': (d) => ['/events', `/events?prefix=syntask.flow-run.&range=7d&resource=${encodeURIComponent(`syntask.flow-run.${d.failedRunId}`)}`],
  '/events/event/$date/$id': (d) => [`/events/event/${d.failedEvent.day}/${d.failedEvent.id}`],
  '/automations/': () => ['/automations'],
  '/automations/create': (d) => ['/automations/create', `/automations/create?resource=${encodeURIComponent(`syntask.deployment.${d.deploymentId}`)}`],
  '/automations/automation/$id/': (d) => [`/automations/automation/${d.automationId}`],
  '/automations/automation/$id/edit': (d) => [`/automations/automation/${d.automationId}/edit`],
};

/** Pages of the README tour, in order. */
const TOUR: { file: string; url: (d: DemoIds) => string; scrollTo?: (page: Page) => Locator }[] = [
  { file: '01-dashboard.png', url: () => '/dashboard' },
  { file: '02-runs.png', url: () => '/runs' },
  { file: '03-flow-run-graph.png', url: (d) => `/runs/flow-run/${d.failedRunId}` },
  { file: '04-flow-run-logs.png', url: (d) => `/runs/flow-run/${d.failedRunId}?tab=logs` },
  { file: '05-deployment.png', url: (d) => `/deployments/deployment/${d.deploymentId}?tab=upcoming` },
  { file: '06-custom-run.png', url: (d) => `/deployments/deployment/${d.deploymentId}/run` },
  { file: '07-work-pool.png', url: () => '/work-pools/work-pool/demo?tab=workers' },
  { file: '08-block.png', url: (d) => `/blocks/block/${d.blockId}` },
  { file: '09-failures.png', url: () => '/failures' },
  { file: '10-compare.png', url: (d) => `/runs/compare?left=${d.completedRunId}&right=${d.failedRunId}` },
  { file: '12-task-grid.png', url: (d) => `/flows/flow/${d.completedFlowId}`, scrollTo: (page) => page.getByRole('grid') },
];

function routePatterns(): string[] {
  const tree = readFileSync(new URL('../src/routeTree.gen.ts', import.meta.url), 'utf8');
  return [...new Set([...tree.matchAll(/fullPath: '([^']+)'/g)].map((m) => m[1]))];
}

async function settled(page: Page) {
  await expect(page.locator('main h1').first()).toBeVisible();
  // Skeletons are aria-hidden pulses; the page is settled when none is left.
  await expect(page.locator('.animate-pulse')).toHaveCount(0, { timeout: 15_000 });
}

test('every route of the route tree is visited by this spec', () => {
  const missing = routePatterns().filter((p) => !ROUTE_URLS[p]);
  expect(missing, 'add these routes to ROUTE_URLS').toEqual([]);
});

/** Serious or critical axe violations on the page as it is: every WCAG 2.1 A/AA rule, or only contrast. */
async function axeViolations(page: Page, only?: 'color-contrast'): Promise<string[]> {
  const axe = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  const scan = await (only ? axe.withRules([only]) : axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])).analyze();
  return scan.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test.describe('every route', () => {
  test.use({ viewport: { width: 1024, height: 768 } });
  for (const pattern of routePatterns()) {
    test(`${pattern}: accessible in both themes, no errors, no page-level horizontal scroll`, async ({ page, demo }) => {
      test.setTimeout(120_000);
      const urls = ROUTE_URLS[pattern]?.(demo) ?? [];
      for (const [i, url] of urls.entries()) {
        await page.goto(url); // light: the fixture's `loadInLight`
        await settled(page);
        expect(await axeViolations(page), `axe on ${url} (light)`).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `horizontal scroll of the page on ${url}`).toBeLessThanOrEqual(0);
        // Names, roles and labels are the same in both themes; dark changes contrast. It is checked on every tab of the
        // run pages (states, logs' colours, graph, timeline), elsewhere on the route's first view, whose tabs share the same tokens.
        if (i === 0 || pattern.startsWith('/runs/')) {
          await showTheme(page, 'dark');
          expect(await axeViolations(page, 'color-contrast'), `axe on ${url} (dark)`).toEqual([]);
        }
      }
    });
  }
});

test('the README tour screenshots', async ({ page, demo, server }) => {
  const dir = process.env.SYNTASK_TOUR_DIR;
  test.skip(!dir, 'set SYNTASK_TOUR_DIR (npm run tour) to write the screenshots');
  mkdirSync(dir!, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const shot of TOUR) {
    await page.goto(shot.url(demo));
    await settled(page);
    // The graph is laid out in a worker after the page settles.
    if (shot.file.includes('graph')) await expect(page.locator('.react-flow__node').first()).toBeVisible();
    if (shot.scrollTo) await shot.scrollTo(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(dir!, shot.file) });
  }
  // "Why has this run not started?": a run due a minute ago on a paused pool of its own (the demo's pool keeps working).
  const pool = await createPool(server, 'reports');
  const flow = await createFlow(server, 'quarterly-report');
  const deployment = await server.postJson<{ id: string }>('/deployments/', { name: 'quarter-end', flow_id: flow.id, work_pool_name: pool.name, entrypoint: 'flows.ts:quarterlyReport' });
  await fetch(`${server.api}/work_pools/${pool.name}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ is_paused: true }) });
  const run = await server.postJson<{ id: string }>(`/deployments/${deployment.id}/create_flow_run`, { state: { type: 'SCHEDULED', state_details: { scheduled_time: new Date(Date.now() - 60_000).toISOString() } } });
  await page.goto(`/runs/flow-run/${run.id}`);
  await expect(page.getByRole('region', { name: 'Why this run has not started' })).toContainText('is paused');
  await page.screenshot({ path: join(dir!, '11-run-delay.png') });
});

test("the demo's invoice-check failures are one group with their count, which opens those runs", async ({ page, demo, server }) => {
  const failedOf = () => server.postJson<{ name: string }[]>('/flow_runs/filter', { flows: { id: { any_: [demo.flowId] } }, flow_runs: { state: { type: { any_: ['FAILED', 'CRASHED'] } } }, limit: 200 });
  const groups = page.getByRole('list', { name: 'Failure groups' });
  const group = groups.getByRole('listitem', { name: 'TypeError: Cannot parse amount <str> in row <n> of invoices.csv' });
  // The demo keeps running: read the count and the page until both saw the same failures.
  let failed: { name: string }[] = [];
  await expect(async () => {
    failed = await failedOf();
    await page.goto(`/failures?flow=${demo.flowId}`);
    await expect(group.getByLabel(`${failed.length} failure${failed.length === 1 ? '' : 's'}`, { exact: true })).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 45_000 });
  await expect(groups.getByRole('listitem')).toHaveCount(1);
  await group.getByRole('link', { name: 'Show failed runs' }).click();
  await expect(page).toHaveURL(/\/runs\?/);
  const table = page.getByRole('table').first();
  for (const run of failed) await expect(table.getByRole('link', { name: run.name, exact: true })).toBeVisible();
});

test('charts carry a text alternative with the figures they draw', async ({ page, demo }) => {
  expect(demo.failedRunId).toBeTruthy();
  await page.goto('/runs');
  await expect(page.getByText(/^Flow runs per interval by state; in this range: .*\d+ Completed.*\d+ Failed/)).toBeAttached();
  await page.goto('/dashboard');
  await expect(page.getByRole('region', { name: 'Flow run activity' }).getByText(/^Flow runs per interval by state; in this range: .*\d+ Completed.*\d+ Failed/)).toBeAttached();
  await expect(page.getByRole('region', { name: 'Task runs' }).getByText(/^Finished task runs per interval by state; in this range: .*\d+ Completed or cancelled/)).toBeAttached();
  await page.goto(`/flows/flow/${demo.flowId}`);
  await expect(page.getByRole('region', { name: 'Run activity' }).getByText(/^Flow runs per interval by state; in this range: .*\d+ Failed/)).toBeAttached();
});
