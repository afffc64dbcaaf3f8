import { describe, expect, it } from 'vitest';
import { runPlace } from './run-place.ts';

const base = { context: {}, infrastructure_pid: null, work_pool_name: null, deployment_id: null };

describe('where a run ran', () => {
  it('a script with no server: host and embedded API', () => {
    const place = runPlace({ ...base, context: { runner: { hostname: 'laptop', pid: 42, api: 'embedded', api_url: null, profile: null } } });
    expect(place?.summary).toBe('laptop · script, embedded API');
    expect(place?.detail).toMatch(/no server running/);
    expect(place?.detail).toContain('pid 42');
  });

  it('a script through a server names the server and the profile', () => {
    const place = runPlace({ ...base, context: { runner: { hostname: 'ci-3', pid: 7, api: 'server', api_url: 'http://team:4200/api', profile: 'team' } } });
    expect(place?.summary).toBe('ci-3 · script');
    expect(place?.detail).toContain('http://team:4200/api');
    expect(place?.detail).toContain('profile team');
  });

  it('a worker run: host and process from infrastructure_pid, and the pool', () => {
    const place = runPlace({ ...base, infrastructure_pid: 'box-1:9912', work_pool_name: 'local' });
    expect(place).toEqual({ summary: 'box-1 · worker', detail: 'Started by a worker of pool local on box-1 as process 9912.' });
  });

  it('nothing reported: nothing claimed', () => {
    expect(runPlace(base)).toBeNull();
    expect(runPlace({ ...base, context: { runner: 'garbage' } })).toBeNull();
  });
});
