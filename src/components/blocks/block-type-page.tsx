import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { BookOpen, ExternalLink, Lock, Plus } from 'lucide-react';
import { buildBlockDocumentCountQuery, buildBlockTypeQuery, buildNewestBlockSchemaQuery, type BlockSchema, type BlockType } from '../../api/blocks.ts';
import { describeField } from '../../lib/schema-form/model.ts';
import { withSecretFields } from '../../lib/blocks/data.ts';
import { Markdown } from '../ui/markdown.tsx';
import { RequireRole } from '../auth/require-role.tsx';
import { buttonClassName } from '../ui/button.tsx';
import { Card, CardHeader } from '../ui/card.tsx';
import { TagList } from '../ui/misc.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { Table, td, th } from '../ui/table.tsx';
import { BlockLogo } from './block-logo.tsx';
import { BlockNotFound } from './not-found.tsx';

const SLUG = /^[a-z0-9-]+$/;

/** `/blocks/catalog/{slug}`: what a block type stores, how flows use it, and the way to create one. */
export function BlockTypePage({ slug }: { slug: string }) {
  const type = useQuery({ ...buildBlockTypeQuery(slug), enabled: SLUG.test(slug) });
  const crumbs = [
    { label: 'Blocks', to: '/blocks' },
    { label: 'Catalog', to: '/blocks/catalog' },
    { label: type.data?.name ?? slug },
  ];
  if (!SLUG.test(slug) || (type.isError && (type.error as { status?: number }).status === 404)) return <BlockNotFound what="block type" value={slug} crumbs={crumbs} />;
  if (type.isError) return <ErrorState error={type.error} onRetry={() => void type.refetch()} title="Could not load the block type" />;
  if (!type.data) {
    return (
      <div aria-busy="true" aria-label="Loading the block type" className="grid gap-3">
        <Skeleton className="w-40" />
        <Skeleton className="h-6 w-80" />
      </div>
    );
  }
  return <Loaded type={type.data} crumbs={crumbs} />;
}

function Loaded({ type, crumbs }: { type: BlockType; crumbs: { label: string; to?: string }[] }) {
  const schema = useQuery(buildNewestBlockSchemaQuery(type.slug));
  const count = useQuery(buildBlockDocumentCountQuery({ block_types: { slug: { any_: [type.slug] } } }));
  return (
    <>
      <PageHeader
        breadcrumbs={crumbs}
        title={
          <span className="flex items-center gap-3">
            <BlockLogo url={type.logo_url} />
            {type.name}
          </span>
        }
        actions={
          <RequireRole role="admin">
            <Link to="/blocks/catalog/$slug/create" params={{ slug: type.slug }} className={buttonClassName('primary')}>
              <Plus aria-hidden="true" />
              Create {type.name} block
            </Link>
          </RequireRole>
        }
      />
      <div className="grid gap-4">
        <Card>
          <CardHeader title="About" />
          <div className="grid gap-3 p-4">
            {type.description ? <Markdown text={type.description} /> : <p className="text-fg-muted">This block type has no description.</p>}
            <dl className="grid grid-cols-[9rem_minmax(0,1fr)] gap-x-4 gap-y-2">
              <dt className="text-fg-muted">Slug</dt>
              <dd className="font-mono text-xs">{type.slug}</dd>
              <dt className="text-fg-muted">Capabilities</dt>
              <dd>{schema.isPending ? <Skeleton className="w-32" /> : schema.data?.capabilities.length ? <TagList tags={schema.data.capabilities} /> : <span className="text-fg-muted">None</span>}</dd>
              <dt className="text-fg-muted">Blocks of this type</dt>
              <dd>
                {count.data === undefined ? (
                  <Skeleton className="w-10" />
                ) : (
                  <Link to="/blocks" search={{ type: [type.slug] }} className="text-accent tabular-nums hover:underline">
                    {count.data.toLocaleString('en')} {count.data === 1 ? 'block' : 'blocks'}
                  </Link>
                )}
              </dd>
              <dt className="text-fg-muted">Documentation</dt>
              <dd>
                {type.documentation_url ? (
                  <a href={type.documentation_url} target="_blank" rel="noopener noreferrer" className="inline-flex items-center gap-1 text-accent hover:underline">
                    <BookOpen className="size-3.5" aria-hidden="true" />
                    {type.name} documentation
                    <ExternalLink className="size-3" aria-hidden="true" />
                    <span className="sr-only">(opens in a new tab)</span>
                  </a>
                ) : (
                  <span className="text-fg-muted">None</span>
                )}
              </dd>
            </dl>
          </div>
        </Card>
        <Card>
          <CardHeader title="Fields" />
          {schema.isError ? (
            <ErrorState error={schema.error} onRetry={() => void schema.refetch()} title="Could not load the block schema" />
          ) : schema.isPending ? (
            <div className="p-4">
              <Skeleton className="w-64" />
            </div>
          ) : schema.data === null ? (
            <EmptyState title="No schema yet">This block type has no schema on this server, so no block of it can be created here yet.</EmptyState>
          ) : (
            <FieldsTable schema={schema.data} />
          )}
        </Card>
        <Card>
          <CardHeader title="Use it in a flow" />
          <div className="p-4">{type.code_example ? <Markdown text={type.code_example} /> : <p className="text-fg-muted">This block type has no code example.</p>}</div>
        </Card>
      </div>
    </>
  );
}

/** The schema's top-level fields: what a block of this type stores, which are required and which are secret. */
function FieldsTable({ schema }: { schema: BlockSchema }) {
  const fields = withSecretFields(schema.fields as Record<string, unknown>);
  const model = describeField(fields, fields, { isRoot: true });
  const properties = model.properties ?? [];
  const secrets = new Set((Array.isArray(fields.secret_fields) ? fields.secret_fields : []).map((p) => String(p).split('.')[0]));
  if (properties.length === 0) return <EmptyState title="No fields">A block of this type stores no values of its own.</EmptyState>;
  return (
    <Table
      label="Fields"
      head={
        <>
          <th className={th}>Field</th>
          <th className={th}>Kind</th>
          <th className={th}>Required</th>
          <th className={th}>Description</th>
        </>
      }
    >
      {properties.map((p) => {
        const field = describeField(fields, p.schema);
        const title = field.title ?? p.name;
        return (
          <tr key={p.name}>
            <td className={td}>
              <span className="font-medium">{title}</span> {title !== p.name && <span className="font-mono text-xs text-fg-muted">{p.name}</span>}
            </td>
            <td className={td + ' whitespace-nowrap'}>
              {field.kind === 'block-ref' ? (
                <span>
                  {(field.blockTypeSlugs ?? []).map((s, i) => (
                    <span key={s}>
                      {i > 0 && ' or '}
                      <Link to="/blocks/catalog/$slug" params={{ slug: s }} className="text-accent hover:underline">
                        {s}
                      </Link>
                    </span>
                  ))}{' '}
                  block
                </span>
              ) : (
                field.kind
              )}
              {secrets.has(p.name) && field.kind !== 'block-ref' && (
                <span className="ml-2 inline-flex items-center gap-1 text-xs text-fg-muted">
                  <Lock className="size-3" aria-hidden="true" />
                  secret
                </span>
              )}
            </td>
            <td className={td}>{p.required ? 'Yes' : <span className="text-fg-muted">No</span>}</td>
            <td className={td + ' max-w-xl py-1.5 text-fg-muted'}>{field.description ?? '—'}</td>
          </tr>
        );
      })}
    </Table>
  );
}
