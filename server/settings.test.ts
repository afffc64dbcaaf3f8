import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from './app.ts';
import { loadSettings, publicSettings, SETTINGS, SettingsError } from './settings.ts';

describe('settings', () => {
  it('defaults derive from SYNTASK_HOME, host and port', () => {
    const s = loadSettings({ SYNTASK_HOME: '/data/syntask', SYNTASK_SERVER_API_PORT: '4300' });
    expect(s.databaseUrl).toBe('sqlite:////data/syntask/syntask.db');
    expect(s.port).toBe(4300);
    expect(s.host).toBe('127.0.0.1');
    expect(s.apiUrl).toBe('http://127.0.0.1:4300/api');
    expect(s.uiApiUrl).toBe('http://127.0.0.1:4300/api');
    expect(s.csrfEnabled).toBe(false);
    expect(s.defaultLimit).toBe(200);
  });

  it('CLI overrides beat the environment, which beats defaults', () => {
    const s = loadSettings({ SYNTASK_SERVER_API_PORT: '4300', SYNTASK_SERVER_API_HOST: '0.0.0.0' }, { SYNTASK_SERVER_API_PORT: 5000 });
    expect(s.port).toBe(5000);
    // A wildcard bind address is not a URL a browser can call.
    expect(s.uiUrl).toBe('http://127.0.0.1:5000');
  });

  it('refuses malformed values with the variable named', () => {
    expect(() => loadSettings({ SYNTASK_SERVER_API_PORT: 'abc' })).toThrow(SettingsError);
    expect(() => loadSettings({ SYNTASK_SERVER_CSRF_PROTECTION_ENABLED: 'maybe' })).toThrow(/SYNTASK_SERVER_CSRF_PROTECTION_ENABLED/);
  });

  it('masks secrets and passwords in connection URLs', () => {
    const s = loadSettings({ SYNTASK_API_DATABASE_CONNECTION_URL: 'postgresql://user:hunter2@db:5432/syntask', SYNTASK_SECRET_KEY: 'k'.repeat(32), SYNTASK_SOMETHING_TOKEN: 't' });
    const shown = publicSettings(s);
    expect(shown.SYNTASK_API_DATABASE_CONNECTION_URL).toBe('postgresql://user:********@db:5432/syntask');
    expect(shown.SYNTASK_SECRET_KEY).toBe('********');
    expect(shown.SYNTASK_SOMETHING_TOKEN).toBe('********');
    expect(JSON.stringify(shown)).not.toContain('hunter2');
  });

  it('the README documents every setting', () => {
    const readme = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');
    const missing = SETTINGS.map((s) => s.env).filter((env) => !readme.includes(`\`${env}\``));
    expect(missing).toEqual([]);
  });
});

describe('event settings', () => {
  it('are on by default here; retention takes seconds or an ISO-8601 duration', () => {
    const s = loadSettings({});
    expect(s.events).toMatchObject({ enabled: true, triggersEnabled: true, retentionSeconds: 604800, maxLabels: 500, maxRelated: 500, maxSizeBytes: 1500000, streamOutEnabled: true });
    expect(loadSettings({ SYNTASK_EVENTS_RETENTION_PERIOD: 'P2DT1H' }).events.retentionSeconds).toBe(2 * 86400 + 3600);
    expect(loadSettings({ SYNTASK_EVENTS_RETENTION_PERIOD: '90' }).events.retentionSeconds).toBe(90);
    expect(() => loadSettings({ SYNTASK_EVENTS_RETENTION_PERIOD: 'a week' })).toThrow(SettingsError);
    expect(() => loadSettings({ SYNTASK_EVENTS_RETENTION_PERIOD: '0' })).toThrow(/above 0/);
    expect(loadSettings({ SYNTASK_EXPERIMENTAL_EVENTS: 'false' }).events).toMatchObject({ enabled: false, triggersEnabled: false });
  });
});
