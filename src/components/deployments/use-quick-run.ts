import { useNavigate } from '@tanstack/react-router';
import { useCreateDeploymentRun, type Deployment } from '../../api/deployments.ts';
import { missingRequired } from '../../lib/schema-form/defaults.ts';
import { toast } from '../ui/toast.tsx';

/**
 * A run of a deployment with its defaults, then its page; a deployment whose required
 * parameters have no value opens the custom-run form instead (the deployment page, the palette).
 */
export function useQuickRun() {
  const navigate = useNavigate();
  const run = useCreateDeploymentRun();
  const start = (d: Pick<Deployment, 'id' | 'parameters' | 'parameter_openapi_schema'>, onStarted?: () => void) => {
    const schema = d.parameter_openapi_schema as Record<string, unknown> | null;
    const missing = schema ? missingRequired(schema, d.parameters) : [];
    if (missing.length) {
      toast(`${missing.join(', ')} need${missing.length === 1 ? 's' : ''} a value: fill in the form to start the run.`, 'error');
      onStarted?.();
      void navigate({ to: '/deployments/deployment/$id/run', params: { id: d.id } });
      return;
    }
    run.mutate(
      { id: d.id, body: {} },
      {
        onSuccess: (created) => {
          toast(`Started ${created.name}.`);
          onStarted?.();
          void navigate({ to: '/runs/flow-run/$id', params: { id: created.id } });
        },
      },
    );
  };
  return { start, busy: run.isPending };
}
