import { randomUUID } from 'node:crypto';

/** Events at exact times for trigger tests: seconds after a fixed T0. */

export const T0 = Date.parse('2026-12-01T10:00:00Z');
export const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
export const micros = (seconds: number) => (T0 + seconds * 1000) * 1000;

export function eventAt(name: string, seconds: number, resource: Record<string, string> = {}, related: Record<string, string>[] = []) {
  return { occurred: at(seconds), event: name, resource: { 'syntask.resource.id': `acme.job.${randomUUID()}`, ...resource }, related, id: randomUUID() };
}
