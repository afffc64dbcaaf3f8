import { useState } from 'react';
import { clsx } from 'clsx';
import { Blocks } from 'lucide-react';
import { safeLogoUrl } from '../../lib/blocks/logos.ts';

/** A block type's logo when the server serves it itself (or inline); otherwise a local icon. Decorative: the name is always next to it. */
export function BlockLogo({ url, className }: { url: string | null | undefined; className?: string }) {
  const [broken, setBroken] = useState(false);
  const src = safeLogoUrl(url, window.location.origin);
  const size = clsx('size-8 shrink-0', className);
  if (!src || broken) {
    return (
      <span aria-hidden="true" className={clsx(size, 'inline-flex items-center justify-center rounded-md border border-border bg-surface text-fg-muted')}>
        <Blocks className="size-1/2" />
      </span>
    );
  }
  return <img src={src} alt="" aria-hidden="true" referrerPolicy="no-referrer" onError={() => setBroken(true)} className={clsx(size, 'rounded-md object-contain')} />;
}
