import { useQuery } from '@tanstack/react-query';
import { buildAutomationsQuery } from '../../api/automations.ts';
import { buildBlockDocumentsQuery } from '../../api/blocks.ts';
import { buildDeploymentsQuery } from '../../api/deployments.ts';
import { buildFlowsQuery } from '../../api/flows.ts';
import { buildNotifyBlocksQuery } from '../../api/notification-policies.ts';
import { buildAllWorkQueuesQuery, buildWorkPoolListQuery } from '../../api/work-pools.ts';
import type { TargetKind } from '../../lib/automation-actions.ts';
import { Select } from '../ui/form.tsx';
import { describedBy } from '../ui/form-field.tsx';

/** The automation form's pickers: one native select per kind of resource, named by its FormField's label. */

interface Option {
  id: string;
  label: string;
}

interface SelectProps {
  id: string;
  value: string;
  onChange: (id: string) => void;
  error?: string;
  /** The choice for '' (e.g. "Any flow"); without it '' reads "Choose…". */
  anyLabel?: string;
}

function ResourceSelect({ id, value, onChange, error, anyLabel, noun, options, loading, failed }: SelectProps & { noun: string; options: Option[] | undefined; loading: boolean; failed: boolean }) {
  const missing = value && options && !options.some((o) => o.id === value);
  const empty = loading ? `Loading ${noun}s…` : failed ? `Could not list ${noun}s` : options?.length ? `Choose a ${noun}…` : `No ${noun}s yet`;
  return (
    <Select {...describedBy(id, error)} value={value} onChange={(e) => onChange(e.target.value)} className="w-full max-w-md">
      <option value="">{anyLabel ?? empty}</option>
      {options?.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
      {missing && <option value={value}>{`${noun} ${value.slice(0, 8)} (not found)`}</option>}
    </Select>
  );
}

export function FlowSelect(props: SelectProps) {
  const q = useQuery(buildFlowsQuery({ sort: 'NAME_ASC', limit: 200 }));
  return <ResourceSelect {...props} noun="flow" options={q.data?.map((f) => ({ id: f.id, label: f.name }))} loading={q.isPending} failed={q.isError} />;
}

export function DeploymentSelect(props: SelectProps) {
  const q = useQuery(buildDeploymentsQuery({ sort: 'NAME_ASC', limit: 200 }));
  return <ResourceSelect {...props} noun="deployment" options={q.data?.map((d) => ({ id: d.id, label: d.name }))} loading={q.isPending} failed={q.isError} />;
}

export function WorkPoolSelect(props: SelectProps) {
  const q = useQuery(buildWorkPoolListQuery());
  return <ResourceSelect {...props} noun="work pool" options={q.data?.map((p) => ({ id: p.id, label: p.name }))} loading={q.isPending} failed={q.isError} />;
}

function WorkQueueSelect(props: SelectProps) {
  const q = useQuery(buildAllWorkQueuesQuery());
  return <ResourceSelect {...props} noun="work queue" options={q.data?.map((w) => ({ id: w.id, label: `${w.work_pool_name ?? '—'} / ${w.name}` }))} loading={q.isPending} failed={q.isError} />;
}

function AutomationSelect(props: SelectProps) {
  const q = useQuery(buildAutomationsQuery());
  return <ResourceSelect {...props} noun="automation" options={q.data?.map((a) => ({ id: a.id, label: a.name }))} loading={q.isPending} failed={q.isError} />;
}

export function TargetSelect({ kind, ...props }: SelectProps & { kind: TargetKind }) {
  if (kind === 'deployment') return <DeploymentSelect {...props} />;
  if (kind === 'work-pool') return <WorkPoolSelect {...props} />;
  if (kind === 'work-queue') return <WorkQueueSelect {...props} />;
  return <AutomationSelect {...props} />;
}

/** Blocks that can notify (send-notification), or Webhook blocks (call-webhook). */
export function BlockSelect({ webhook, ...props }: SelectProps & { webhook: boolean }) {
  const notify = useQuery({ ...buildNotifyBlocksQuery(), enabled: !webhook });
  const hooks = useQuery({ ...buildBlockDocumentsQuery({ block_types: { slug: { any_: ['webhook'] } }, sort: 'NAME_ASC', limit: 200 }), enabled: webhook });
  const q = webhook ? hooks : notify;
  return <ResourceSelect {...props} noun={webhook ? 'webhook block' : 'notification block'} options={q.data?.map((b) => ({ id: b.id, label: `${b.name} (${b.block_type?.name ?? b.block_type_name})` }))} loading={q.isPending} failed={q.isError} />;
}
