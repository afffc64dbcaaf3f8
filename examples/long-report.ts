import { createMarkdownArtifact, flow, getRunLogger, task } from 'syntask';

/** Thousands of log lines (some coloured), a markdown report, and a task mapped over 500 items. */

const RESET = '\x1b[0m';
const COLORS = { green: '\x1b[32m', yellow: '\x1b[33m', red: '\x1b[31m', cyan: '\x1b[36m', bold: '\x1b[1m' };

const score = task({ name: 'score-item' }, async (item: number) => {
  await new Promise((r) => setTimeout(r, 5 + (item % 7)));
  return (item * 7919) % 100;
});

export const longReport = flow({ name: 'long-report', description: 'Scores 500 items, logs a lot, and publishes a markdown report.' }, async () => {
  const logger = getRunLogger();
  for (let i = 0; i < 3000; i++) {
    if (i % 500 === 0) logger.info(`${COLORS.bold}${COLORS.cyan}== section ${i / 500 + 1} of 6 ==${RESET}`);
    else if (i % 97 === 0) logger.warning(`${COLORS.yellow}slow response from shard ${i % 13}${RESET} (${(i % 900) + 100} ms)`);
    else if (i % 251 === 0) logger.error(`${COLORS.red}checksum mismatch on block ${i}${RESET}, re-reading`);
    else logger.info(`${COLORS.green}ok${RESET} processed record ${i} (batch ${Math.floor(i / 100)})`);
  }
  const scores = await Promise.all(score.map(Array.from({ length: 500 }, (_, i) => i)).map((f) => f.result()));
  const average = scores.reduce((a, b) => a + b, 0) / scores.length;
  const buckets = [0, 20, 40, 60, 80].map((low) => ({ range: `${low}–${low + 19}`, count: scores.filter((s) => s >= low && s < low + 20).length }));
  await createMarkdownArtifact({
    key: 'quality-report',
    description: 'Score distribution of the latest run',
    markdown: [`# Quality report`, '', `Scored **${scores.length}** items; average **${average.toFixed(1)}**.`, '', '| Score | Items |', '|---|---|', ...buckets.map((b) => `| ${b.range} | ${b.count} |`)].join('\n'),
  });
  return { average };
});
