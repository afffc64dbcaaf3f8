// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { needsRole, roleAllows } from './auth.ts';
import { api, setUnauthorizedHandler, unwrap } from './client.ts';

// The API client keeps the `fetch` it was created with: replace it before the client is imported.
const network = vi.hoisted(() => {
  const state = { answer: (_request: Request): Response => Response.error() };
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => state.answer(input instanceof Request ? input : new Request(String(input), init));
  return state;
});

describe('roles', () => {
  it('rank viewer < operator < admin, as the server table does', () => {
    expect(roleAllows('admin', 'operator')).toBe(true);
    expect(roleAllows('operator', 'operator')).toBe(true);
    expect(roleAllows('viewer', 'operator')).toBe(false);
    expect(roleAllows('operator', 'admin')).toBe(false);
    expect(needsRole('admin')).toBe('Needs the admin role');
  });
});

describe('a 401 from the API', () => {
  /** A server with sign-in on whose session is gone: every API call answers 401. */
  function serverWithoutSession() {
    const calls: { url: string; headers: Headers }[] = [];
    network.answer = (request) => {
      calls.push({ url: request.url, headers: request.headers });
      if (new URL(request.url).pathname === '/ui-settings') return Response.json({ api_url: '/api', csrf_enabled: true, auth_enabled: true, flags: [] });
      return Response.json({ detail: 'Not authenticated.' }, { status: 401 });
    };
    const lost: string[] = [];
    setUnauthorizedHandler((path) => lost.push(path));
    return { calls, lost };
  }

  it('reports a lost session once per request, but not for signing in or asking who is signed in', async () => {
    const { lost, calls } = serverWithoutSession();
    await expect(unwrap(api.GET('/api/admin/version'))).rejects.toMatchObject({ status: 401 });
    expect(lost).toEqual(['/api/admin/version']);
    // A write asks for a CSRF token first: that request is the one answered 401.
    await expect(unwrap(api.POST('/api/flows/filter', { body: {} }))).rejects.toMatchObject({ status: 401 });
    expect(lost).toEqual(['/api/admin/version', '/csrf-token']);
    await expect(unwrap(api.POST('/api/auth/login', { body: { name: 'vera', password: 'wrong-password' } }))).rejects.toMatchObject({ status: 401, message: 'Not authenticated.' });
    await expect(unwrap(api.GET('/api/auth/me'))).rejects.toMatchObject({ status: 401 });
    expect(lost).toHaveLength(2);
    // Signing in needs no CSRF token (none can be had before): no token request, no token header.
    const login = calls.find((c) => c.url.endsWith('/api/auth/login'));
    expect(login?.headers.get('syntask-csrf-token')).toBeNull();
    expect(calls.filter((c) => c.url.includes('/csrf-token'))).toHaveLength(1);
  });
});
