import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { buildDeploymentsQuery } from '../../api/deployments.ts';
import { buildFlowsByIdQuery, buildFlowsQuery } from '../../api/flows.ts';
import { buildWorkPoolListQuery } from '../../api/work-pools.ts';
import { NO_DEPLOYMENT } from '../../lib/run-filters.ts';
import { Checkbox, Input } from '../ui/form.tsx';
import { Popover } from '../ui/popover.tsx';

export interface Choice {
  id: string;
  label: string;
  detail?: string;
}

/** A filter button opening a searchable checkbox list; choices load when it is first opened (also used by the block list). */
export function ChoicePicker({ noun, selected, onChange, useChoices }: { noun: string; selected: string[]; onChange: (ids: string[]) => void; useChoices: (filter: string, enabled: boolean) => { data?: Choice[]; isPending: boolean } }) {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const choices = useChoices(filter, open || selected.length > 0);
  const plural = `${noun}s`;
  return (
    <div onFocusCapture={() => setOpen(true)} onMouseEnter={() => setOpen(true)}>
      <Popover label={selected.length ? `${plural[0].toUpperCase()}${plural.slice(1)} (${selected.length})` : `All ${plural}`} buttonLabel={`${plural[0].toUpperCase()}${plural.slice(1)}`}>
        {() => (
          <div className="grid gap-1 p-1">
            <Input aria-label={`Find a ${noun}`} placeholder={`Find a ${noun}`} value={filter} onChange={(e) => setFilter(e.target.value)} />
            <fieldset className="grid max-h-72 gap-0.5 overflow-y-auto">
              <legend className="sr-only">{plural}</legend>
              {choices.isPending && <span className="px-1.5 py-1 text-fg-muted">Loading {plural}…</span>}
              {choices.data?.length === 0 && <span className="px-1.5 py-1 text-fg-muted">No {noun} matches.</span>}
              {choices.data?.map((c) => (
                <label key={c.id} className="flex h-7 items-center gap-2 rounded px-1.5 hover:bg-surface-hover">
                  <Checkbox checked={selected.includes(c.id)} onChange={() => onChange(selected.includes(c.id) ? selected.filter((x) => x !== c.id) : [...selected, c.id])} />
                  <span className="truncate">{c.label}</span>
                  {c.detail && <span className="ml-auto truncate text-xs text-fg-muted">{c.detail}</span>}
                </label>
              ))}
            </fieldset>
          </div>
        )}
      </Popover>
    </div>
  );
}

function useFlowChoices(filter: string, enabled: boolean) {
  const flows = useQuery({ ...buildFlowsQuery({ flows: filter ? { name: { like_: filter } } : undefined, limit: 50, sort: 'NAME_ASC' }), enabled });
  return { data: flows.data?.map((f) => ({ id: f.id, label: f.name })), isPending: flows.isPending && enabled };
}

export function FlowFilterPicker({ selected, onChange }: { selected: string[]; onChange: (ids: string[]) => void }) {
  return <ChoicePicker noun="flow" selected={selected} onChange={onChange} useChoices={useFlowChoices} />;
}

function usePoolChoices(filter: string, enabled: boolean) {
  const pools = useQuery(buildWorkPoolListQuery(enabled));
  const data = pools.data?.filter((p) => p.name.toLowerCase().includes(filter.toLowerCase())).map((p) => ({ id: p.name, label: p.name, detail: p.type }));
  return { data, isPending: pools.isPending && enabled };
}

export function WorkPoolFilterPicker({ selected, onChange }: { selected: string[]; onChange: (names: string[]) => void }) {
  return <ChoicePicker noun="work pool" selected={selected} onChange={onChange} useChoices={usePoolChoices} />;
}

function useDeploymentChoices(filter: string, enabled: boolean) {
  const deployments = useQuery({ ...buildDeploymentsQuery({ deployments: filter ? { name: { like_: filter } } : undefined, limit: 50, sort: 'NAME_ASC' }), enabled });
  const flows = useQuery({ ...buildFlowsByIdQuery((deployments.data ?? []).map((d) => d.flow_id)), enabled: enabled && (deployments.data?.length ?? 0) > 0 });
  const adHoc = !filter || AD_HOC_CHOICE.label.toLowerCase().includes(filter.toLowerCase()) ? [AD_HOC_CHOICE] : [];
  return { data: deployments.data && [...adHoc, ...deployments.data.map((d) => ({ id: d.id, label: d.name, detail: flows.data?.[d.flow_id]?.name }))], isPending: deployments.isPending && enabled };
}

/** Runs made without a deployment: a script run directly (`deployment=none` in the URL). */
const AD_HOC_CHOICE: Choice = { id: NO_DEPLOYMENT, label: 'No deployment', detail: 'ad-hoc runs' };

/** The runs page's deployment filter (`deployment_id: {any_, is_null_}`). */
export function DeploymentFilterPicker({ selected, onChange }: { selected: string[]; onChange: (ids: string[]) => void }) {
  return <ChoicePicker noun="deployment" selected={selected} onChange={onChange} useChoices={useDeploymentChoices} />;
}
