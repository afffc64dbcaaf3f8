import { describe, expect, it } from 'vitest';
import { resolveApiUrl } from './api-url.ts';

describe('resolveApiUrl', () => {
  it('falls back to /api when the server advertises nothing usable', () => {
    expect(resolveApiUrl(undefined, 'https://example.com')).toBe('/api');
    expect(resolveApiUrl('', 'https://example.com')).toBe('/api');
    expect(resolveApiUrl(42, 'https://example.com')).toBe('/api');
  });

  it('keeps a configured API host, without a trailing slash', () => {
    expect(resolveApiUrl('https://api.example.com/api/', 'https://syntask.example.com')).toBe('https://api.example.com/api');
  });

  it('keeps a relative URL for the browser to resolve', () => {
    expect(resolveApiUrl('/syntask/api', 'https://example.com')).toBe('/syntask/api');
  });

  it("calls a loopback or wildcard address at the page's own origin, so requests stay same-origin", () => {
    expect(resolveApiUrl('http://127.0.0.1:4200/api/', 'http://localhost:4200')).toBe('http://localhost:4200/api');
    expect(resolveApiUrl('http://127.0.0.1:4200/api', 'http://localhost:5173')).toBe('http://localhost:5173/api');
    expect(resolveApiUrl('http://0.0.0.0:4200/api', 'http://syntask.internal:8080')).toBe('http://syntask.internal:8080/api');
    expect(resolveApiUrl('http://[::]:4200/api', 'https://syntask.internal')).toBe('https://syntask.internal/api');
  });
});
