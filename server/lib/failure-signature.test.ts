import { describe, expect, it } from 'vitest';
import { failureSignature } from './failure-signature.ts';

describe('failure signatures', () => {
  it('the demo invoice-check failures group together whatever the row and value', () => {
    const a = failureSignature('Flow run encountered an exception: TypeError: Cannot parse amount "n/a" in row 17 of invoices.csv');
    const b = failureSignature('Flow run encountered an exception: TypeError: Cannot parse amount "" in row 93 of invoices_2024-05.csv');
    expect(a).toBe('TypeError: Cannot parse amount <str> in row <n> of invoices.csv');
    expect(b).toBe('TypeError: Cannot parse amount <str> in row <n> of invoices_<n>-<n>.csv');
    expect(failureSignature('TypeError: Cannot parse amount "x" in row 1 of invoices.csv')).toBe(a);
  });

  it('numbers inside identifiers and file names, ids, times, urls and paths', () => {
    expect(failureSignature('Error: worker_3 lost shard12 at 2026-12-07T03:10:39.123Z')).toBe('Error: worker_<n> lost shard<n> at <time>');
    expect(failureSignature('ValueError: run 5a1f9b0e-7c3d-4e2a-8b6f-1d2c3e4f5a6b not found (commit 3f9a2c1d7e)')).toBe('ValueError: run <uuid> not found (commit <id>)');
    expect(failureSignature('ConnectionError: GET https://api.example.com/v2/rates?day=7 timed out')).toBe('ConnectionError: GET <url> timed out');
    expect(failureSignature("FileNotFoundError: [Errno 2] No such file or directory: '/data/in/2024/12/batch-7.parquet'")).toBe('FileNotFoundError: [Errno <n>] No such file or directory: <str>');
    expect(failureSignature('OSError: cannot open /var/lib/syntask/run-42/out.json for writing')).toBe('OSError: cannot open <path> for writing');
    expect(failureSignature('Error: FX rates API answered 503 Service Unavailable')).toBe(failureSignature('Error: FX rates API answered 502 Service Unavailable'));
  });

  it('Python- and Node-style traces: the message line counts, the frames do not', () => {
    const python = `Flow run encountered an exception: KeyError: 'customer_id'\nTraceback (most recent call last):\n  File "/app/flows/etl.py", line 41, in transform\n    row["customer_id"]\nKeyError: 'customer_id'`;
    expect(failureSignature(python)).toBe('KeyError: <str>');
    const node = `Flow run encountered an exception: RangeError: Invalid array length\n    at score (file:///app/flows/long-report.ts:12:9)\n    at async run (file:///app/sdk/tasks.ts:88:3)`;
    expect(failureSignature(node)).toBe('RangeError: Invalid array length');
    expect(failureSignature('Upstream task run did not complete: Error: boom 7')).toBe('Error: boom <n>');
  });

  it('no type, no message, and very long messages', () => {
    expect(failureSignature('Run crashed after 3 missed heartbeats (last at 2026-12-07 03:00:01)')).toBe('Run crashed after <n> missed heartbeats (last at <time>)');
    expect(failureSignature(null)).toBe('(no message)');
    expect(failureSignature('Error: ' + 'x'.repeat(1000)).length).toBe(300);
  });
});
