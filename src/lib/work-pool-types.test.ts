import { describe, expect, it } from 'vitest';
import bundledText from '../../server/data/work-pool-types.json?raw';
import { poolTypesFromCatalog } from '../api/work-pools.ts';
import { groupPoolTypes, hasLocalWorker, orderPoolTypes } from './work-pool-types.ts';

const t = (type: string, displayName: string) => ({ type, displayName });

describe('pool types this distribution can run', () => {
  it('offers process first, then the types that need another worker, by name', () => {
    expect(orderPoolTypes([t('kubernetes', 'Kubernetes'), t('docker', 'Docker'), t('process', 'Process'), t('ecs', 'AWS Elastic Container Service')]).map((x) => x.type)).toEqual([
      'process',
      'ecs',
      'docker',
      'kubernetes',
    ]);
  });

  it('marks every bundled type but process as needing a worker that understands it', () => {
    const { local, other } = groupPoolTypes(poolTypesFromCatalog(JSON.parse(bundledText) as Record<string, unknown>));
    expect(local.map((x) => x.type)).toEqual(['process']);
    expect(other.map((x) => x.type)).toEqual(expect.arrayContaining(['docker', 'kubernetes', 'ecs', 'cloud-run', 'vertex-ai', 'azure-container-instance']));
    expect(other.some((x) => hasLocalWorker(x.type))).toBe(false);
  });
});
