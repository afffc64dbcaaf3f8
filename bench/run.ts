import { filterLatency, lifecycles, logIngest, type Figure } from './api.ts';
import { schedulerBench } from './scheduler.ts';
import { bundleBench, graphBench, logsBench, runsPageBench } from './dashboard.ts';
import { liveLatencyBench } from './live.ts';
import { loadBench } from './load.ts';
import { taskGridBench } from './task-grid.ts';
import { failuresBench } from './failures.ts';
import { eventsBench } from './events.ts';
import { automationsBench } from './automations.ts';

/** `npm run bench`: every benchmark, printed as a table. Figures, not pass/fail tests. */
const only = process.argv[2];
const suites: Record<string, () => Promise<Figure | Figure[]>> = {
  lifecycles: () => lifecycles(),
  logs: () => logIngest(),
  filter: () => filterLatency(),
  scheduler: () => schedulerBench(),
  'task-grid': () => taskGridBench(),
  failures: () => failuresBench(),
  // 1,000,000 stored events (BENCH_EVENTS), ingest through POST /api/events, query latencies.
  events: () => eventsBench(),
  // One automation firing on every event, 200 events at 10/s: event stored → action started.
  automations: () => automationsBench(),
  // 4 busy workers + 10 dashboards for SYNTASK_BENCH_LOAD_SECONDS (60), SQLite and PostgreSQL.
  load: () => loadBench(),
  // Dashboard in headless Chromium (`npm run bench dashboard` runs only these).
  'dashboard-bundle': () => bundleBench(),
  'dashboard-runs': () => runsPageBench(),
  'dashboard-logs': () => logsBench(),
  'dashboard-graph': () => graphBench(),
  'dashboard-live': () => liveLatencyBench(),
};

const figures: Figure[] = [];
for (const [name, run] of Object.entries(suites)) {
  if (only && only !== name && !(only === 'dashboard' && name.startsWith('dashboard-'))) continue;
  process.stdout.write(`running ${name}...\n`);
  figures.push(...[await run()].flat());
}
const fmt = (f: Figure) => (f.unit === 'ms' || f.unit === 'KB' ? f.value.toFixed(1) : Math.round(f.value).toLocaleString('en'));
console.log('\n| benchmark | result | target |\n|---|---|---|');
for (const f of figures) console.log(`| ${f.name} | ${fmt(f)} ${f.unit} | ${f.target ? `${f.target} ${f.ok ? '✓' : '✗'}` : ''} |`);
