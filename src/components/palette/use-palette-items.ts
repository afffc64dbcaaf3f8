import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Blocks, Globe, Monitor, Moon, Play, Rocket, Server, Sun, Workflow, type LucideIcon } from 'lucide-react';
import { buildFlowsByIdQuery } from '../../api/flows.ts';
import { useFeatureFlags } from '../../api/server.ts';
import { buildBlockDocumentSearchQuery, buildDeploymentSearchQuery, buildFlowRunSearchQuery, buildFlowSearchQuery, buildWorkPoolNamesQuery } from '../../api/search.ts';
import { isIdFragment, isUuid, matchPages, matchThemes, matchZones, PALETTE_LIMIT, searchText, THEME_LABELS, type PaletteGroup } from '../../lib/palette.ts';
import { writeTimeZone } from '../../lib/preferences.ts';
import { pagesFor } from '../../lib/pages.ts';
import { browserTimeZone, timeZoneChoices } from '../../lib/time.ts';
import { useCan } from '../../api/auth.ts';
import { useQuickRun } from '../deployments/use-quick-run.ts';
import { useTheme } from '../shell/use-theme.ts';
import { useTimeZone } from '../ui/use-time-zone.ts';

export interface PaletteItem {
  key: string;
  group: PaletteGroup;
  label: string;
  /** Secondary text: the flow of a run, the type of a block… */
  detail?: string;
  /** The state of a flow run, shown as a badge. */
  state?: { type: string | null; name: string | null };
  icon?: LucideIcon;
  perform: () => void;
}

const DEBOUNCE_MS = 150;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

const THEME_ICONS = { light: Sun, dark: Moon, system: Monitor } as const;

/** Everything the query matches, in palette order; `close` runs after an item did its work. */
export function usePaletteItems(query: string, close: () => void) {
  const navigate = useNavigate();
  const quickRun = useQuickRun();
  const canRun = useCan('operator');
  const [theme, setTheme] = useTheme();
  const zone = useTimeZone();
  const text = searchText(useDebounced(query, DEBOUNCE_MS));
  const enabled = text !== null;
  const search = text ?? '';
  const shared = { enabled, placeholderData: keepPreviousData } as const;

  const flags = useFeatureFlags();
  const byId = flags?.has('flow_run_id_prefix') && isIdFragment(search) ? 'prefix' : isUuid(search) ? 'exact' : null;
  const runs = useQuery({ ...buildFlowRunSearchQuery(search, byId), ...shared, enabled: enabled && flags !== undefined });
  const flows = useQuery({ ...buildFlowSearchQuery(search), ...shared });
  const deployments = useQuery({ ...buildDeploymentSearchQuery(search), ...shared });
  const blocks = useQuery({ ...buildBlockDocumentSearchQuery(search), ...shared });
  const pools = useQuery({ ...buildWorkPoolNamesQuery(), enabled });
  const flowIds = [...(runs.data ?? []), ...(deployments.data ?? [])].map((r) => r.flow_id);
  const flowNames = useQuery({ ...buildFlowsByIdQuery(flowIds), enabled: enabled && flowIds.length > 0 });
  const searches = [runs, flows, deployments, blocks, pools];

  const items = (() => {
    const go = (to: string, params?: Record<string, string>) => () => {
      close();
      void navigate({ to: to as never, params: params as never });
    };
    const flowName = (id: string) => flowNames.data?.[id]?.name;
    const list: PaletteItem[] = matchPages(query, pagesFor(flags)).map((p) => ({ key: `page-${p.id}`, group: 'Pages', label: p.label, detail: `g then ${p.goKey}`, perform: go(p.to) }));
    if (enabled) {
      for (const r of runs.data ?? []) list.push({ key: `run-${r.id}`, group: 'Flow runs', label: r.name, detail: flowName(r.flow_id), state: { type: r.state_type, name: r.state_name }, perform: go('/runs/flow-run/$id', { id: r.id }) });
      for (const f of flows.data ?? []) list.push({ key: `flow-${f.id}`, group: 'Flows', label: f.name, icon: Workflow, perform: go('/flows/flow/$id', { id: f.id }) });
      for (const d of deployments.data ?? []) list.push({ key: `deployment-${d.id}`, group: 'Deployments', label: d.name, detail: flowName(d.flow_id), icon: Rocket, perform: go('/deployments/deployment/$id', { id: d.id }) });
      const poolText = search.toLowerCase();
      for (const p of (pools.data ?? []).filter((p) => p.name.toLowerCase().includes(poolText)).slice(0, PALETTE_LIMIT))
        list.push({ key: `pool-${p.name}`, group: 'Work pools', label: p.name, detail: p.type, icon: Server, perform: go('/work-pools/work-pool/$name', { name: p.name }) });
      for (const b of blocks.data ?? []) list.push({ key: `block-${b.id}`, group: 'Blocks', label: b.name ?? b.id, detail: b.block_type_name ?? undefined, icon: Blocks, perform: go('/blocks/block/$id', { id: b.id }) });
      // Starting runs needs the operator role: a viewer is not offered it.
      if (canRun)
        for (const d of deployments.data ?? [])
          list.push({ key: `quick-run-${d.id}`, group: 'Actions', label: `Run ${d.name}`, detail: `${flowName(d.flow_id) ?? 'deployment'} · quick run with its defaults`, icon: Play, perform: () => quickRun.start(d, close) });
    }
    for (const t of matchThemes(query, theme)) list.push({ key: `theme-${t}`, group: 'Actions', label: `Switch to ${THEME_LABELS[t]}`, icon: THEME_ICONS[t], perform: () => (setTheme(t), close()) });
    const browser = browserTimeZone();
    for (const z of matchZones(query, timeZoneChoices(zone), zone))
      list.push({ key: `zone-${z}`, group: 'Time zones', label: `Show times in ${z}`, detail: z === browser ? 'the browser’s zone' : undefined, icon: Globe, perform: () => (writeTimeZone(z === browser ? null : z), close()) });
    return list;
  })();

  return {
    items,
    /** A search for the current text is still running (or waits for the debounce). */
    searching: searchText(query) !== null && (searchText(query) !== text || searches.some((q) => q.isFetching)),
    errors: searches.flatMap((q) => (q.isError ? [q.error.message] : [])),
    busy: quickRun.busy,
  };
}
