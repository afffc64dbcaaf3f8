/**
 * Long log messages (up to 1,000,000 characters) are shown as a preview until expanded:
 * laying out a megabyte of text in a virtualized row stalls the page and buries the lines
 * around it. Pure.
 */

export const PREVIEW_MAX_CHARS = 2_000;
export const PREVIEW_MAX_LINES = 40;

export interface MessagePreview {
  text: string;
  /** The preview leaves part of the message out. */
  truncated: boolean;
}

// An escape sequence cut open at the end of the preview (ESC, ESC [ with parameters, an unterminated OSC).
// eslint-disable-next-line no-control-regex
const OPEN_ESCAPE = /\u001b(?:\[[0-9;:?]*|\][^\u0007\u001b]*)?$/;

/** The start of a message: at most `maxChars` characters and `maxLines` lines. */
export function previewMessage(message: string, maxChars = PREVIEW_MAX_CHARS, maxLines = PREVIEW_MAX_LINES): MessagePreview {
  let end = Math.min(message.length, maxChars);
  let newlines = 0;
  for (let i = message.indexOf('\n'); i !== -1 && i < end; i = message.indexOf('\n', i + 1)) {
    if (++newlines === maxLines) {
      end = i;
      break;
    }
  }
  if (end >= message.length) return { text: message, truncated: false };
  // Never split a surrogate pair (an emoji) or an ANSI escape sequence.
  const code = message.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { text: message.slice(0, end).replace(OPEN_ESCAPE, ''), truncated: true };
}
