import { describe, expect, it } from 'vitest';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { invalidateAfterChange } from './refetch.ts';

/** A server value and reads of it that land only when released, as on a busy server. */
function slowServer(initial: string) {
  let value = initial;
  const inFlight: (() => void)[] = [];
  let reads = 0;
  const queryFn = () => {
    reads += 1;
    const read = value; // read when the request is served, landing later
    return new Promise<string>((resolve) => inFlight.push(() => resolve(read)));
  };
  return {
    queryFn,
    set: (v: string) => (value = v),
    reads: () => reads,
    /** Lets every read in flight land. */
    land: async () => {
      while (inFlight.length) inFlight.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

/** A page observing one run read from a slow server, after its first read landed. */
async function observed(initial: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const server = slowServer(initial);
  const observer = new QueryObserver(queryClient, { queryKey: ['run', 'detail', 'r1'], queryFn: server.queryFn, staleTime: Infinity });
  const off = observer.subscribe(() => undefined);
  await server.land();
  return { queryClient, server, observer, off };
}

describe('invalidateAfterChange', () => {
  it('reads again a query whose fetch was in flight when the change happened: the page ends on the new value', async () => {
    const { queryClient, server, observer, off } = await observed('Running');
    expect(observer.getCurrentResult().data).toBe('Running');

    // A task changed: a refetch starts and reads "Running"; the run completes while it is in flight.
    void invalidateAfterChange(queryClient, { queryKey: ['run'] });
    expect(queryClient.getQueryState(['run', 'detail', 'r1'])?.fetchStatus).toBe('fetching');
    server.set('Completed');
    void invalidateAfterChange(queryClient, { queryKey: ['run'] });
    await server.land(); // the stale read lands
    await server.land(); // the read it caused
    expect(observer.getCurrentResult().data).toBe('Completed');
    expect(server.reads()).toBe(3);
    off();
  });

  it('with nothing in flight, one change is one read; an idle query is not read again later', async () => {
    const { queryClient, server, observer, off } = await observed('Running');
    server.set('Completed');
    void invalidateAfterChange(queryClient, { queryKey: ['run'] });
    await server.land();
    await server.land();
    expect(observer.getCurrentResult().data).toBe('Completed');
    expect(server.reads()).toBe(2);
    off();
  });

  it('many changes during one slow read cost one more read, not one each', async () => {
    const { queryClient, server, observer, off } = await observed('0');
    void invalidateAfterChange(queryClient, { queryKey: ['run'] });
    for (let i = 1; i <= 5; i++) {
      server.set(String(i));
      void invalidateAfterChange(queryClient, { queryKey: ['run'] });
    }
    await server.land();
    await server.land();
    await server.land();
    expect(observer.getCurrentResult().data).toBe('5');
    expect(server.reads()).toBe(3);
    off();
  });

  it('a hidden tab (refetchType none) only marks the query: it is read when next observed', async () => {
    const { queryClient, server, off } = await observed('Running');
    void invalidateAfterChange(queryClient, { queryKey: ['run'] });
    server.set('Completed');
    void invalidateAfterChange(queryClient, { queryKey: ['run'], refetchType: 'none' });
    await server.land();
    await server.land();
    expect(server.reads()).toBe(2);
    expect(queryClient.getQueryState(['run', 'detail', 'r1'])?.isInvalidated).toBe(true);
    off();
  });

  it('a change seen on screen is not downgraded by a later one seen while hidden: the query is read again', async () => {
    const { queryClient, server, observer, off } = await observed('Running');
    void invalidateAfterChange(queryClient, { queryKey: ['run'] });
    server.set('Completed');
    void invalidateAfterChange(queryClient, { queryKey: ['run'] });
    void invalidateAfterChange(queryClient, { queryKey: ['run'], refetchType: 'none' });
    await server.land();
    await server.land();
    expect(observer.getCurrentResult().data).toBe('Completed');
    expect(server.reads()).toBe(3);
    off();
  });
});
