import { describe, expect, it } from 'vitest';
import { safeLogoUrl } from './logos.ts';

const origin = 'http://127.0.0.1:4200';

describe('safeLogoUrl', () => {
  it('allows same-origin paths, same-origin URLs and inline images', () => {
    expect(safeLogoUrl('/api/ui/block-logos/secret.svg', origin)).toBe('/api/ui/block-logos/secret.svg');
    expect(safeLogoUrl('http://127.0.0.1:4200/logo.svg', origin)).toBe('http://127.0.0.1:4200/logo.svg');
    expect(safeLogoUrl('data:image/svg+xml;base64,PHN2Zy8+', origin)).toBe('data:image/svg+xml;base64,PHN2Zy8+');
  });

  it('refuses anything that would be a request to another host', () => {
    for (const url of ['https://cdn.example.com/logo.svg', '//cdn.example.com/logo.svg', '/\\cdn.example.com/x.svg', 'http://127.0.0.1:4201/logo.svg', 'javascript:alert(1)', 'data:text/html,<b>', 'logo.svg', '', null, undefined]) {
      expect(safeLogoUrl(url, origin), String(url)).toBeNull();
    }
  });
});
