import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { Check } from 'lucide-react';
import { buildTaskRunCountQuery, buildTaskRunsQuery } from '../../api/task-runs.ts';
import type { Attempt } from '../../lib/attempts.ts';
import type { LogSource } from '../../lib/run-page-search.ts';
import { Input, Select } from '../ui/form.tsx';
import { formatCount } from '../ui/misc.tsx';
import { Popover } from '../ui/popover.tsx';
import { StateBadge } from '../ui/state-badge.tsx';

const LIST_SIZE = 50;

/**
 * Which lines of a flow run to show: every line, the flow run's own ("Flow only"), or one task
 * run's. The task runs are listed by start and searched by name on the server, so a run with
 * thousands of them is as quick to filter as one with three.
 */
export function LogSourceFilter({ flowRunId, value, valueName, canFilterFlowOnly, onChange }: { flowRunId: string; value: LogSource | undefined; valueName: string | undefined; canFilterFlowOnly: boolean; onChange: (next: LogSource | undefined) => void }) {
  const current = value === 'flow' ? 'Flow only' : value ? (valueName ?? value.slice(0, 8)) : 'All task runs';
  return (
    <Popover
      buttonLabel={`Filter by task run: ${current}`}
      className={value ? 'border-accent' : undefined}
      label={
        <span className="flex items-center gap-1.5">
          <span className="text-fg-muted">Task run</span>
          <span className="max-w-40 truncate">{current}</span>
        </span>
      }
    >
      {(close) => (
        <SourceMenu
          flowRunId={flowRunId}
          value={value}
          canFilterFlowOnly={canFilterFlowOnly}
          onSelect={(next) => {
            close();
            onChange(next);
          }}
        />
      )}
    </Popover>
  );
}

function SourceMenu({ flowRunId, value, canFilterFlowOnly, onSelect }: { flowRunId: string; value: LogSource | undefined; canFilterFlowOnly: boolean; onSelect: (next: LogSource | undefined) => void }) {
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setName(text.trim()), 250);
    return () => clearTimeout(t);
  }, [text]);
  // Without a name this is the flow run page's task-run count, already in the cache.
  const filter = { task_runs: { flow_run_id: { any_: [flowRunId] }, ...(name ? { name: { like_: name } } : {}) } };
  const list = useQuery(buildTaskRunsQuery({ ...filter, sort: 'EXPECTED_START_TIME_ASC', limit: LIST_SIZE }));
  const count = useQuery(buildTaskRunCountQuery(filter));
  const shown = list.data?.length ?? 0;
  return (
    <div className="grid w-72 gap-1">
      <Input type="search" autoFocus aria-label="Find a task run" placeholder="Find a task run by name" value={text} onChange={(e) => setText(e.target.value)} className="m-1" />
      <div role="group" aria-label="Show lines of" className="grid max-h-72 overflow-y-auto">
        {!name && <Choice selected={!value} onSelect={() => onSelect(undefined)} label="All task runs" hint="and the flow" />}
        {!name && canFilterFlowOnly && <Choice selected={value === 'flow'} onSelect={() => onSelect('flow')} label="Flow only" hint="outside any task run" />}
        {list.data?.map((t) => (
          <Choice key={t.id} selected={value === t.id} onSelect={() => onSelect(t.id)} label={t.name} badge={<StateBadge type={t.state_type} name={t.state_name} size="sm" />} />
        ))}
      </div>
      <p className="px-2 pb-1 text-xs text-fg-muted" aria-live="polite">
        {list.isError
          ? 'Could not load the task runs'
          : list.isPending
            ? 'Loading task runs…'
            : shown === 0
              ? name
                ? `No task run named like "${name}"`
                : 'This run has no task runs'
              : count.data !== undefined && count.data > shown
                ? `First ${formatCount(shown)} of ${formatCount(count.data)}: type to find others`
                : null}
      </p>
    </div>
  );
}

function Choice({ selected, onSelect, label, hint, badge }: { selected: boolean; onSelect: () => void; label: string; hint?: string; badge?: React.ReactNode }) {
  return (
    <button type="button" aria-pressed={selected} onClick={onSelect} className={clsx('flex h-7 w-full items-center gap-2 rounded px-2 text-left hover:bg-surface-hover', selected && 'font-medium')}>
      <Check className={clsx('size-3.5 shrink-0', !selected && 'invisible')} aria-hidden="true" />
      <span className="min-w-0 flex-1 truncate" title={label}>
        {label}
        {hint && <span className="ml-1.5 text-xs font-normal text-fg-muted">{hint}</span>}
      </span>
      {badge}
    </button>
  );
}

/** Lines of one attempt of a run that ran more than once; each named by how it ended (the separators in the log say when it started). */
export function AttemptFilter({ attempts, value, onChange }: { attempts: readonly Attempt[]; value: number | undefined; onChange: (next: number | undefined) => void }) {
  const known = value !== undefined && value <= attempts.length ? value : 0;
  return (
    <Select aria-label="Attempt" value={known} onChange={(e) => onChange(Number(e.target.value) || undefined)} className={known ? 'border-accent' : undefined}>
      <option value={0}>All {attempts.length} attempts</option>
      {attempts.map((a) => (
        <option key={a.number} value={a.number}>
          Attempt {a.number} · {a.state.name}
        </option>
      ))}
    </Select>
  );
}
