import { describe, expect, it } from 'vitest';
import { resolveApiUrl } from './api-url.ts';

describe('resolveApiUrl', () => {
  it('falls back to /api when the server advertises nothing usable', () => {
    expect(resolveApiUrl(undefined, 'example.com')).toBe('/api');
    expect(resolveApiUrl('', 'example.com')).toBe('/api');
    expect(resolveApiUrl(42, 'example.com')).toBe('/api');
  });

  it('keeps a reachable absolute URL, without a trailing slash', () => {
    expect(resolveApiUrl('http://127.0.0.1:4200/api/', 'localhost:5173')).toBe('http://127.0.0.1:4200/api');
  });

  it('keeps a relative URL for the browser to resolve', () => {
    expect(resolveApiUrl('/syntask/api', 'example.com')).toBe('/syntask/api');
  });

  it("replaces a wildcard bind address with the page's host and port", () => {
    expect(resolveApiUrl('http://0.0.0.0:4200/api', 'syntask.internal:8080')).toBe('http://syntask.internal:8080/api');
    expect(resolveApiUrl('http://[::]:4200/api', 'syntask.internal')).toBe('http://syntask.internal/api');
  });
});
