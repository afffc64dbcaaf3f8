import { filterLatency, lifecycles, logIngest, type Figure } from './api.ts';
import { schedulerBench } from './scheduler.ts';

/** `npm run bench`: every benchmark, printed as a table. Figures, not pass/fail tests. */
const only = process.argv[2];
const suites: Record<string, () => Promise<Figure | Figure[]>> = {
  lifecycles: () => lifecycles(),
  logs: () => logIngest(),
  filter: () => filterLatency(),
  scheduler: () => schedulerBench(),
};

const figures: Figure[] = [];
for (const [name, run] of Object.entries(suites)) {
  if (only && only !== name) continue;
  process.stdout.write(`running ${name}...\n`);
  figures.push(...[await run()].flat());
}
const fmt = (f: Figure) => (f.unit === 'ms' ? f.value.toFixed(1) : Math.round(f.value).toLocaleString('en'));
console.log('\n| benchmark | result | target |\n|---|---|---|');
for (const f of figures) console.log(`| ${f.name} | ${fmt(f)} ${f.unit} | ${f.target ? `${f.target} ${f.ok ? '✓' : '✗'}` : ''} |`);
