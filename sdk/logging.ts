import { format } from 'node:util';
import type { LogCreateT, SyntaskClient } from './client.ts';
import { getRunContext } from './context.ts';
import { BatchSink } from './batch-sink.ts';

export const LEVELS = { debug: 10, info: 20, warning: 30, error: 40, critical: 50 } as const;
const NAMES: Record<number, string> = { 10: 'DEBUG', 20: 'INFO', 30: 'WARNING', 40: 'ERROR', 50: 'CRITICAL' };

export interface RunLogger {
  debug(message: unknown, ...args: unknown[]): void;
  info(message: unknown, ...args: unknown[]): void;
  warning(message: unknown, ...args: unknown[]): void;
  warn(message: unknown, ...args: unknown[]): void;
  error(message: unknown, ...args: unknown[]): void;
  critical(message: unknown, ...args: unknown[]): void;
  log(level: number, message: unknown, ...args: unknown[]): void;
}

let lastMicros = 0;
/** Strictly increasing µs timestamps: lines logged in one millisecond keep their order. */
function timestamp(): string {
  const now = Date.now() * 1000;
  lastMicros = now > lastMicros ? now : lastMicros + 1;
  const ms = Math.floor(lastMicros / 1000);
  return new Date(ms).toISOString().replace('Z', '') + String(lastMicros % 1000).padStart(3, '0') + '+00:00';
}

/** Ships log lines to `POST /api/logs/` in order, in batches of up to 200. */
export class LogSink extends BatchSink<LogCreateT> {
  constructor(client: SyntaskClient) {
    super(
      (batch) => client.createLogs(batch),
      (err, unsent) => void process.stderr.write(`syntask: could not send ${unsent} log lines: ${(err as Error).message}\n`),
    );
  }
}

const sinks = new WeakMap<SyntaskClient, LogSink>();
export function sinkFor(client: SyntaskClient): LogSink {
  let sink = sinks.get(client);
  if (!sink) sinks.set(client, (sink = new LogSink(client)));
  return sink;
}

/** Under a worker the process output is already streamed into the run's logs: don't print twice. */
const toConsole = () => process.env.SYNTASK_LOGGING_TO_CONSOLE !== 'false';
const originalLog = console.log.bind(console);
const originalError = console.error.bind(console);

export interface LoggerTarget {
  client: SyntaskClient;
  name: string;
  runName: string;
  flowRunId: string;
  taskRunId: string | null;
}

export function createRunLogger(target: LoggerTarget): RunLogger {
  const sink = sinkFor(target.client);
  const log = (level: number, message: unknown, ...args: unknown[]) => {
    const text = format(message, ...args);
    sink.push({ name: target.name, level, message: text, timestamp: timestamp(), flow_run_id: target.flowRunId, task_run_id: target.taskRunId });
    if (toConsole()) {
      const line = `${new Date().toISOString().slice(11, 23)} | ${(NAMES[level] ?? String(level)).padEnd(8)} | ${target.runName} - ${text}`;
      (level >= 40 ? originalError : originalLog)(line);
    }
  };
  return {
    log,
    debug: (m, ...a) => log(10, m, ...a),
    info: (m, ...a) => log(20, m, ...a),
    warning: (m, ...a) => log(30, m, ...a),
    warn: (m, ...a) => log(30, m, ...a),
    error: (m, ...a) => log(40, m, ...a),
    critical: (m, ...a) => log(50, m, ...a),
  };
}

/** The logger of the current flow or task run (throws outside of a run). */
export function getRunLogger(): RunLogger {
  const ctx = getRunContext();
  if (!ctx) throw new Error('getRunLogger() was called outside of a flow or task run.');
  return ctx.logger;
}

/** Runs that asked for it (`logPrints`) get console.log/info/warn/error as log lines. */
const capturing = new WeakSet<object>();
export function captureConsoleFor(runLogger: RunLogger) {
  capturing.add(runLogger);
}

let installed = false;
export function installConsoleCapture() {
  if (installed) return;
  installed = true;
  const wrap = (level: number, original: (...a: unknown[]) => void) =>
    (...args: unknown[]) => {
      const logger = getRunContext()?.logger;
      if (logger && capturing.has(logger)) logger.log(level, format(...(args as [unknown])));
      else original(...args);
    };
  console.log = wrap(20, originalLog);
  console.info = wrap(20, console.info.bind(console));
  console.warn = wrap(30, console.warn.bind(console));
  console.error = wrap(40, originalError);
}
