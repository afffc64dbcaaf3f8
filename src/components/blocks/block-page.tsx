import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Pencil, Trash2 } from 'lucide-react';
import { buildBlockDocumentQuery, buildReferencingDocumentsQuery, useDeleteBlockDocuments, type BlockDocument } from '../../api/blocks.ts';
import { isUuid } from '../../lib/deployment-search.ts';
import { ConfirmDialog } from '../flow-runs/state-dialog.tsx';
import { RequireRole } from '../auth/require-role.tsx';
import { Button, buttonClassName } from '../ui/button.tsx';
import { Card, CardHeader } from '../ui/card.tsx';
import { CopyButton, KeyValue, TagList } from '../ui/misc.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { Table, td, th } from '../ui/table.tsx';
import { DateTime } from '../ui/time.tsx';
import { toast } from '../ui/toast.tsx';
import { BlockLogo } from './block-logo.tsx';
import { BlockValues } from './block-values.tsx';
import { BlockNotFound } from './not-found.tsx';

/** `/blocks/block/{id}`: a block's values (secrets masked), what it references and what references it. */
export function BlockPage({ id }: { id: string }) {
  const doc = useQuery({ ...buildBlockDocumentQuery(id), enabled: isUuid(id) });
  if (!isUuid(id) || (doc.isError && (doc.error as { status?: number }).status === 404)) return <BlockNotFound what="block" value={id} crumbs={[{ label: 'Blocks', to: '/blocks' }, { label: id }]} />;
  if (doc.isError) return <ErrorState error={doc.error} onRetry={() => void doc.refetch()} title="Could not load the block" />;
  if (!doc.data) {
    return (
      <div aria-busy="true" aria-label="Loading the block" className="grid gap-3">
        <Skeleton className="w-40" />
        <Skeleton className="h-6 w-80" />
        <Skeleton className="h-32 w-full" />
      </div>
    );
  }
  return <Loaded doc={doc.data} />;
}

function Loaded({ doc }: { doc: BlockDocument }) {
  const name = doc.is_anonymous ? 'Unnamed block' : (doc.name ?? doc.id);
  const type = doc.block_type;
  const references = Object.entries(doc.block_document_references);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: 'Blocks', to: '/blocks' }, { label: name }]}
        title={
          <span className="flex items-center gap-3">
            <BlockLogo url={type?.logo_url} />
            {name}
          </span>
        }
        badge={type && <span className="rounded border border-border bg-surface px-1.5 text-xs leading-5 text-fg-muted">{type.name}</span>}
        actions={<Actions doc={doc} name={name} />}
      />
      <div className="grid gap-4 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] content-start gap-4">
          <Card>
            <CardHeader title="Values" />
            <BlockValues doc={doc} />
          </Card>
          <Card>
            <CardHeader title="References" />
            {references.length === 0 ? (
              <p className="p-4 text-fg-muted">This block references no other block.</p>
            ) : (
              <Table
                label="Blocks this block references"
                head={
                  <>
                    <th className={th}>Field</th>
                    <th className={th}>Block</th>
                    <th className={th}>Type</th>
                  </>
                }
              >
                {references.map(([field, r]) => (
                  <tr key={field}>
                    <td className={td + ' font-mono text-xs'}>{field}</td>
                    <td className={td}>
                      <Link to="/blocks/block/$id" params={{ id: r.block_document.id }} className="text-accent hover:underline">
                        {r.block_document.is_anonymous ? 'Unnamed block' : r.block_document.name}
                      </Link>
                    </td>
                    <td className={td}>{r.block_document.block_type.name}</td>
                  </tr>
                ))}
              </Table>
            )}
          </Card>
          <ReferencedBy doc={doc} />
        </div>
        <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] content-start gap-4">
          <Card>
            <CardHeader title="Details" />
            <div className="p-4">
              <KeyValue
                items={[
                  [
                    'Type',
                    type ? (
                      <Link to="/blocks/catalog/$slug" params={{ slug: type.slug }} className="text-accent hover:underline">
                        {type.name}
                      </Link>
                    ) : (
                      doc.block_type_name
                    ),
                  ],
                  ['Capabilities', doc.block_schema?.capabilities.length ? <TagList tags={doc.block_schema.capabilities} /> : <span className="text-fg-muted">None</span>],
                  ['Schema version', doc.block_schema?.version],
                  ['Created', <DateTime key="c" value={doc.created} />],
                  ['Updated', <DateTime key="u" value={doc.updated} />],
                  ['Id', <span key="id" className="font-mono text-xs break-all">{doc.id}</span>],
                ]}
              />
            </div>
          </Card>
          {type && !doc.is_anonymous && (
            <Card>
              <CardHeader title="Use it in a flow" />
              <pre tabIndex={0} className="overflow-x-auto p-4 break-all whitespace-pre-wrap font-mono text-xs">{`import { Block } from 'syntask';\n\nconst block = await Block.load('${type.slug}/${doc.name}');`}</pre>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}

function ReferencedBy({ doc }: { doc: BlockDocument }) {
  const referencing = useQuery(buildReferencingDocumentsQuery(doc));
  return (
    <Card>
      <CardHeader title="Referenced by" />
      {referencing.isError ? (
        <ErrorState error={referencing.error} onRetry={() => void referencing.refetch()} title="Could not find the blocks that reference this one" />
      ) : referencing.isPending ? (
        <div aria-busy="true" aria-label="Loading the blocks that reference this one" className="p-4">
          <Skeleton className="w-48" />
        </div>
      ) : referencing.data.length === 0 ? (
        <EmptyState title="No block references this one">When another block picks this one for one of its fields, it is listed here.</EmptyState>
      ) : (
        <Table
          label="Blocks that reference this block"
          head={
            <>
              <th className={th}>Block</th>
              <th className={th}>Type</th>
              <th className={th}>As its</th>
            </>
          }
        >
          {referencing.data.map(({ document: d, field }) => (
            <tr key={`${d.id}-${field}`}>
              <td className={td}>
                <Link to="/blocks/block/$id" params={{ id: d.id }} className="text-accent hover:underline">
                  {d.is_anonymous ? 'Unnamed block' : d.name}
                </Link>
              </td>
              <td className={td}>{d.block_type?.name ?? d.block_type_name}</td>
              <td className={td + ' font-mono text-xs'}>{field}</td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}

function Actions({ doc, name }: { doc: BlockDocument; name: string }) {
  const navigate = useNavigate();
  const remove = useDeleteBlockDocuments();
  const [confirm, setConfirm] = useState(false);
  return (
    <>
      <RequireRole role="admin">
        <Link to="/blocks/block/$id/edit" params={{ id: doc.id }} className={buttonClassName()}>
          <Pencil aria-hidden="true" />
          Edit
        </Link>
      </RequireRole>
      <CopyButton value={doc.id} />
      <RequireRole role="admin">
        <Button aria-label="Delete block" onClick={() => setConfirm(true)}>
          <Trash2 aria-hidden="true" />
          Delete
        </Button>
      </RequireRole>
      <ConfirmDialog
        open={confirm}
        onClose={() => setConfirm(false)}
        title="Delete block"
        confirmLabel="Delete block"
        busy={remove.isPending}
        onConfirm={() =>
          remove.mutate([doc.id], {
            onSuccess: () => {
              toast(`Deleted ${name}.`);
              void navigate({ to: '/blocks' });
            },
            onError: (error) => toast(`Could not delete ${name}: ${error.message}`, 'error'),
          })
        }
      >
        Delete {name}? Flows that load it by name will fail, and blocks that reference it lose the reference. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
