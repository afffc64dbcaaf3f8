import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.ts';

describe('the page to return to after sign-in', () => {
  it('keeps paths of this dashboard with their search and hash', () => {
    expect(safeNext('/runs')).toBe('/runs');
    expect(safeNext('/runs/flow-run/abc?tab=logs&level=20#x')).toBe('/runs/flow-run/abc?tab=logs&level=20#x');
  });

  it('falls back to the dashboard for anything that could leave the origin', () => {
    for (const next of ['https://evil.test/', '//evil.test/x', '/\\evil.test', '/\t/evil.test', 'javascript:alert(1)', 'runs', '', undefined, 42, null]) {
      expect(safeNext(next), String(next)).toBe('/dashboard');
    }
  });

  it('never returns to the sign-in page itself', () => {
    expect(safeNext('/sign-in?next=/runs')).toBe('/dashboard');
  });
});
