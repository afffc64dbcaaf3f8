import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Encryption at rest for block document data: AES-256-GCM with a random 96-bit nonce per
 * value and the row id as additional data (a ciphertext copied to another row does not
 * decrypt). The 256-bit key is derived with HKDF-SHA256 from `SYNTASK_SECRET_KEY`, or,
 * for a single SQLite server without it, from a random key generated once into
 * `$SYNTASK_HOME/secret-key` (mode 0600).
 */

const VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class SecretKeyError extends Error {}

export class SecretBox {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.from('syntask'), Buffer.from('block-document-data v1'), 32));
  }

  encrypt(plaintext: string, rowId: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(Buffer.from(rowId, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(stored: string, rowId: string): string {
    const [version, payload] = stored.split(':', 2);
    if (version !== VERSION || !payload) throw new SecretKeyError('Unknown encrypted value format');
    const raw = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, NONCE_BYTES));
    decipher.setAAD(Buffer.from(rowId, 'utf8'));
    decipher.setAuthTag(raw.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretKeyError('Block document data could not be decrypted: the server runs with another SYNTASK_SECRET_KEY than the one the data was written with.');
    }
  }
}

export const SECRET_KEY_FILE = 'secret-key';

/** The key of this server: the setting, else (SQLite only) the generated key file. */
export function loadSecretBox(settings: { secretKey: string; home: string }, dialect: 'sqlite' | 'postgres'): SecretBox {
  if (settings.secretKey) return new SecretBox(settings.secretKey);
  if (dialect === 'postgres') {
    throw new SecretKeyError(
      'SYNTASK_SECRET_KEY is not set. With PostgreSQL several servers can share one database and must share one key to read block secrets: set SYNTASK_SECRET_KEY to the same long random value on every server (for example the output of `openssl rand -hex 32`).',
    );
  }
  mkdirSync(settings.home, { recursive: true, mode: 0o700 });
  chmodSync(settings.home, 0o700);
  const file = join(settings.home, SECRET_KEY_FILE);
  try {
    writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const key = readFileSync(file, 'utf8').trim();
  if (key.length < 32) throw new SecretKeyError(`${file} does not hold a usable key (expected 64 hex characters); restore it or set SYNTASK_SECRET_KEY.`);
  return new SecretBox(key);
}
