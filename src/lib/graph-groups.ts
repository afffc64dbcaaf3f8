/**
 * Groups of a run graph: the runs of one task key (a mapped task: `score-item-0` … `-499`)
 * collapse into one node when there are more than a threshold of them, so a 500-task run
 * reads as a handful of labelled nodes. Pure; works on graph-v2 nodes merged with subflows,
 * so live updates regroup by themselves.
 */

export interface GroupableNode {
  id: string;
  /** Task key; nodes without one group by their label without a trailing number. */
  taskKey?: string;
  /** The subflow node the node hangs off ('' at the top): groups never mix levels. */
  scope: string;
  label: string;
  state: string | null;
  start: number;
  end: number | null;
  parents: string[];
}

export interface DisplayNode {
  id: string;
  label: string;
  state: string | null;
  start: number;
  end: number | null;
  parents: string[];
  /** Members of a group node, natural order; absent on single nodes. */
  members?: string[];
  /** Member count per state type (null state counted as 'NONE'). */
  states?: Record<string, number>;
}

/** Groups form above this many runs of one key. */
export const GROUP_THRESHOLD = 10;

export const GROUP_PREFIX = 'group:';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
/** Natural order: `item-2` before `item-10`. */
export const naturalCompare = (a: string, b: string) => collator.compare(a, b);

/** A mapped run's label without its number: `score-item-12` → `score-item`. */
const labelStem = (label: string) => label.replace(/-\d+$/, '');

export const groupKeyOf = (n: Pick<GroupableNode, 'taskKey' | 'label' | 'scope'>) => `${n.scope}/${groupName(n)}`;

/** The name a group shows: its task key, else the members' shared label stem. */
function groupName(n: Pick<GroupableNode, 'taskKey' | 'label'>) {
  return n.taskKey || labelStem(n.label);
}

const STATE_RANK = ['CRASHED', 'FAILED', 'RUNNING', 'CANCELLING', 'PAUSED', 'PENDING', 'SCHEDULED', 'CANCELLED', 'COMPLETED'];

/** The state a group is coloured by: the most urgent one among its members. */
function groupState(states: Record<string, number>): string | null {
  for (const s of STATE_RANK) if (states[s]) return s;
  return null;
}

/** "498 completed, 2 failed": most first. */
export function describeStates(states: Record<string, number>): string {
  return Object.entries(states)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([s, n]) => `${n.toLocaleString('en')} ${s === 'NONE' ? 'without state' : s.toLowerCase()}`)
    .join(', ');
}

/**
 * Nodes as drawn: keys with more than `threshold` runs become one group node (unless
 * expanded), edges re-pointed at groups, edges inside a group dropped. `groupOf` maps every
 * grouped member (expanded or not) to its group id, so first failure and critical path,
 * computed on all nodes, can be shown on the group that holds them.
 */
export function collapseGroups(nodes: readonly GroupableNode[], expanded: ReadonlySet<string>, threshold = GROUP_THRESHOLD): { nodes: DisplayNode[]; groupOf: Map<string, string>; sizes: Map<string, number> } {
  const byKey = new Map<string, GroupableNode[]>();
  for (const n of nodes) {
    const key = groupKeyOf(n);
    const list = byKey.get(key);
    if (list) list.push(n);
    else byKey.set(key, [n]);
  }
  const groupOf = new Map<string, string>();
  const sizes = new Map<string, number>();
  const collapsed = new Map<string, string>();
  const groups: DisplayNode[] = [];
  for (const [key, members] of byKey) {
    if (members.length <= threshold) continue;
    const id = GROUP_PREFIX + key;
    for (const m of members) groupOf.set(m.id, id);
    sizes.set(id, members.length);
    if (expanded.has(id)) continue;
    members.sort((a, b) => naturalCompare(a.label, b.label));
    const states: Record<string, number> = {};
    let start = Infinity;
    let end: number | null = -Infinity;
    for (const m of members) {
      const s = m.state ?? 'NONE';
      states[s] = (states[s] ?? 0) + 1;
      start = Math.min(start, m.start);
      end = end === null || m.end === null ? null : Math.max(end, m.end);
      collapsed.set(m.id, id);
    }
    groups.push({ id, label: groupName(members[0]), state: groupState(states), start, end, parents: [], members: members.map((m) => m.id), states });
  }
  const shown = (id: string) => collapsed.get(id) ?? id;
  const parentsOf = new Map<string, Set<string>>();
  const out: DisplayNode[] = [];
  for (const n of nodes) {
    const at = shown(n.id);
    const parents = parentsOf.get(at) ?? new Set<string>();
    parentsOf.set(at, parents);
    for (const p of n.parents) if (shown(p) !== at) parents.add(shown(p));
    if (at === n.id) out.push({ id: n.id, label: n.label, state: n.state, start: n.start, end: n.end, parents: [] });
  }
  const all = [...out, ...groups];
  for (const d of all) d.parents = [...(parentsOf.get(d.id) ?? [])];
  return { nodes: all, groupOf, sizes };
}

/**
 * Initial order of nodes inside a layout column or lane: by when their task key first started,
 * then naturally by label, so `score-item-222` never lands after `-238` because it started a
 * millisecond later.
 */
export function naturalOrder<T extends Pick<DisplayNode, 'id' | 'label' | 'start'>>(nodes: readonly T[]): T[] {
  const stem = (n: T) => labelStem(n.label);
  const firstStart = new Map<string, number>();
  for (const n of nodes) firstStart.set(stem(n), Math.min(firstStart.get(stem(n)) ?? Infinity, n.start));
  return [...nodes].sort((a, b) => firstStart.get(stem(a))! - firstStart.get(stem(b))! || naturalCompare(stem(a), stem(b)) || naturalCompare(a.label, b.label) || a.start - b.start);
}
