import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIndexHtml, routePattern } from './ui-preload.ts';

describe('routePattern', () => {
  it('maps flat file-route names to paths, with parameters and index routes', () => {
    expect(routePattern('runs.flow-run.$id')!.test('/runs/flow-run/abc')).toBe(true);
    expect(routePattern('runs.flow-run.$id')!.test('/runs/flow-run/abc/extra')).toBe(false);
    expect(routePattern('blocks.catalog.index')!.test('/blocks/catalog/')).toBe(true);
    expect(routePattern('blocks.catalog.index')!.test('/blocks/catalog/x')).toBe(false);
    expect(routePattern('index')!.test('/')).toBe(true);
    expect(routePattern('__root')).toBeNull();
  });
});

describe('createIndexHtml', () => {
  const dir = mkdtempSync(join(tmpdir(), 'syntask-ui-'));
  writeFileSync(join(dir, 'index.html'), '<html><head><script type="module" src="/assets/index.js"></script></head><body></body></html>');

  it('answers the plain file without a manifest', () => {
    expect(createIndexHtml(dir)('/runs')).not.toContain('modulepreload');
  });

  it('preloads the chunks of the route a path opens on, minus what the entry already loads; literal routes first', () => {
    mkdirSync(join(dir, '.vite'), { recursive: true });
    writeFileSync(
      join(dir, '.vite', 'manifest.json'),
      JSON.stringify({
        'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_shared.js'] },
        '_shared.js': { file: 'assets/shared.js' },
        '_table.js': { file: 'assets/table.js', imports: ['_shared.js', '_icons.js'] },
        '_icons.js': { file: 'assets/icons.js' },
        'src/routes/work-pools.create.tsx?tsr-split=component': { file: 'assets/create.js', imports: ['index.html'] },
        'src/routes/work-pools.$name.tsx?tsr-split=component': { file: 'assets/pool.js', imports: ['index.html', '_table.js'] },
      }),
    );
    const html = createIndexHtml(dir);
    const pool = html('/work-pools/demo');
    expect(pool).toContain('<link rel="modulepreload" crossorigin href="/assets/pool.js">');
    expect(pool).toContain('href="/assets/table.js"');
    expect(pool).toContain('href="/assets/icons.js"');
    expect(pool).not.toContain('href="/assets/shared.js"');
    expect(html('/work-pools/create')).toContain('href="/assets/create.js"');
    expect(html('/work-pools/create')).not.toContain('pool.js');
    expect(html('/unknown/page')).not.toContain('modulepreload');
  });
});
