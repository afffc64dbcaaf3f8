import { useMemo } from 'react';
import type { Artifact } from '../../api/artifacts.ts';
import { artifactTable, cellText } from '../../lib/artifact-table.ts';
import { Markdown } from '../ui/markdown.tsx';
import { Table, td, th } from '../ui/table.tsx';

/**
 * An artifact's data as its type says: markdown and links (stored as markdown) through the
 * sanitizing markdown renderer, tables as a table, anything else as formatted JSON.
 */
export function ArtifactData({ artifact }: { artifact: Pick<Artifact, 'type' | 'data' | 'key'> }) {
  const { type, data } = artifact;
  if ((type === 'markdown' || type === 'link') && typeof data === 'string') return <Markdown text={data} />;
  if (type === 'table') return <TableData data={data} label={artifact.key ?? 'Artifact table'} />;
  return <JsonData data={data} />;
}

function TableData({ data, label }: { data: unknown; label: string }) {
  const table = useMemo(() => artifactTable(data), [data]);
  if (!table) return <JsonData data={data} note="This table artifact's data is not rows or columns; shown as stored." />;
  if (table.rows.length === 0) return <p className="text-fg-muted">The table has no rows.</p>;
  return (
    <div className="max-h-[32rem] overflow-auto rounded-md border border-border">
      <Table
        label={label}
        head={table.columns.map((c) => (
          <th key={c} className={th + ' sticky top-0 bg-surface-raised'}>
            {c}
          </th>
        ))}
      >
        {table.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, c) => (
              <td key={c} className={td + ' max-w-80 truncate tabular-nums'} title={cellText(cell)}>
                {cellText(cell)}
              </td>
            ))}
          </tr>
        ))}
      </Table>
    </div>
  );
}

function JsonData({ data, note }: { data: unknown; note?: string }) {
  const text = useMemo(() => (data === undefined ? 'null' : JSON.stringify(data, null, 2)), [data]);
  return (
    <div className="grid gap-1">
      {note && <p className="text-xs text-fg-muted">{note}</p>}
      <pre className="max-h-[32rem] overflow-auto rounded-md bg-surface p-3 font-mono text-xs">{text}</pre>
    </div>
  );
}

/** The artifact's type as a small label (`markdown`, `table`, …). */
export function ArtifactType({ type }: { type: string | null }) {
  return type ? <span className="rounded border border-border bg-surface px-1.5 font-mono text-xs leading-5 text-fg-muted">{type}</span> : <span className="text-fg-muted">—</span>;
}
