/**
 * ANSI SGR escape codes in log lines → styled segments. Colours are returned as palette
 * names (`red`, `bright-blue`) or `#rrggbb`, so the view maps them to themed CSS; any other
 * escape sequence (cursor movement, OSC titles) is dropped.
 */

export interface AnsiStyle {
  fg?: string;
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export interface AnsiSegment extends AnsiStyle {
  text: string;
}

const NAMES = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];

// CSI sequences (ESC [ … final byte) and OSC sequences (ESC ] … BEL or ESC \).
// eslint-disable-next-line no-control-regex
const ESCAPE = /\u001b\[([0-9;:?]*)([@-~])|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

const hex = (n: number) => n.toString(16).padStart(2, '0');

/** xterm 256-colour index → palette name or hex. */
export function color256(n: number): string {
  if (n < 8) return NAMES[n];
  if (n < 16) return `bright-${NAMES[n - 8]}`;
  if (n < 232) {
    const i = n - 16;
    const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
    return `#${hex(level(Math.floor(i / 36)))}${hex(level(Math.floor(i / 6) % 6))}${hex(level(i % 6))}`;
  }
  const grey = 8 + (n - 232) * 10;
  return `#${hex(grey)}${hex(grey)}${hex(grey)}`;
}

function applyCodes(style: AnsiStyle, codes: number[]): AnsiStyle {
  const next = { ...style };
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c === 0) {
      for (const k of Object.keys(next) as (keyof AnsiStyle)[]) delete next[k];
    } else if (c === 1) next.bold = true;
    else if (c === 2) next.dim = true;
    else if (c === 3) next.italic = true;
    else if (c === 4) next.underline = true;
    else if (c === 22) {
      delete next.bold;
      delete next.dim;
    } else if (c === 23) delete next.italic;
    else if (c === 24) delete next.underline;
    else if (c >= 30 && c <= 37) next.fg = NAMES[c - 30];
    else if (c >= 90 && c <= 97) next.fg = `bright-${NAMES[c - 90]}`;
    else if (c === 39) delete next.fg;
    else if (c >= 40 && c <= 47) next.bg = NAMES[c - 40];
    else if (c >= 100 && c <= 107) next.bg = `bright-${NAMES[c - 100]}`;
    else if (c === 49) delete next.bg;
    else if ((c === 38 || c === 48) && codes[i + 1] === 5 && codes[i + 2] !== undefined) {
      next[c === 38 ? 'fg' : 'bg'] = color256(codes[i + 2]);
      i += 2;
    } else if ((c === 38 || c === 48) && codes[i + 1] === 2 && codes[i + 4] !== undefined) {
      const [r, g, b] = codes.slice(i + 2, i + 5).map((v) => Math.max(0, Math.min(255, v)));
      next[c === 38 ? 'fg' : 'bg'] = `#${hex(r)}${hex(g)}${hex(b)}`;
      i += 4;
    }
  }
  return next;
}

/** Splits a line into styled segments; a line without escapes is one plain segment. */
export function parseAnsi(input: string): AnsiSegment[] {
  if (!input.includes('\u001b')) return [{ text: input }];
  const segments: AnsiSegment[] = [];
  let style: AnsiStyle = {};
  let last = 0;
  const push = (text: string) => {
    if (text) segments.push({ ...style, text });
  };
  for (const match of input.matchAll(ESCAPE)) {
    push(input.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[2] === 'm') {
      const codes = (match[1] === '' ? '0' : match[1]).split(/[;:]/).map((v) => (v === '' ? 0 : Number(v)));
      style = applyCodes(style, codes);
    }
  }
  push(input.slice(last));
  return segments;
}

/** The text without any escape sequence (search, copy, download). */
export function stripAnsi(input: string): string {
  return input.includes('\u001b') ? input.replace(ESCAPE, '') : input;
}
