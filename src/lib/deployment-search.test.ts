import { describe, expect, it } from 'vitest';
import { deploymentFilterBody, parseCustomRunSearch, parseDeploymentSearch, parseDeploymentsSearch } from './deployment-search.ts';

const id = '4f9d3c1e-8b2a-4c5d-9e6f-7a8b9c0d1e2f';

describe('deployment search params', () => {
  it('keeps valid list filters, drops malformed ones and defaults', () => {
    expect(parseDeploymentsSearch({ q: 'etl', flow: [id, 'nope'], tag: 'demo', pool: ['demo', 'demo'], status: 'paused', page: 2 })).toEqual({ q: 'etl', flow: [id], tag: ['demo'], pool: ['demo'], status: 'paused', page: 2 });
    expect(parseDeploymentsSearch({ q: '  ', status: 'weird', page: 1 })).toEqual({});
  });

  it('builds the filter body', () => {
    expect(deploymentFilterBody({ q: 'etl', tag: ['a'], flow: [id], pool: ['demo'], status: 'active' })).toEqual({
      deployments: { name: { like_: 'etl' }, tags: { all_: ['a'] }, paused: { eq_: false } },
      flows: { id: { any_: [id] } },
      work_pools: { name: { any_: ['demo'] } },
    });
    expect(deploymentFilterBody({})).toEqual({});
  });

  it('reads the deployment page tab and the custom-run prefill', () => {
    expect(parseDeploymentSearch({ tab: 'parameters', page: 3 })).toEqual({ tab: 'parameters', page: 3 });
    expect(parseDeploymentSearch({ tab: 'runs' })).toEqual({});
    expect(parseDeploymentSearch({ tab: 'graph' })).toEqual({});
    expect(parseCustomRunSearch({ from: id })).toEqual({ from: id });
    expect(parseCustomRunSearch({ from: 'x' })).toEqual({});
  });
});
