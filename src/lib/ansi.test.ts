import { describe, expect, it } from 'vitest';
import { color256, parseAnsi, stripAnsi } from './ansi.ts';

const ESC = '\u001b';

describe('ANSI parsing', () => {
  it('leaves plain text alone', () => {
    expect(parseAnsi('plain line')).toEqual([{ text: 'plain line' }]);
  });

  it('applies and resets colours and weights', () => {
    expect(parseAnsi(`${ESC}[31mERROR${ESC}[0m: disk ${ESC}[1;33mfull${ESC}[22m!`)).toEqual([
      { text: 'ERROR', fg: 'red' },
      { text: ': disk ' },
      { text: 'full', fg: 'yellow', bold: true },
      { text: '!', fg: 'yellow' },
    ]);
  });

  it('reads bright, background, 256-colour and true-colour codes', () => {
    expect(parseAnsi(`${ESC}[92;41mok`)).toEqual([{ text: 'ok', fg: 'bright-green', bg: 'red' }]);
    expect(parseAnsi(`${ESC}[38;5;196mx`)).toEqual([{ text: 'x', fg: '#ff0000' }]);
    expect(parseAnsi(`${ESC}[38;2;10;20;30;48;5;244my`)).toEqual([{ text: 'y', fg: '#0a141e', bg: '#808080' }]);
    expect(color256(9)).toBe('bright-red');
    expect(color256(232)).toBe('#080808');
  });

  it('treats ESC[m as a reset and drops non-colour sequences', () => {
    expect(parseAnsi(`${ESC}[4mu${ESC}[m ${ESC}[2K${ESC}]0;title${ESC}\\done`)).toEqual([{ text: 'u', underline: true }, { text: ' ' }, { text: 'done' }]);
  });

  it('strips escapes for search and download', () => {
    expect(stripAnsi(`${ESC}[1;31mfailed${ESC}[0m after 3 tries`)).toBe('failed after 3 tries');
  });
});
