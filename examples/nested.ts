import { flow, getRunLogger, task, z } from 'syntask';

/** Two levels of subflows: a pipeline runs one flow per region, each of which runs a flow per shard. */

const processShard = task({ name: 'process-shard' }, async (region: string, shard: number) => {
  await new Promise((r) => setTimeout(r, 200 + shard * 100));
  getRunLogger().info(`Processed shard ${shard} of ${region}`);
  return shard * 10;
});

export const shardFlow = flow({ name: 'shard-batch', parameters: z.object({ region: z.string(), shards: z.number().int().min(1) }) }, async ({ region, shards }) => {
  const results = await Promise.all(processShard.map([region], Array.from({ length: shards }, (_, i) => i)).map((f) => f.result()));
  return results.reduce((a, b) => a + b, 0);
});

export const regionFlow = flow({ name: 'region-rollup', parameters: z.object({ region: z.string() }) }, async ({ region }) => {
  const first = await shardFlow({ region, shards: 2 });
  const second = await shardFlow({ region, shards: 3 });
  return { region, total: first + second };
});

export const pipeline = flow({ name: 'multi-region-pipeline', description: 'Runs a subflow per region, each with its own subflows.' }, async () => {
  const totals = [];
  for (const region of ['eu-west', 'us-east']) totals.push(await regionFlow({ region }));
  return totals;
});
