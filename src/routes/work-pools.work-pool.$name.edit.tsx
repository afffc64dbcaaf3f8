import { createFileRoute } from '@tanstack/react-router';
import { buildWorkPoolQuery } from '../api/work-pools.ts';
import { EditWorkPoolPage } from '../components/work-pools/edit-work-pool-page.tsx';

export const Route = createFileRoute('/work-pools/work-pool/$name/edit')({
  loader: ({ context: { queryClient }, params }) => void queryClient.prefetchQuery(buildWorkPoolQuery(params.name)),
  component: function WorkPoolEditRoute() {
    const { name } = Route.useParams();
    return <EditWorkPoolPage key={name} name={name} />;
  },
});
