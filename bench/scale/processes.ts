import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ROOT } from '../lib.ts';

/** The processes of the reference topology: PostgreSQL database, nginx, server replicas, workers. */

const BIN = join(ROOT, 'bin/syntask.js');
/** Debian installs it in /usr/sbin, which a plain user's PATH may lack. */
const NGINX = process.env.SYNTASK_NGINX ?? (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

/** Output of a child kept for the report when something fails (the last lines only). */
function tail(child: ChildProcess, label: string, lines: string[]) {
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(`[${label}] ${line}`);
    if (lines.length > 400) lines.splice(0, lines.length - 400);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
}

export const output: string[] = [];

export interface Nginx {
  url: string;
  stop(): Promise<void>;
}

/** nginx as this user: the committed template with a temp prefix, one free loopback port, the replicas as upstreams. */
export async function startNginx(port: number, upstreamPorts: number[]): Promise<Nginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'syntask-nginx-'));
  mkdirSync(join(prefix, 'logs'));
  mkdirSync(join(prefix, 'tmp'));
  const servers = upstreamPorts.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=3s;`).join('\n    ');
  let conf = readFileSync(join(ROOT, 'deploy/nginx/syntask.conf'), 'utf8').replace('listen @LISTEN@;', `listen 127.0.0.1:${port};`).replace(/^ *@SERVERS@$/m, `    ${servers}`);
  // As root (CI containers) nginx would hand its workers to `nobody`, who cannot use the temp prefix.
  if (process.getuid?.() === 0) conf = `user root;\n${conf}`;
  const file = join(prefix, 'syntask.conf');
  writeFileSync(file, conf);
  const args = ['-p', prefix, '-c', file, '-e', join(prefix, 'logs/error.log')];
  const check = spawnSync(NGINX, [...args, '-t'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t failed: ${check.stderr}`);
  const child = spawn(NGINX, [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  tail(child, 'nginx', output);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(500) });
      break;
    } catch {
      await sleep(50);
    }
  }
  return {
    url,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGQUIT');
      await Promise.race([exited, sleep(5000)]);
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

/** A server replica: `syntask server start` in its own process, services on with short intervals. */
export class Replica {
  private child: ChildProcess | null = null;
  readonly home = mkdtempSync(join(tmpdir(), 'syntask-replica-'));
  readonly url: string;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  get pid() {
    return this.child?.pid;
  }

  start() {
    const child = spawn(process.execPath, [BIN, 'server', 'start', '--host', '127.0.0.1', '--port', String(this.port)], {
      env: { ...process.env, SYNTASK_HOME: this.home, SYNTASK_UI_ENABLED: 'false', SYNTASK_SERVER_LOGGING_LEVEL: 'warn', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    tail(child, this.name, output);
    this.child = child;
  }

  /** Resolves once /api/health answers; rejects if the process exits first or after `timeoutMs`. */
  async healthy(timeoutMs = 240_000): Promise<number> {
    const started = Date.now();
    const child = this.child;
    while (Date.now() - started < timeoutMs) {
      if (!child || child.exitCode !== null) throw new Error(`${this.name} exited with ${child?.exitCode}`);
      try {
        if ((await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(1000) })).ok) return Date.now() - started;
      } catch {
        // not yet
      }
      await sleep(100);
    }
    throw new Error(`${this.name} did not come up in ${timeoutMs} ms`);
  }

  /** `kill -9`: no shutdown, connections and advisory locks die with the process. */
  kill() {
    this.child?.kill('SIGKILL');
    this.child = null;
  }

  async stop() {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
  }

  cleanup() {
    rmSync(this.home, { recursive: true, force: true });
  }
}

/** A process worker (`syntask worker start`) polling through nginx. */
export function startWorker(name: string, apiUrl: string, pool: string): { stop(): Promise<void> } {
  const child = spawn(process.execPath, [BIN, 'worker', 'start', '--pool', pool, '--name', name, '--limit', '3', '--poll-seconds', '1'], {
    env: { ...process.env, SYNTASK_API_URL: apiUrl, SYNTASK_WORKER_PREFETCH_SECONDS: '2' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  tail(child, name, output);
  return {
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(15_000).then(() => child.kill('SIGKILL'))]);
    },
  };
}
