import { SyntaskClient } from './client.ts';
import { getRunContext } from './context.ts';

interface ArtifactBase {
  /** Lower-case letters, digits and dashes; a new artifact with a known key becomes its latest version. */
  key?: string;
  description?: string;
}

async function create(type: string, data: unknown, base: ArtifactBase): Promise<{ id: string }> {
  const ctx = getRunContext();
  const client = ctx?.client ?? new SyntaskClient();
  const flowRunId = ctx?.kind === 'flow' ? ctx.flowRun.id : (ctx?.flowRunContext?.flowRun.id ?? null);
  const taskRunId = ctx?.kind === 'task' ? ctx.taskRun.id : null;
  return client.post('/artifacts/', { key: base.key ?? null, type, data, description: base.description ?? null, flow_run_id: flowRunId, task_run_id: taskRunId });
}

/** A markdown report attached to the current run. */
export const createMarkdownArtifact = (o: ArtifactBase & { markdown: string }) => create('markdown', o.markdown, o);

/** A table: rows as objects, or `{ columns, rows }`. */
export const createTableArtifact = (o: ArtifactBase & { table: Record<string, unknown>[] | { columns: string[]; rows: unknown[][] } }) => {
  const rows = Array.isArray(o.table) ? o.table : o.table.rows.map((r) => Object.fromEntries((o.table as { columns: string[] }).columns.map((c, i) => [c, r[i]])));
  return create('table', JSON.stringify(rows), o);
};

/** A link (stored as markdown `[text](url)`). */
export const createLinkArtifact = (o: ArtifactBase & { link: string; linkText?: string }) => create('link', `[${o.linkText ?? o.link}](${o.link})`, o);
