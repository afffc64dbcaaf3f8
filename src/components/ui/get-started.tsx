import { CopyButton } from './misc.tsx';

export interface CliStep {
  label: string;
  command: string;
}

/** The CLI steps that put data on an empty server, for first-run empty states. */
export const FIRST_RUN_STEPS: CliStep[] = [
  { label: 'Start a worker (creates its process pool)', command: 'npx syntask worker start --pool local' },
  { label: 'Deploy the flows of ./syntask.yaml', command: 'npx syntask deploy' },
  { label: 'Run a deployment now', command: 'npx syntask deployment run <flow>/<deployment>' },
];

/** Copyable commands, numbered; `npm start` in this repository brings up a live demo instead. */
export function GetStarted({ steps = FIRST_RUN_STEPS }: { steps?: CliStep[] }) {
  return (
    <div className="mt-4 text-left">
      <ol className="space-y-2">
        {steps.map((step, i) => (
          <li key={step.command} className="flex flex-wrap items-center gap-2">
            <span className="w-full text-xs text-fg-muted sm:w-auto">
              {i + 1}. {step.label}
            </span>
            <code className="min-w-0 flex-1 overflow-x-auto whitespace-nowrap rounded bg-surface-hover px-2 py-1 font-mono text-xs text-fg">{step.command}</code>
            <CopyButton value={step.command} label="Copy" />
          </li>
        ))}
      </ol>
      <p className="mt-3 text-xs text-fg-muted">
        Or see it with data first: <code className="rounded bg-surface-hover px-1 font-mono">npm start</code> in the Syntask repository starts a worker and a live demo.
      </p>
    </div>
  );
}
