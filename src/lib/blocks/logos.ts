/**
 * Which block type logos the dashboard may load: only from its own origin or inline
 * (`data:image/…`). Anything else falls back to a local icon, so opening the catalog never
 * makes a request to a third party.
 */
export function safeLogoUrl(url: string | null | undefined, origin: string): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  if (/^data:image\/(svg\+xml|png|jpeg|gif|webp)[;,]/i.test(trimmed)) return trimmed;
  // Protocol-relative (`//host/…`) and backslash tricks point elsewhere even though they start with a slash.
  if (trimmed.startsWith('/') && !trimmed.startsWith('//') && !trimmed.includes('\\')) return trimmed;
  try {
    const parsed = new URL(trimmed);
    return parsed.origin === origin && (parsed.protocol === 'http:' || parsed.protocol === 'https:') ? parsed.href : null;
  } catch {
    return null;
  }
}
