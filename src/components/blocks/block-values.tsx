import { Link } from '@tanstack/react-router';
import { Lock } from 'lucide-react';
import type { BlockDocument } from '../../api/blocks.ts';
import { SECRET_MASK, withSecretFields } from '../../lib/blocks/data.ts';
import { describeField } from '../../lib/schema-form/model.ts';
import { EmptyState } from '../ui/states.tsx';

/**
 * A block's values, read-only, as the server sent them: secrets are already the mask (the
 * dashboard never asks for them), a referenced block is a link to it, not its inlined data.
 */
export function BlockValues({ doc }: { doc: BlockDocument }) {
  const fields = withSecretFields((doc.block_schema?.fields ?? {}) as Record<string, unknown>);
  const model = describeField(fields, fields, { isRoot: true });
  const properties = model.properties ?? [];
  const known = new Set(properties.map((p) => p.name));
  const rows = [
    ...properties.map((p) => ({ key: p.name, title: describeField(fields, p.schema).title ?? p.name })),
    ...Object.keys(doc.data)
      .filter((k) => !known.has(k))
      .map((k) => ({ key: k, title: k })),
  ];
  if (rows.length === 0) return <EmptyState title="No values">This block stores no values of its own.</EmptyState>;
  return (
    <dl aria-label="Values" className="grid grid-cols-[minmax(8rem,14rem)_minmax(0,1fr)] gap-x-4 gap-y-2 p-4">
      {rows.map(({ key, title }) => {
        const ref = doc.block_document_references[key];
        return (
          <div key={key} className="contents">
            <dt className="text-fg-muted">
              {title}
              {title !== key && <span className="ml-1.5 font-mono text-xs">{key}</span>}
            </dt>
            <dd className="min-w-0 break-words">
              {ref ? (
                <span>
                  <Link to="/blocks/block/$id" params={{ id: ref.block_document.id }} className="text-accent hover:underline">
                    {ref.block_document.is_anonymous ? 'an unnamed block' : ref.block_document.name}
                  </Link>{' '}
                  <span className="text-xs text-fg-muted">({ref.block_document.block_type.name} block)</span>
                </span>
              ) : (
                <Value value={doc.data[key]} />
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function Value({ value }: { value: unknown }) {
  if (value === undefined) return <span className="text-fg-muted">not set</span>;
  if (value === null) return <span className="font-mono text-xs text-fg-muted">null</span>;
  if (value === SECRET_MASK) {
    return (
      <span className="inline-flex items-center gap-1.5">
        <Lock className="size-3.5 text-fg-muted" aria-hidden="true" />
        <span className="font-mono">{SECRET_MASK}</span>
        <span className="text-xs text-fg-muted">secret, stored encrypted</span>
      </span>
    );
  }
  if (typeof value === 'string') return <span className="whitespace-pre-wrap">{value === '' ? <span className="text-fg-muted">empty text</span> : value}</span>;
  if (typeof value === 'number' || typeof value === 'boolean') return <span className="font-mono tabular-nums">{String(value)}</span>;
  return <pre tabIndex={0} className="max-h-64 overflow-auto rounded bg-surface px-2 py-1 font-mono text-xs">{JSON.stringify(value, null, 2)}</pre>;
}
