import type { HTMLAttributes, ReactNode } from 'react';
import { clsx } from 'clsx';

export function Card({ className, ...props }: HTMLAttributes<HTMLElement>) {
  return <section className={clsx('rounded-lg border border-border bg-surface-raised', className)} {...props} />;
}

export interface CardHeaderProps {
  title: ReactNode;
  actions?: ReactNode;
}

export function CardHeader({ title, actions }: CardHeaderProps) {
  return (
    <header className="flex h-10 items-center justify-between gap-2 border-b border-border px-4">
      <h2 className="text-sm font-semibold">{title}</h2>
      {actions}
    </header>
  );
}
