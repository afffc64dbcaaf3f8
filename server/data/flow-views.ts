import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readConfig } from '../../sdk/cli/deploy.ts';
import { isFlow } from '../../sdk/worker/runner.ts';

/**
 * Builds the `aggregate-flow-metadata` and `demo-flows` collection views (contract §3.16)
 * from the demo deployments of examples/syntask.yaml, in the Syntask 2 registry format. The
 * server serves the bundled JSON; after changing the examples run
 * `npx tsx server/data/flow-views.ts` (collections.test.ts fails while they are stale).
 */

const COLLECTION = 'syntask';
export const FLOW_VIEW_FILES = { 'aggregate-flow-metadata': 'flow-metadata.json', 'demo-flows': 'demo-flows.json' } as const;

type Entry = Record<string, unknown>;
const sorted = (o: Record<string, Entry>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

export async function buildFlowViews(root: string): Promise<Record<keyof typeof FLOW_VIEW_FILES, Record<string, Record<string, Entry>>>> {
  const all: Record<string, Entry> = {};
  const demo: Record<string, Entry> = {};
  for (const deployment of readConfig(join(root, 'examples', 'syntask.yaml'))) {
    const [file, deployedExport] = deployment.entrypoint.split(':');
    const module = (await import(pathToFileURL(join(root, 'examples', file)).href)) as Record<string, unknown>;
    // Every flow of the file (subflows included) is in the catalog; the deployed one is also a demo.
    for (const [exportName, flow] of Object.entries(module)) {
      if (!isFlow(flow)) continue;
      const deployed = exportName === deployedExport;
      const entry: Entry = {
        name: flow.flowName,
        slug: exportName,
        description: { summary: flow.options.description ?? '', returns: '', examples: deployed ? [`syntask deploy -c examples/syntask.yaml ${deployment.name}`] : [] },
        documentation_url: '',
        entrypoint: `examples/${file}:${exportName}`,
        install_command: 'npm install syntask',
        logo_url: '',
        parameters: flow.parameterSchema(),
        path_containing_flow: `examples/${file}`,
        repo_url: '',
      };
      if (deployed || !all[flow.flowName]) all[flow.flowName] = entry;
      if (deployed) demo[flow.flowName] = entry;
    }
  }
  return { 'aggregate-flow-metadata': { [COLLECTION]: sorted(all) }, 'demo-flows': { [COLLECTION]: sorted(demo) } };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = join(import.meta.dirname, '..', '..');
  const views = await buildFlowViews(root);
  for (const [view, file] of Object.entries(FLOW_VIEW_FILES)) writeFileSync(join(root, 'server', 'data', file), JSON.stringify(views[view as keyof typeof views], null, 1) + '\n');
}
