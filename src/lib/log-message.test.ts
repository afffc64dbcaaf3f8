import { describe, expect, it } from 'vitest';
import { previewMessage } from './log-message.ts';

describe('long log messages', () => {
  it('keeps a short message whole', () => {
    expect(previewMessage('all good')).toEqual({ text: 'all good', truncated: false });
    const forty = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n');
    expect(previewMessage(forty)).toEqual({ text: forty, truncated: false });
  });

  it('cuts at the character limit', () => {
    const preview = previewMessage('x'.repeat(900_000));
    expect(preview.truncated).toBe(true);
    expect(preview.text).toHaveLength(2_000);
  });

  it('cuts after the line limit, before the next line break', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `frame ${i}`);
    const preview = previewMessage(lines.join('\n'));
    expect(preview).toEqual({ text: lines.slice(0, 40).join('\n'), truncated: true });
  });

  it('never leaves half an emoji or an open escape sequence at the cut', () => {
    expect(previewMessage('ab😀cd', 3)).toEqual({ text: 'ab', truncated: true });
    expect(previewMessage('ok \u001b[31mred', 6)).toEqual({ text: 'ok ', truncated: true });
    expect(previewMessage('ok \u001b[31mred', 8).text).toBe('ok \u001b[31m');
  });
});
