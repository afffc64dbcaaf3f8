/** JSON columns are stored as text; these keep the (de)serialization in one place. */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export function fromJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined) return fallback;
  const value = JSON.parse(text) as T | null;
  return value === null ? fallback : value;
}

export function fromJsonNullable<T>(text: string | null | undefined): T | null {
  return text === null || text === undefined ? null : (JSON.parse(text) as T);
}
