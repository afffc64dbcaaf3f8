import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskSecrets, restoreMaskedSecrets, SECRET_MASK } from './block-secrets.ts';
import { loadSecretBox, SecretBox, SecretKeyError } from './secret-box.ts';

const M = SECRET_MASK;

describe('secret fields', () => {
  const data = { a: 's1', b: 'plain', w: { k: 'v', n: { deep: 1 }, e: null }, child: { a: 's2', c: { x: 'y' }, keep: 'k' }, nil: null };
  const fields = ['a', 'w.*', 'child.a', 'child.c.*', 'nil', 'missing.path', 'child.missing'];

  it('masks top-level, dotted and wildcard paths; null values stay null', () => {
    expect(maskSecrets(data, fields)).toEqual({ a: M, b: 'plain', w: { k: M, n: { deep: M }, e: null }, child: { a: M, c: { x: M }, keep: 'k' }, nil: null });
    expect(data.a).toBe('s1');
  });

  it('an exact path to an object masks the whole object', () => {
    expect(maskSecrets({ creds: { user: 'u', password: 'p' } }, ['creds'])).toEqual({ creds: M });
  });

  it('restores masked values from the stored data and keeps new values', () => {
    const incoming = { a: M, b: 'changed', w: { k: M, n: { deep: 'new' } }, child: { a: M, c: { x: M } }, added: M };
    expect(restoreMaskedSecrets(incoming, data, [...fields, 'added'])).toEqual({ a: 's1', b: 'changed', w: { k: 'v', n: { deep: 'new' } }, child: { a: 's2', c: { x: 'y' } }, added: M });
  });
});

describe('encryption at rest', () => {
  it('round-trips, binds the ciphertext to its row and refuses another key', () => {
    const box = new SecretBox('k'.repeat(40));
    const stored = box.encrypt('{"password":"hunter2"}', 'row-1');
    expect(stored).not.toContain('hunter2');
    expect(box.decrypt(stored, 'row-1')).toBe('{"password":"hunter2"}');
    expect(() => box.decrypt(stored, 'row-2')).toThrow(SecretKeyError);
    expect(() => new SecretBox('another-key-0123456789abcdef0123').decrypt(stored, 'row-1')).toThrow(SecretKeyError);
  });

  it('without SYNTASK_SECRET_KEY: generates a 0600 key file once (SQLite); PostgreSQL refuses', () => {
    const home = mkdtempSync(join(tmpdir(), 'syntask-key-'));
    try {
      const first = loadSecretBox({ secretKey: '', home }, 'sqlite');
      const file = join(home, 'secret-key');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const key = readFileSync(file, 'utf8');
      const second = loadSecretBox({ secretKey: '', home }, 'sqlite');
      expect(readFileSync(file, 'utf8')).toBe(key);
      expect(second.decrypt(first.encrypt('x', 'id'), 'id')).toBe('x');
      expect(() => loadSecretBox({ secretKey: '', home }, 'postgres')).toThrow(/SYNTASK_SECRET_KEY/);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
