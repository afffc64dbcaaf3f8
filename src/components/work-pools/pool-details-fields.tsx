import type { ReactNode } from 'react';
import type { DetailsErrors, PoolDetailsDraft } from '../../lib/work-pool-form.ts';
import { Input, Textarea } from '../ui/form.tsx';

/** A labelled field with its hint and inline error (announced, and tied to the input). */
export function FormField({ id, label, hint, error, children }: { id: string; label: string; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className="grid max-w-xl gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-danger">
          {label}: {error}
        </p>
      ) : (
        hint && <p className="text-xs text-fg-muted">{hint}</p>
      )}
    </div>
  );
}

const invalid = (id: string, error?: string) => ({ 'aria-invalid': Boolean(error), 'aria-describedby': error ? `${id}-error` : undefined });

/** Name (create only), description and concurrency limit of a pool. */
export function PoolDetailsFields({ value, onChange, errors, showName }: { value: PoolDetailsDraft; onChange: (patch: Partial<PoolDetailsDraft>) => void; errors: DetailsErrors; showName: boolean }) {
  return (
    <div className="grid gap-4">
      {showName && (
        <FormField id="pool-name" label="Name" hint="Workers and deployments refer to the pool by this name; it cannot be changed later." error={errors.name}>
          <Input id="pool-name" value={value.name} autoComplete="off" onChange={(e) => onChange({ name: e.target.value })} className="w-full" {...invalid('pool-name', errors.name)} />
        </FormField>
      )}
      <FormField id="pool-description" label="Description" hint="Optional: what runs here, who owns it." error={errors.description}>
        <Textarea id="pool-description" rows={3} value={value.description} onChange={(e) => onChange({ description: e.target.value })} className="w-full" {...invalid('pool-description', errors.description)} />
      </FormField>
      <FormField id="pool-concurrency" label="Concurrency limit" hint="Most runs of this pool at once (pending or running). Empty for no limit." error={errors.concurrency}>
        <Input id="pool-concurrency" inputMode="numeric" placeholder="Unlimited" value={value.concurrency} onChange={(e) => onChange({ concurrency: e.target.value })} className="w-40" {...invalid('pool-concurrency', errors.concurrency)} />
      </FormField>
    </div>
  );
}
