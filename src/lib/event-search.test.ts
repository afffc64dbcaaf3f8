import { describe, expect, it } from 'vitest';
import { compactEventSearch, eventDay, eventFilter, eventLabel, parseEventSearch, resourceLabel, resourceRoute } from './event-search.ts';

describe('event feed search', () => {
  it('reads the URL with defaults and leaves defaults out of it', () => {
    expect(parseEventSearch({})).toEqual({ range: '24h' });
    expect(parseEventSearch({ prefix: ' syntask.flow-run. ', resource: 'syntask.flow.1', range: '7d' })).toEqual({ prefix: 'syntask.flow-run.', resource: 'syntask.flow.1', range: '7d' });
    expect(parseEventSearch({ range: 'forever', prefix: 'x'.repeat(2000), resource: 42 })).toEqual({ range: '24h' });
    expect(compactEventSearch({ range: '24h', prefix: 'a.' })).toEqual({ prefix: 'a.' });
  });

  it('asks for the range ending now, the prefix and the resource as primary or related', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    expect(eventFilter({ range: '1h', prefix: 'syntask.flow-run.', resource: 'syntask.flow.f1' }, now)).toEqual({
      occurred: { since: '2026-12-07T11:00:00.000Z', until: '2026-12-07T12:00:00.000Z' },
      event: { prefix: ['syntask.flow-run.'] },
      any_resource: { id: ['syntask.flow.f1'] },
      order: 'DESC',
    });
    expect(eventFilter({ range: '24h' }, now)).not.toHaveProperty('event');
  });

  it('links resources to their pages and names them', () => {
    expect(resourceRoute({ 'syntask.resource.id': 'syntask.flow-run.abc' })).toBe('/runs/flow-run/abc');
    expect(resourceRoute({ 'syntask.resource.id': 'syntask.deployment.d1' })).toBe('/deployments/deployment/d1');
    expect(resourceRoute({ 'syntask.resource.id': 'syntask.work-pool.p1', 'syntask.resource.name': 'my pool' })).toBe('/work-pools/work-pool/my%20pool');
    expect(resourceRoute({ 'syntask.resource.id': 'syntask.work-pool.p1' })).toBeNull();
    expect(resourceRoute({ 'syntask.resource.id': 'acme.order.1' })).toBeNull();
    expect(resourceLabel({ 'syntask.resource.id': 'syntask.tag.prod' })).toBe('#prod');
    expect(resourceLabel({ 'syntask.resource.id': 'syntask.flow.f1' })).toBe('flow f1');
    expect(resourceLabel({ 'syntask.resource.id': 'syntask.flow.f1', 'syntask.resource.name': 'etl' })).toBe('etl');
    expect(eventLabel('syntask.flow-run.AwaitingRetry')).toBe('Flow run AwaitingRetry');
    expect(eventLabel('syntask.worker.submitted-flow-run')).toBe('Worker submitted flow run');
    expect(eventLabel('acme.order.shipped')).toBe('acme.order.shipped');
    expect(eventDay('2026-12-07T23:59:59.999000+00:00')).toBe('2026-12-07');
  });
});
