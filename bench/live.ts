import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.ts';
import { ensureDashboardBuilt } from '../sdk/cli/ui-build.ts';
import { seedFlowRuns, type Figure } from './api.ts';
import { percentile, post, startBenchServer, tempHome } from './lib.ts';

/**
 * Issue 14: how long a state change made through the API takes to show on an open run page
 * and on the runs list (over `count` flow runs), in headless Chromium, pushed by the live
 * streams. From just before the API call until the new state name is in the page.
 */
export async function liveLatencyBench(count = 100_000, changes = 40): Promise<Figure[]> {
  await ensureDashboardBuilt();
  const home = tempHome();
  await seedFlowRuns(home, count);
  const server = await startBenchServer(home, { SYNTASK_UI_ENABLED: 'true' });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    const flow = (await post(server.url, '/api/flows/', { name: 'live-latency' })).body as { id: string };
    const run = (await post(server.url, '/api/flow_runs/', { flow_id: flow.id, name: 'live-latency-run', state: { type: 'RUNNING' } })).body as { id: string };
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const runPage = await context.newPage();
    const listPage = await context.newPage();
    await runPage.goto(`${server.url}/runs/flow-run/${run.id}`);
    await listPage.goto(`${server.url}/runs?q=live-latency-run`);
    const shows = (page: Page, text: string) => page.waitForFunction((t) => document.body.innerText.includes(t), text, { polling: 'raf', timeout: 30_000 }).then(() => undefined);
    await Promise.all([shows(runPage, 'Running'), shows(listPage, 'live-latency-run')]);
    // Both pages' streams are open before the first change.
    await Promise.all([runPage.getByRole('status', { name: 'Server connection' }).getByText('Live').waitFor(), listPage.getByRole('status', { name: 'Server connection' }).getByText('Live').waitFor()]);

    const onRun: number[] = [];
    const onList: number[] = [];
    for (let i = 0; i < changes; i++) {
      const name = `Step${i}`;
      const started = Date.now();
      const seen = (page: Page, into: number[]) => shows(page, name).then(() => into.push(Date.now() - started));
      const both = Promise.all([seen(runPage, onRun), seen(listPage, onList)]);
      const res = await post(server.url, `/api/flow_runs/${run.id}/set_state`, { state: { type: 'RUNNING', name }, force: true });
      if (res.status >= 300) throw new Error(`set_state answered ${res.status}`);
      await both;
      // Changes a user would see one by one, not a burst.
      await new Promise((r) => setTimeout(r, 150));
    }
    onRun.sort((a, b) => a - b);
    onList.sort((a, b) => a - b);
    const figure = (label: string, values: number[]): Figure[] => [
      { name: `${label}: p50`, value: percentile(values, 50), unit: 'ms' },
      { name: `${label}: p95`, value: percentile(values, 95), unit: 'ms', target: '≤ 1000 ms', ok: percentile(values, 95) <= 1000 },
    ];
    return [...figure('state change → open run page', onRun), ...figure(`state change → runs list over ${count.toLocaleString('en')} runs`, onList)];
  } finally {
    await browser.close();
    await server.stop();
  }
}
