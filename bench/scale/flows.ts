import { randomUUID } from 'node:crypto';
import { flow, getRunContext, getRunLogger } from '../../sdk/index.ts';

/**
 * The flow the scale test's workers run. Each execution logs one marker with its own
 * nonce: a run executed twice shows two nonces, while a log batch a client re-sent after
 * a replica died only repeats the same one.
 */
export const marker = flow({ name: 'scale-marker' }, async () => {
  const ctx = getRunContext();
  getRunLogger().info(`marker ${ctx?.kind === 'flow' ? ctx.flowRun.id : '?'} ${randomUUID()}`);
  await new Promise((r) => setTimeout(r, 300));
  return 'ok';
});
