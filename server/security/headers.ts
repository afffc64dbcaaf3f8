/**
 * Every HTML page (dashboard, /docs): no inline scripts (boot code is /boot.js), no framing.
 * `'unsafe-eval'` stays because the schema form validates with ajv, which compiles schemas
 * to functions; inline styles stay for React Flow and Recharts' computed styles.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const HTML_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
};

export const ALL_RESPONSE_HEADERS: Record<string, string> = { 'x-content-type-options': 'nosniff' };
