import { createFileRoute, redirect } from '@tanstack/react-router';

/** The older address of a flow run (notification links) → its page under Runs. */
export const Route = createFileRoute('/flow-runs/flow-run/$id')({
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/runs/flow-run/$id', params: { id: params.id }, replace: true });
  },
});
