import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// Not imported from server/app.ts: that loads the whole HTTP server into every CLI command.
const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.app.json', 'package-lock.json'];
const OUT_DIR = join(PACKAGE_ROOT, 'dist', 'ui');
const STAMP = join(OUT_DIR, '.source-hash');

function* files(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) yield* files(join(path, entry));
}

/** Hash of every input of the dashboard build: content, not mtimes (a fresh clone has new mtimes). */
export function dashboardSourceHash(): string {
  const hash = createHash('sha256');
  for (const source of SOURCES) {
    for (const file of files(join(PACKAGE_ROOT, source))) {
      hash.update(relative(PACKAGE_ROOT, file));
      hash.update(readFileSync(file));
    }
  }
  return hash.digest('hex');
}

export function dashboardIsCurrent(): boolean {
  return existsSync(join(OUT_DIR, 'index.html')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === dashboardSourceHash();
}

/** Builds the dashboard with Vite when it is missing or its sources changed. */
export async function ensureDashboardBuilt(log: (line: string) => void = console.log): Promise<void> {
  if (dashboardIsCurrent()) return;
  log('Building the dashboard (first start or sources changed)...');
  const hash = dashboardSourceHash();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Dashboard build failed (vite exited with ${code})`))));
  });
  writeFileSync(STAMP, hash);
}
