import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Deployment } from '../../api/deployments.ts';
import { buildWorkPoolQuery, jobVariablesSchema } from '../../api/work-pools.ts';
import { describeField, typeLabel } from '../../lib/schema-form/model.ts';
import { KeyValue, TagList } from '../ui/misc.tsx';
import { EmptyState } from '../ui/states.tsx';
import { DateTime } from '../ui/time.tsx';
import { Markdown } from '../ui/markdown.tsx';

const json = (v: unknown) => JSON.stringify(v, null, 2);

function Value({ value }: { value: unknown }) {
  if (value === undefined) return <span className="text-fg-muted">—</span>;
  return <pre className="max-h-48 overflow-auto font-mono text-xs whitespace-pre-wrap">{typeof value === 'string' ? JSON.stringify(value) : json(value)}</pre>;
}

/** Each parameter: its type (from the schema), the flow's default, and the deployment's value when it overrides it. */
export function ParametersTab({ deployment }: { deployment: Deployment }) {
  const schema = (deployment.parameter_openapi_schema ?? null) as Record<string, unknown> | null;
  const properties = schema ? (describeField(schema, schema, { isRoot: true }).properties ?? []) : [];
  const extra = Object.keys(deployment.parameters).filter((k) => !properties.some((p) => p.name === k));
  if (properties.length === 0 && extra.length === 0) return <EmptyState title="No parameters">This deployment's flow takes no parameters.</EmptyState>;
  return (
    <div className="overflow-x-auto p-4">
      <table className="w-full" aria-label="Parameters">
        <thead>
          <tr className="border-b border-border text-left text-xs text-fg-muted">
            <th className="py-1.5 pr-4 font-medium">Parameter</th>
            <th className="py-1.5 pr-4 font-medium">Type</th>
            <th className="py-1.5 pr-4 font-medium">Flow default</th>
            <th className="py-1.5 font-medium">Deployment value</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {properties.map((p) => {
            const model = describeField(schema!, p.schema);
            const overridden = p.name in deployment.parameters;
            return (
              <tr key={p.name} className="align-top">
                <td className="py-2 pr-4">
                  <span className="font-medium">{model.title ?? p.name}</span>
                  {p.required && <span className="ml-1 text-xs text-danger">required</span>}
                  {model.title && model.title !== p.name && <span className="block font-mono text-xs text-fg-muted">{p.name}</span>}
                  {model.description && <span className="block max-w-sm text-xs whitespace-pre-line text-fg-muted">{model.description.trim()}</span>}
                </td>
                <td className="py-2 pr-4 font-mono text-xs">{typeLabel(schema!, p.schema)}</td>
                <td className="py-2 pr-4">{model.default ? <Value value={model.default.value} /> : <span className="text-fg-muted">none</span>}</td>
                <td className="py-2">{overridden ? <Value value={deployment.parameters[p.name]} /> : <span className="text-fg-muted">flow default</span>}</td>
              </tr>
            );
          })}
          {extra.map((k) => (
            <tr key={k} className="align-top">
              <td className="py-2 pr-4 font-medium">{k}</td>
              <td className="py-2 pr-4 text-xs text-fg-muted">not in the schema</td>
              <td className="py-2 pr-4 text-fg-muted">—</td>
              <td className="py-2">
                <Value value={deployment.parameters[k]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ConfigurationTab({ deployment: d }: { deployment: Deployment }) {
  const pool = useQuery(buildWorkPoolQuery(d.work_pool_name));
  const variables = jobVariablesSchema(pool.data);
  return (
    <div className="grid gap-6 p-4 lg:grid-cols-2">
      <KeyValue
        items={[
          ['Work pool', d.work_pool_name && <Link to="/work-pools/work-pool/$name" params={{ name: d.work_pool_name }} className="text-accent hover:underline">{d.work_pool_name}</Link>],
          ['Pool type', pool.data?.type],
          ['Work queue', d.work_queue_name],
          ['Status', d.status === 'READY' ? 'Ready (a worker polled recently)' : 'Not ready (no recent poll)'],
          ['Last polled', <DateTime value={d.last_polled} style="seconds" />],
          ['Enforce parameter schema', d.enforce_parameter_schema ? 'yes' : 'no'],
          ['Entrypoint', d.entrypoint && <span className="font-mono text-xs">{d.entrypoint}</span>],
          ['Path', d.path && <span className="font-mono text-xs">{d.path}</span>],
          ['Version', d.version],
          ['Tags', d.tags.length ? <TagList tags={d.tags} /> : null],
          ['Deployment id', <span className="font-mono text-xs">{d.id}</span>],
          ['Created', <DateTime value={d.created} style="seconds" />],
          ['Updated', <DateTime value={d.updated} style="seconds" />],
        ]}
      />
      <div className="grid content-start gap-4">
        <section>
          <h3 className="mb-1 text-xs font-medium text-fg-muted">Job variables (this deployment)</h3>
          {Object.keys(d.infra_overrides).length ? <pre className="max-h-72 overflow-auto rounded-md bg-surface p-2 font-mono text-xs">{json(d.infra_overrides)}</pre> : <p className="text-fg-muted">None: the work pool's defaults apply.</p>}
        </section>
        {variables && (
          <section>
            <h3 className="mb-1 text-xs font-medium text-fg-muted">Variables the pool's job template accepts</h3>
            <ul className="grid gap-0.5 text-xs">
              {(describeField(variables, variables, { isRoot: true }).properties ?? []).map((p) => (
                <li key={p.name}>
                  <span className="font-mono">{p.name}</span> <span className="text-fg-muted">{typeLabel(variables, p.schema)}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {d.pull_steps && d.pull_steps.length > 0 && (
          <section>
            <h3 className="mb-1 text-xs font-medium text-fg-muted">Pull steps</h3>
            <pre className="max-h-48 overflow-auto rounded-md bg-surface p-2 font-mono text-xs">{json(d.pull_steps)}</pre>
          </section>
        )}
      </div>
    </div>
  );
}

export function DescriptionTab({ deployment }: { deployment: Deployment }) {
  if (!deployment.description?.trim()) return <EmptyState title="No description">Add one from Edit: it is written in Markdown.</EmptyState>;
  return (
    <div className="p-4">
      <Markdown text={deployment.description} />
    </div>
  );
}
