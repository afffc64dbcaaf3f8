import { createFileRoute } from '@tanstack/react-router';
import { buildDeploymentDetailQuery } from '../api/deployments.ts';
import { buildFlowRunDetailQuery } from '../api/flow-runs.ts';
import { CustomRunPage } from '../components/deployments/custom-run-page.tsx';
import { isUuid, parseCustomRunSearch, type CustomRunSearch } from '../lib/deployment-search.ts';

export const Route = createFileRoute('/deployments/deployment/$id/run')({
  validateSearch: (raw: Record<string, unknown>): CustomRunSearch => parseCustomRunSearch(raw),
  loaderDeps: ({ search }) => ({ from: search.from }),
  loader: ({ context: { queryClient }, params, deps }) => {
    if (isUuid(params.id)) void queryClient.prefetchQuery(buildDeploymentDetailQuery(params.id));
    if (deps.from) void queryClient.prefetchQuery(buildFlowRunDetailQuery(deps.from));
  },
  component: function CustomRunRoute() {
    const { id } = Route.useParams();
    const { from } = parseCustomRunSearch(Route.useSearch() as Record<string, unknown>);
    return <CustomRunPage key={`${id}-${from ?? ''}`} id={id} from={from} />;
  },
});
