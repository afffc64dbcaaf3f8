import type { ComponentProps, InputHTMLAttributes, SelectHTMLAttributes } from 'react';
import { clsx } from 'clsx';

const field = 'h-7 rounded-md border border-border-strong bg-surface-raised px-2 text-sm text-fg placeholder:text-fg-muted/80 disabled:opacity-50';

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={clsx(field, className)} {...props} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={clsx(field, 'pr-6', className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return <textarea className={clsx('rounded-md border border-border-strong bg-surface-raised px-2 py-1.5 text-sm text-fg', className)} {...props} />;
}

export function Checkbox({ className, ...props }: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  return <input type="checkbox" className={clsx('size-3.5 accent-[var(--color-accent)]', className)} {...props} />;
}
