import { SyntaskApiError, type SyntaskClient, type WorkPoolT } from './client.ts';

/**
 * Reads a work pool, creating it as a `process` pool (with the catalog's default job
 * template) when it does not exist yet — what workers and `deploy` both need.
 */
export async function ensureProcessWorkPool(client: SyntaskClient, name: string): Promise<{ pool: WorkPoolT; created: boolean }> {
  const path = `/work_pools/${encodeURIComponent(name)}`;
  try {
    return { pool: await client.get<WorkPoolT>(path), created: false };
  } catch (err) {
    if (!(err instanceof SyntaskApiError) || err.status !== 404) throw err;
  }
  const catalog = await client.get<Record<string, Record<string, { default_base_job_configuration?: object }>>>('/collections/views/aggregate-worker-metadata');
  const template = catalog.syntask?.process?.default_base_job_configuration ?? {};
  try {
    return { pool: await client.post<WorkPoolT>('/work_pools/', { name, type: 'process', base_job_template: template }), created: true };
  } catch (err) {
    // Someone else created it meanwhile.
    if (err instanceof SyntaskApiError && err.status === 409) return { pool: await client.get<WorkPoolT>(path), created: false };
    throw err;
  }
}
