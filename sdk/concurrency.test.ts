import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/testing/harness.ts';
import { currentFlowRunContext } from './context.ts';
import { concurrency, ConcurrencySlotTimeoutError, flow, rateLimit, SyntaskApiError } from './index.ts';

const BASE = '/api/v2/concurrency_limits';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  process.env.SYNTASK_API_URL = s.api;
  process.env.SYNTASK_LOGGING_TO_CONSOLE = 'false';
});
afterAll(() => s.close());

const limit = async (body: Record<string, unknown>) => {
  const name = `sdk-${randomUUID().slice(0, 8)}`;
  expect((await s.post(`${BASE}/`, { name, ...body })).status).toBe(201);
  return name;
};
const state = async (name: string) => (await s.post(`${BASE}/filter`, {})).body.find((l: { name: string }) => l.name === name);

describe('concurrency()', () => {
  it('holds the slots while the block runs, returns its value and gives them back with the time held', async () => {
    const name = await limit({ limit: 2 });
    const value = await concurrency(
      name,
      async () => {
        expect((await state(name)).active_slots).toBe(2);
        await sleep(100);
        return 'done';
      },
      { occupy: 2 },
    );
    expect(value).toBe('done');
    const after = await state(name);
    expect(after.active_slots).toBe(0);
    // Moved from the default 2 s towards the ~0.05 s per slot held.
    expect(after.avg_slot_occupancy_seconds).toBeLessThan(2);
  });

  it('gives the slots back when the block throws, and rethrows its error', async () => {
    const name = await limit({ limit: 1 });
    await expect(
      concurrency(name, () => {
        throw new Error('block failed');
      }),
    ).rejects.toThrow('block failed');
    expect((await state(name)).active_slots).toBe(0);
  });

  it('waits on a full limit as long as Retry-After says, then runs', async () => {
    const name = await limit({ limit: 4 });
    expect((await s.post(`${BASE}/increment`, { names: [name], slots: 4 })).status).toBe(200);
    setTimeout(() => void s.post(`${BASE}/decrement`, { names: [name], slots: 1 }), 200);
    const started = Date.now();
    let ran = false;
    await concurrency(name, () => void (ran = true));
    const waited = Date.now() - started;
    expect(ran).toBe(true);
    // Retry-After: average occupancy 2 s over 4 slots = 0.5 s (plus up to 20 % jitter).
    expect(waited).toBeGreaterThanOrEqual(450);
    expect(waited).toBeLessThan(3000);
    expect(await state(name)).toMatchObject({ active_slots: 3, denied_slots: 1 });
  });

  it('gives up after timeoutSeconds without running the block', async () => {
    const name = await limit({ limit: 1, active_slots: 1 });
    let ran = false;
    const started = Date.now();
    const err = await concurrency(name, () => void (ran = true), { timeoutSeconds: 0.3 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConcurrencySlotTimeoutError);
    expect(ran).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await state(name)).active_slots).toBe(1);
  });

  it('never lets more blocks run at once than the limit', async () => {
    const name = await limit({ limit: 3 });
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        concurrency(name, async () => {
          peak = Math.max(peak, ++running);
          await sleep(60);
          running--;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect((await state(name)).active_slots).toBe(0);
  });

  it('takes several limits at once, and inactive or unknown names never make it wait', async () => {
    const a = await limit({ limit: 1 });
    const off = await limit({ limit: 1, active: false, active_slots: 1 });
    const unknown = `sdk-unknown-${randomUUID().slice(0, 8)}`;
    await concurrency([a, off, unknown], async () => expect((await state(a)).active_slots).toBe(1), { timeoutSeconds: 1 });
    expect((await state(a)).active_slots).toBe(0);
    expect(await state(unknown)).toMatchObject({ active: false, limit: 1 });
  });

  it('uses the run client inside a flow', async () => {
    const name = await limit({ limit: 1 });
    const f = flow({ name: 'sdk-global-concurrency' }, () => concurrency(name, async () => (await state(name)).active_slots));
    expect(await f()).toBe(1);
  });

  it('names its flow run while it waits, so the run page can say which limit holds it', async () => {
    const name = await limit({ limit: 1 });
    await s.post(`${BASE}/increment`, { names: [name], slots: 1 });
    let runId = '';
    const f = flow({ name: 'sdk-held-by-global-limit' }, async () => {
      runId = currentFlowRunContext()!.flowRun.id;
      return concurrency(name, () => 'got it', { timeoutSeconds: 10 });
    });
    const result = f();
    const explain = async () => (await s.post('/api/ui/flow_runs/delay_explanations', { flow_run_ids: [runId] })).body[runId];
    await expect.poll(async () => runId && (await explain())?.code, { timeout: 5_000 }).toBe('global_limit_full');
    await s.post(`${BASE}/decrement`, { names: [name], slots: 1 });
    expect(await result).toBe('got it');
    expect(await explain()).toBeNull();
  });
});

describe('rateLimit()', () => {
  it('admits as fast as the slots decay, without releasing', async () => {
    const name = await limit({ limit: 2, slot_decay_per_second: 10 });
    const started = Date.now();
    for (let i = 0; i < 4; i++) await rateLimit(name);
    // Two at once, then one every 0.1 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(Date.now() - started).toBeLessThan(3000);
    expect((await state(name)).denied_slots).toBeGreaterThanOrEqual(1);
  });

  it('refuses a limit without decay (422)', async () => {
    const name = await limit({ limit: 2 });
    const err = await rateLimit(name).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyntaskApiError);
    expect((err as SyntaskApiError).status).toBe(422);
  });
});
