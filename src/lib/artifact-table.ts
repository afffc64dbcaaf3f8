/**
 * The data of a `table` artifact as columns and rows. The SDK stores a JSON string of row
 * objects; other clients send rows as objects, rows as arrays, or columns as lists
 * (`{"name": [...], "count": [...]}`). Anything else is not a table (null). Pure.
 */

export interface ArtifactTable {
  columns: string[];
  rows: unknown[][];
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function artifactTable(data: unknown): ArtifactTable | null {
  let value = data;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (Array.isArray(value)) {
    if (value.every(isObject)) {
      const columns = [...new Set(value.flatMap((row) => Object.keys(row)))];
      return { columns, rows: value.map((row) => columns.map((c) => row[c])) };
    }
    if (value.every(Array.isArray)) {
      const width = Math.max(0, ...value.map((r) => r.length));
      return { columns: Array.from({ length: width }, (_, i) => String(i + 1)), rows: value.map((r) => Array.from({ length: width }, (_, i) => r[i])) };
    }
    return null;
  }
  if (isObject(value) && Object.values(value).every(Array.isArray)) {
    const columns = Object.keys(value);
    const lists = Object.values(value) as unknown[][];
    const height = Math.max(0, ...lists.map((l) => l.length));
    return { columns, rows: Array.from({ length: height }, (_, r) => lists.map((l) => l[r])) };
  }
  return null;
}

/** A cell as text: strings as they are, missing as empty, anything else as JSON. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
