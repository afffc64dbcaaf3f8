import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse, stringify, TomlError } from 'smol-toml';
import { SETTINGS } from './settings.ts';

/**
 * Profiles: named sets of SYNTASK_* settings in `$SYNTASK_HOME/profiles.toml`, so the same
 * flow code runs against a laptop, a team server or another environment by `syntask
 * profile use`. The active profile fills in what the environment does not set.
 *
 *     active = "team"
 *     [profiles.default]
 *     [profiles.team]
 *     SYNTASK_API_URL = "https://syntask.example.com/api"
 *     SYNTASK_API_KEY = "stk_…"
 */

/** Settings only clients read (the SDK, worker and CLI); the server's are in SETTINGS. */
export const CLIENT_SETTINGS: { env: string; description: string; secret?: boolean }[] = [
  { env: 'SYNTASK_API_KEY', description: 'API key the SDK, worker and CLI send (Bearer).', secret: true },
  { env: 'SYNTASK_API_AUTH_STRING', description: '`user:password` the SDK, worker and CLI send (Basic).', secret: true },
  { env: 'SYNTASK_LOGGING_TO_CONSOLE', description: 'Also print run log lines to the console.' },
  { env: 'SYNTASK_WORKER_QUERY_SECONDS', description: 'Seconds between polls of the work pool.' },
  { env: 'SYNTASK_WORKER_PREFETCH_SECONDS', description: 'Runs scheduled this far ahead are fetched.' },
  { env: 'SYNTASK_WORKER_HEARTBEAT_SECONDS', description: 'Seconds between worker heartbeats.' },
  { env: 'SYNTASK_WORKER_LIMIT', description: 'Most flow runs one worker runs at once.' },
];

/** SYNTASK_HOME holds the profiles file, and SYNTASK_PROFILE picks a profile: neither can come from one. */
const NOT_IN_PROFILES = new Set(['SYNTASK_HOME', 'SYNTASK_PROFILE']);

export const PROFILE_KEYS: ReadonlySet<string> = new Set([...SETTINGS.map((s) => s.env), ...CLIENT_SETTINGS.map((s) => s.env)].filter((k) => !NOT_IN_PROFILES.has(k)));

const SECRET_KEYS = new Set([...SETTINGS.filter((s) => s.secret).map((s) => s.env), ...CLIENT_SETTINGS.filter((s) => s.secret).map((s) => s.env)]);
export const isSecretSetting = (key: string) => SECRET_KEYS.has(key) || /SECRET|PASSWORD|TOKEN|KEY$|AUTH_STRING/.test(key);

export class ProfileError extends Error {}

export interface ProfilesDoc {
  active: string;
  profiles: Record<string, Record<string, string>>;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

export const homeOf = (env: NodeJS.ProcessEnv) => env.SYNTASK_HOME || join(homedir(), '.syntask');
export const profilesPath = (env: NodeJS.ProcessEnv = process.env) => join(homeOf(env), 'profiles.toml');

export function checkProfileName(name: string) {
  if (!NAME.test(name)) throw new ProfileError(`Profile name "${name}" is not valid: use letters, digits, ".", "_" and "-" (at most 63), starting with a letter or digit.`);
}

export function checkSettingKey(key: string, where = '') {
  if (NOT_IN_PROFILES.has(key)) throw new ProfileError(`${where}${key} cannot be set in a profile (it decides which profiles file and profile are read); set it in the environment.`);
  if (!PROFILE_KEYS.has(key)) throw new ProfileError(`${where}unknown setting "${key}". Profiles hold SYNTASK_* settings such as SYNTASK_API_URL and SYNTASK_API_KEY (README, Configuration).`);
}

/** 1-based line of `key = …` in the profiles file, for messages about a key. */
function lineOf(text: string, key: string): number | null {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => new RegExp(`^\\s*["']?${key}["']?\\s*=`).test(l));
  return i < 0 ? null : i + 1;
}

/** Parses and checks a profiles document; every error names the file and, where it can, the line. */
export function parseProfiles(text: string, path: string): ProfilesDoc {
  let raw: Record<string, unknown>;
  try {
    raw = parse(text) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof TomlError) throw new ProfileError(`${path}:${err.line}:${err.column}: not valid TOML: ${err.message.split('\n')[0].replace(/^Invalid TOML document: /, '')}`);
    throw err;
  }
  const at = (key: string) => `${path}${lineOf(text, key) ? `:${lineOf(text, key)}` : ''}: `;
  for (const key of Object.keys(raw)) if (key !== 'active' && key !== 'profiles') throw new ProfileError(`${at(key)}unknown top-level key "${key}" (expected "active" and [profiles.NAME] tables).`);
  if (raw.active !== undefined && typeof raw.active !== 'string') throw new ProfileError(`${at('active')}"active" must be a profile name in quotes.`);
  const tables = (raw.profiles ?? {}) as Record<string, unknown>;
  if (typeof tables !== 'object' || Array.isArray(tables)) throw new ProfileError(`${at('profiles')}"profiles" must be tables: [profiles.NAME].`);
  const profiles: ProfilesDoc['profiles'] = {};
  for (const [name, values] of Object.entries(tables)) {
    if (!values || typeof values !== 'object' || Array.isArray(values)) throw new ProfileError(`${path}: profiles.${name} must be a table: [profiles.${name}].`);
    const settings: Record<string, string> = {};
    for (const [key, value] of Object.entries(values)) {
      checkSettingKey(key, `${at(key)}profile "${name}": `);
      if (!['string', 'number', 'boolean'].includes(typeof value)) throw new ProfileError(`${at(key)}profile "${name}": ${key} must be a string, number or boolean.`);
      settings[key] = String(value);
    }
    profiles[name] = settings;
  }
  const active = (raw.active as string | undefined) ?? 'default';
  if (!profiles[active] && active !== 'default') throw new ProfileError(`${at('active')}the active profile "${active}" has no [profiles.${active}] table.`);
  return { active, profiles: { default: {}, ...profiles } };
}

export function readProfiles(path: string): ProfilesDoc {
  if (!existsSync(path)) return { active: 'default', profiles: { default: {} } };
  return parseProfiles(readFileSync(path, 'utf8'), path);
}

/** Written whole to a temporary file and renamed: a failed write never leaves half a file. Mode 0600: it holds keys. */
export function writeProfiles(path: string, doc: ProfilesDoc) {
  const text = `# Syntask profiles: \`syntask profile --help\`, \`syntask config --help\`.\n${stringify({ active: doc.active, profiles: doc.profiles })}\n`;
  parseProfiles(text, path); // never write what could not be read back
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  writeFileSync(tmp, text, { mode: 0o600, flag: 'wx' });
  renameSync(tmp, path);
}

export interface ActiveProfile {
  name: string;
  path: string;
  settings: Record<string, string>;
}

/** The profile in use: SYNTASK_PROFILE, else the file's `active`, else "default". */
export function activeProfile(env: NodeJS.ProcessEnv = process.env): ActiveProfile {
  const path = profilesPath(env);
  const doc = readProfiles(path);
  const name = env.SYNTASK_PROFILE || doc.active;
  const settings = doc.profiles[name];
  if (!settings) throw new ProfileError(`SYNTASK_PROFILE=${name}: no such profile in ${path} (${Object.keys(doc.profiles).join(', ')}).`);
  return { name, path, settings };
}

/**
 * Fills `env` with the active profile's settings the environment does not set (the
 * environment wins) and names the profile in SYNTASK_PROFILE, so child processes and the
 * server see the same. Returns the keys it filled.
 */
export function applyProfile(env: NodeJS.ProcessEnv = process.env): { profile: ActiveProfile; filled: string[] } {
  const profile = activeProfile(env);
  const filled: string[] = [];
  for (const [key, value] of Object.entries(profile.settings)) {
    if (env[key] !== undefined) continue;
    env[key] = value;
    filled.push(key);
  }
  env.SYNTASK_PROFILE = profile.name;
  return { profile, filled };
}

/** The environment a client reads: the process environment over the active profile. */
export function clientEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { settings } = activeProfile(env);
  return { ...settings, ...env };
}
