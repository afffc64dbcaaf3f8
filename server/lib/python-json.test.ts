import { describe, expect, it } from 'vitest';
import { parseLossless, PyFloat, pythonFloatRepr, pythonJsonDumps, stringifyLossless, toPlainJson } from './python-json.ts';

describe('Python-compatible JSON (block schema checksums)', () => {
  it('writes floats, ints and containers as json.dumps(sort_keys=True) does', () => {
    // Expected strings produced by CPython 3 `json.dumps(value, sort_keys=True)`.
    const text = '{"b": 1, "a": [1.0, 2.5, 1e-05, 1e16, 123456789012345678, 0.1, -0.0, 1e21, 1.5e300, 5e-324, 0.0001, 1234567890123456.0, 12345678901234567.0]}';
    expect(pythonJsonDumps(parseLossless(text))).toBe(
      '{"a": [1.0, 2.5, 1e-05, 1e+16, 123456789012345678, 0.1, -0.0, 1e+21, 1.5e+300, 5e-324, 0.0001, 1234567890123456.0, 1.2345678901234568e+16], "b": 1}',
    );
    expect(pythonJsonDumps([true, false, null, {}, []])).toBe('[true, false, null, {}, []]');
  });

  it('escapes non-ASCII (surrogate pairs for astral characters) and control characters', () => {
    expect(pythonJsonDumps('ümlaut ✓ 😀 \x7f \x00\n\t"\\ /')).toBe('"\\u00fcmlaut \\u2713 \\ud83d\\ude00 \\u007f \\u0000\\n\\t\\"\\\\ /"');
  });

  it('sorts keys by code point, as Python compares strings', () => {
    expect(pythonJsonDumps({ é: 1, z: 2, A: 3, '\ue000': 4, '😀': 5 })).toBe('{"A": 3, "z": 2, "\\u00e9": 1, "\\ue000": 4, "\\ud83d\\ude00": 5}');
  });

  it('float repr matches Python around the exponent thresholds', () => {
    expect([1, 0.5, 1e-4, 1e-5, 1e15, 1e16, 123.456, -2.5e-7].map(pythonFloatRepr)).toEqual(['1.0', '0.5', '0.0001', '1e-05', '1000000000000000.0', '1e+16', '123.456', '-2.5e-07']);
  });

  it('the lossless parser keeps floats, huge ints and __proto__ keys', () => {
    const v = parseLossless('{"x": 5.0, "n": 5, "big": 123456789012345678901, "__proto__": {"a": [1e2]}}') as Record<string, unknown>;
    expect(v.x).toBeInstanceOf(PyFloat);
    expect(v.n).toBe(5);
    expect(Object.keys(v)).toEqual(['x', 'n', 'big', '__proto__']);
    expect(stringifyLossless(v)).toBe('{"x":5.0,"n":5,"big":123456789012345678901,"__proto__":{"a":[100.0]}}');
    expect(toPlainJson(v)).toEqual(JSON.parse('{"x": 5, "n": 5, "big": 123456789012345678901, "__proto__": {"a": [100]}}'));
    expect(() => parseLossless('{"a": 1,}')).toThrow(SyntaxError);
  });
});
