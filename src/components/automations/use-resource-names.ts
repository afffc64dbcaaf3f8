import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { buildAutomationsQuery, type Automation } from '../../api/automations.ts';
import { buildBlockDocumentsQuery } from '../../api/blocks.ts';
import { buildDeploymentsByIdQuery } from '../../api/deployments.ts';
import { buildFlowsByIdQuery } from '../../api/flows.ts';
import { buildAllWorkQueuesQuery, buildWorkPoolListQuery } from '../../api/work-pools.ts';
import { actionResourceId } from '../../lib/automation-actions.ts';
import { triggerResources, type NameOf } from '../../lib/automation-templates.ts';

const idsOfKind = (resourceIds: string[], kind: string) => resourceIds.filter((r) => r.startsWith(`syntask.${kind}.`)).map((r) => r.slice(kind.length + 9));

/**
 * Names of the flows, deployments, pools, queues, blocks and automations that some
 * automations name (for their summaries), read in one request per kind.
 */
export function useResourceNames(automations: Pick<Automation, 'trigger' | 'actions'>[] | undefined): NameOf {
  const all = automations ?? [];
  const fromTriggers = all.map((a) => triggerResources(a.trigger));
  const fromActions = all.flatMap((a) => a.actions.map(actionResourceId)).filter((r): r is string => r !== null);
  const flowIds = fromTriggers.flatMap((r) => r.flows);
  const deploymentIds = [...fromTriggers.flatMap((r) => r.deployments), ...idsOfKind(fromActions, 'deployment')];
  const blockIds = [...new Set(idsOfKind(fromActions, 'block-document'))].sort();
  const needsPools = fromTriggers.some((r) => r.pools.length) || fromActions.some((r) => r.startsWith('syntask.work-pool.'));
  const needsQueues = fromActions.some((r) => r.startsWith('syntask.work-queue.'));
  const needsAutomations = fromActions.some((r) => r.startsWith('syntask.automation.'));

  const flows = useQuery(buildFlowsByIdQuery(flowIds));
  const deployments = useQuery(buildDeploymentsByIdQuery(deploymentIds));
  const pools = useQuery({ ...buildWorkPoolListQuery(), enabled: needsPools });
  const queues = useQuery({ ...buildAllWorkQueuesQuery(), enabled: needsQueues });
  const others = useQuery({ ...buildAutomationsQuery(), enabled: needsAutomations });
  const blocks = useQuery({ ...buildBlockDocumentsQuery({ block_documents: { id: { any_: blockIds } }, limit: Math.max(1, blockIds.length) }), enabled: blockIds.length > 0 });

  return useCallback(
    (resourceId: string) => {
      const dot = resourceId.lastIndexOf('.');
      const kind = resourceId.slice(0, dot);
      const id = resourceId.slice(dot + 1);
      if (kind === 'syntask.flow') return flows.data?.[id]?.name;
      if (kind === 'syntask.deployment') return deployments.data?.[id]?.name;
      if (kind === 'syntask.work-pool') return pools.data?.find((p) => p.id === id)?.name;
      if (kind === 'syntask.work-queue') return queues.data?.find((q) => q.id === id)?.name;
      if (kind === 'syntask.automation') return others.data?.find((a) => a.id === id)?.name;
      if (kind === 'syntask.block-document') return blocks.data?.find((b) => b.id === id)?.name ?? undefined;
      return undefined;
    },
    [flows.data, deployments.data, pools.data, queues.data, others.data, blocks.data],
  );
}
