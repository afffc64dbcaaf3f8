import { describe, expect, it } from 'vitest';
import { auditFilterBody, compactAuditSearch, parseAuditSearch, readableOperation, resourceLabel, resourceRoute } from './audit-log-search.ts';

describe('audit log search params', () => {
  it('keeps valid filters and drops malformed ones', () => {
    expect(parseAuditSearch({})).toEqual({ range: 'all', page: 1 });
    expect(parseAuditSearch({ who: ' otto ', resource: 'flow_runs', outcome: 'denied', range: '7d', page: 3 })).toEqual({ who: 'otto', resource: 'flow_runs', outcome: 'denied', range: '7d', page: 3 });
    expect(parseAuditSearch({ who: '', resource: 'DROP TABLE', outcome: 'maybe', range: '1y', page: -2 })).toEqual({ range: 'all', page: 1 });
  });

  it('reads a custom range only with a valid bound', () => {
    expect(parseAuditSearch({ range: 'custom', from: '2026-01-01T00:00:00+02:00' })).toEqual({ range: 'custom', from: '2025-12-31T22:00:00.000Z', to: undefined, page: 1 });
    expect(parseAuditSearch({ range: 'custom', from: 'yesterday' }).range).toBe('all');
  });

  it('leaves defaults out of the URL and round-trips the rest', () => {
    expect(compactAuditSearch({ range: 'all', page: 1 })).toEqual({});
    const search = parseAuditSearch({ who: 'otto', range: 'custom', from: '2026-01-01T00:00:00.000Z', page: 2 });
    expect(parseAuditSearch(compactAuditSearch(search) as Record<string, unknown>)).toEqual(search);
  });

  it('builds the filter body; relative ranges start on a whole minute', () => {
    const now = Date.parse('2026-03-01T12:34:56.789Z');
    expect(auditFilterBody({ who: 'otto', resource: 'deployments', outcome: 'success', range: '24h', page: 1 }, now)).toEqual({
      actor: 'otto',
      resource_type: 'deployments',
      outcome: 'success',
      after: '2026-02-28T12:34:00.000Z',
    });
    expect(auditFilterBody({ range: 'custom', from: 'a', to: 'b', page: 1 }, now)).toEqual({ after: 'a', before: 'b' });
    expect(auditFilterBody({ range: 'all', page: 1 }, now)).toEqual({});
  });
});

describe('audit entries shown readably', () => {
  it('turns operation ids into words', () => {
    expect(readableOperation('setFlowRunState')).toBe('Set flow run state');
    expect(readableOperation('createApiKey')).toBe('Create API key');
    expect(readableOperation('resetAPIKey')).toBe('Reset API key');
    expect(readableOperation('createFlowRunFromDeployment')).toBe('Create flow run from deployment');
    expect(readableOperation('authLogin')).toBe('Sign in');
  });

  it('names resource types', () => {
    expect(resourceLabel('flow_runs')).toBe('Flow run');
    expect(resourceLabel('mystery_things')).toBe('Mystery things');
  });

  it('links a resource to its dashboard page where one exists', () => {
    expect(resourceRoute('flow_runs', 'r1')).toEqual({ to: '/runs/flow-run/$id', params: { id: 'r1' } });
    expect(resourceRoute('task_runs', 't1')).toEqual({ to: '/runs/task-run/$id', params: { id: 't1' } });
    expect(resourceRoute('deployments', 'd1')).toEqual({ to: '/deployments/deployment/$id', params: { id: 'd1' } });
    expect(resourceRoute('block_documents', 'b1')).toEqual({ to: '/blocks/block/$id', params: { id: 'b1' } });
    expect(resourceRoute('work_pools', 'demo')).toEqual({ to: '/work-pools/work-pool/$name', params: { name: 'demo' } });
    expect(resourceRoute('flows', 'f1')).toEqual({ to: '/flows/flow/$id', params: { id: 'f1' } });
    expect(resourceRoute('variables', null)).toEqual({ to: '/variables' });
    expect(resourceRoute('users', 'u1')).toBeNull();
    expect(resourceRoute('flow_runs', null)).toBeNull();
  });
});
