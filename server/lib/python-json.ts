/**
 * JSON exactly as Python's `json.dumps(obj, sort_keys=True)` writes it, for the block
 * schema checksum (contract §3.8): separators `", "` and `": "`, keys sorted by code
 * point, non-ASCII escaped as lower-case `\uXXXX` (astral characters as surrogate pairs),
 * floats in Python's `repr` (`5.0`, `1e-05`, `1e+16`).
 *
 * Python keeps `5.0` a float where JavaScript reads `5`, so request bodies whose checksum
 * matters are parsed with `parseLossless`, which keeps numbers written with a fraction or
 * an exponent as `PyFloat` and integers beyond 2^53 as `PyInt`.
 */

/** A number whose JSON text had a fraction or an exponent (a Python float). */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** An integer beyond double precision, kept as its digits (a Python int). */
export class PyInt {
  constructor(readonly digits: string) {}
}

/** Python's `repr(float)`: shortest round-trip digits, exponent below 1e-4 and from 1e16. */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mantissa, expText] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  const decpt = exp + 1;
  if (decpt > 16 || decpt < -3) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

const ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** A string as Python's `json.dumps` (ensure_ascii=True) writes it. */
export function pythonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const code = s.charCodeAt(i);
    if (ESCAPES[ch]) out += ESCAPES[ch];
    else if (code < 0x20 || code > 0x7e) out += '\\u' + code.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

/** Orders UTF-16 code units as their code points order (surrogates above U+E000–U+FFFF). */
const unitRank = (u: number) => (u >= 0xe000 ? u - 0x800 : u >= 0xd800 ? u + 0x2000 : u);

/** Python's string order (by code point). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return unitRank(x) - unitRank(y);
  }
  return a.length - b.length;
}

function pythonNumber(n: number): string {
  if (!Number.isFinite(n)) return pythonFloatRepr(n);
  return Number.isInteger(n) ? BigInt(n).toString() : pythonFloatRepr(n);
}

/** `json.dumps(value, sort_keys=True)`; object keys with `undefined` values are skipped. */
export function pythonJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'string') return pythonString(value);
  if (typeof value === 'number') return pythonNumber(value);
  if (value instanceof PyFloat) return pythonFloatRepr(value.value);
  if (value instanceof PyInt) return value.digits;
  if (Array.isArray(value)) return value.length ? `[${value.map(pythonJsonDumps).join(', ')}]` : '[]';
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    entries.sort(([a], [b]) => compareCodePoints(a, b));
    return `{${entries.map(([k, v]) => `${pythonString(k)}: ${pythonJsonDumps(v)}`).join(', ')}}`;
  }
  throw new TypeError(`Cannot serialize ${typeof value}`);
}

/** Plain JSON of a lossless value, floats written as Python would (`5.0`): for test bodies. */
export function stringifyLossless(value: unknown): string {
  if (value instanceof PyFloat) return Number.isFinite(value.value) ? pythonFloatRepr(value.value) : 'null';
  if (value instanceof PyInt) return value.digits;
  if (Array.isArray(value)) return `[${value.map(stringifyLossless).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${JSON.stringify(k)}:${stringifyLossless(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A lossless value as ordinary JSON (PyFloat → number, PyInt → nearest number). */
export function toPlainJson(value: unknown): unknown {
  if (value instanceof PyFloat) return value.value;
  if (value instanceof PyInt) return Number(value.digits);
  if (Array.isArray(value)) return value.map(toPlainJson);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, toPlainJson(v));
    return out;
  }
  return value;
}

/** `obj[key] = value` that also works for the key `__proto__`. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const WS = /[ \t\n\r]*/y;

/**
 * Parses JSON keeping what Python would see: floats as `PyFloat`, huge integers as `PyInt`.
 * Expects text that `JSON.parse` already accepted (request bodies are parsed first).
 */
export function parseLossless(text: string): unknown {
  let i = 0;
  const skip = () => {
    WS.lastIndex = i;
    WS.exec(text);
    i = WS.lastIndex;
  };
  const fail = (): never => {
    throw new SyntaxError(`Unexpected character at position ${i}`);
  };
  const stringAt = (): string => {
    const start = i;
    i += 1;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail();
    i += 1;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (depth: number): unknown => {
    if (depth > 10000) fail();
    skip();
    const ch = text[i];
    if (ch === '{') {
      i += 1;
      const obj: Record<string, unknown> = {};
      skip();
      if (text[i] === '}') {
        i += 1;
        return obj;
      }
      for (;;) {
        skip();
        if (text[i] !== '"') fail();
        const key = stringAt();
        skip();
        if (text[i] !== ':') fail();
        i += 1;
        setOwn(obj, key, value(depth + 1));
        skip();
        if (text[i] === ',') i += 1;
        else if (text[i] === '}') {
          i += 1;
          return obj;
        } else fail();
      }
    }
    if (ch === '[') {
      i += 1;
      const arr: unknown[] = [];
      skip();
      if (text[i] === ']') {
        i += 1;
        return arr;
      }
      for (;;) {
        arr.push(value(depth + 1));
        skip();
        if (text[i] === ',') i += 1;
        else if (text[i] === ']') {
          i += 1;
          return arr;
        } else fail();
      }
    }
    if (ch === '"') return stringAt();
    if (text.startsWith('true', i)) return (i += 4), true;
    if (text.startsWith('false', i)) return (i += 5), false;
    if (text.startsWith('null', i)) return (i += 4), null;
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) return fail();
    i = NUMBER.lastIndex;
    if (m[1] !== undefined || m[2] !== undefined) return new PyFloat(Number(m[0]));
    const n = Number(m[0]);
    return Number.isSafeInteger(n) ? n : new PyInt(BigInt(m[0]).toString());
  };
  const result = value(0);
  skip();
  if (i !== text.length) fail();
  return result;
}
