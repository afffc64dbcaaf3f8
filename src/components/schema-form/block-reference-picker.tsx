import { useMemo, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Plus, X } from 'lucide-react';
import { buildBlockDocumentsBySlugQuery, buildNewestBlockSchemaQuery, useCreateBlockDocument, type BlockDocument, type BlockSchema } from '../../api/block-references.ts';
import { dataForSave, withSecretFields } from '../../lib/blocks/data.ts';
import { blockNameProblem, problemText, saveProblemOf, type SaveProblem } from '../../lib/blocks/names.ts';
import { initialValue } from '../../lib/schema-form/defaults.ts';
import { isBlockReference } from '../../lib/schema-form/members.ts';
import { RequireRole } from '../auth/require-role.tsx';
import { Button } from '../ui/button.tsx';
import { Input, Select } from '../ui/form.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import type { BlockReferenceProps, SchemaFormOptions } from './context.ts';
import { SchemaForm } from './schema-form.tsx';
import { SchemaFormSummary, useSchemaForm } from './use-schema-form.tsx';
import { toJsonText } from './widgets/json.tsx';

/**
 * Block fields backed by the API: pick a saved document of the field's block type(s), or
 * create one inline from the type's newest schema (the same schema form, nested), which is
 * then selected. The value is a reference `{"$ref": {"block_document_id": …}}`.
 */
export function BlockReferencePicker({ slugs, value, onChange, id, label, options }: BlockReferenceProps) {
  const documents = useQuery(buildBlockDocumentsBySlugQuery(slugs));
  const [creating, setCreating] = useState<string | null>(null);
  const selected = isBlockReference(value) ? value.$ref.block_document_id : '';
  const known = documents.data?.some((d) => d.id === selected) ?? true;
  const inline = value !== undefined && value !== null && !isBlockReference(value);
  const select = (doc: BlockDocument) => onChange({ $ref: { block_document_id: doc.id } });
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <Select id={id} className="max-w-md min-w-56" value={selected} onChange={(e) => onChange(e.target.value ? { $ref: { block_document_id: e.target.value } } : undefined)}>
          <option value="">{documents.isPending ? 'Loading blocks…' : documents.data?.length ? 'Choose a block…' : `No ${slugs.join(' or ')} blocks yet`}</option>
          {documents.data?.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
              {slugs.length > 1 && d.block_type ? ` (${d.block_type.name})` : ''}
            </option>
          ))}
          {selected && !known && <option value={selected}>Block {selected.slice(0, 8)} (not found)</option>}
        </Select>
        {slugs.map((slug) => (
          <RequireRole key={slug} role="admin">
            <Button aria-expanded={creating === slug} onClick={() => setCreating(creating === slug ? null : slug)}>
              <Plus aria-hidden="true" />
              New {slug} block
            </Button>
          </RequireRole>
        ))}
      </div>
      {documents.isError && <p className="text-xs text-danger">Could not list blocks: {documents.error.message}</p>}
      {selected && !known && documents.isSuccess && <p className="text-xs text-danger">The chosen block no longer exists; choose another.</p>}
      {inline && (
        <div className="grid gap-1 text-xs text-fg-muted">
          <span>Inline values, not a saved block (kept unless you choose one):</span>
          <pre tabIndex={0} className="max-h-40 overflow-auto rounded bg-surface px-2 py-1 font-mono">{toJsonText(value)}</pre>
        </div>
      )}
      {creating && (
        <NewBlock
          key={creating}
          slug={creating}
          fieldLabel={label}
          options={options}
          onCancel={() => setCreating(null)}
          onCreated={(doc) => {
            select(doc);
            setCreating(null);
          }}
        />
      )}
    </div>
  );
}

function NewBlock({ slug, fieldLabel, options, onCancel, onCreated }: { slug: string; fieldLabel: string; options: SchemaFormOptions; onCancel: () => void; onCreated: (doc: BlockDocument) => void }) {
  const schema = useQuery(buildNewestBlockSchemaQuery(slug));
  // Enter inside this panel must not submit the form around it.
  const keepEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
  };
  return (
    <section aria-label={`New ${slug} block for ${fieldLabel}`} onKeyDown={keepEnter} className="grid gap-3 rounded-md border border-accent/40 bg-surface p-3">
      <header className="flex items-center justify-between">
        <h3 className="font-medium">New {slug} block</h3>
        <button type="button" aria-label="Cancel the new block" onClick={onCancel} className="text-fg-muted hover:text-fg">
          <X className="size-4" aria-hidden="true" />
        </button>
      </header>
      {schema.isPending ? (
        <Skeleton className="h-16 w-full" />
      ) : schema.isError ? (
        <p className="text-danger">Could not load the block type: {schema.error.message}</p>
      ) : schema.data === null ? (
        <p className="text-fg-muted">This server has no block type “{slug}”. Register the block type (for example by deploying the flow that defines it), then create the block here.</p>
      ) : (
        <NewBlockForm schema={schema.data} options={options} onCancel={onCancel} onCreated={onCreated} />
      )}
    </section>
  );
}

function NewBlockForm({ schema, options, onCancel, onCreated }: { schema: BlockSchema; options: SchemaFormOptions; onCancel: () => void; onCreated: (doc: BlockDocument) => void }) {
  const fields = useMemo(() => withSecretFields(schema.fields as Record<string, unknown>), [schema.fields]);
  const form = useSchemaForm(fields, initialValue(fields));
  const create = useCreateBlockDocument();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<SaveProblem>({});
  const nameProblem = blockNameProblem(name);
  const nameMessage = problem.name ?? (name !== '' ? nameProblem : null);
  const save = async () => {
    setProblem({});
    try {
      if (!(await form.checkOnServer())) return;
      onCreated(await create.mutateAsync({ name, data: dataForSave(form.value), block_schema_id: schema.id, block_type_id: schema.block_type_id }));
    } catch (e) {
      setProblem(saveProblemOf(e, schema.block_type?.name ?? 'block', name));
    }
  };
  return (
    <div className="grid gap-3">
      <label className="grid gap-1">
        <span className="font-medium">
          Block name<span className="ml-0.5 text-danger" aria-hidden="true">*</span>
        </span>
        <Input
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setProblem((p) => ({ ...p, name: undefined }));
          }}
          placeholder="e.g. warehouse-prod"
          className="max-w-md"
          autoComplete="off"
          aria-invalid={nameMessage !== null}
        />
        {nameMessage && <span className="text-xs text-danger">{nameMessage}</span>}
      </label>
      <SchemaFormSummary form={form} />
      <SchemaForm {...form.props} options={options} label={`${schema.block_type?.name ?? "Block"} fields`} />
      {problemText(problem) && (
        <p role="alert" className="text-sm text-danger">
          {problemText(problem)}
        </p>
      )}
      <div className="flex gap-2">
        <Button variant="primary" disabled={!form.canSubmit || nameProblem !== null || create.isPending} title={nameProblem ?? form.reason} onClick={() => void save()}>
          {create.isPending ? 'Creating…' : 'Create and use this block'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </div>
  );
}
