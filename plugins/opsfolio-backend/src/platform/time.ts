/** Stored timestamps are ISO-8601 UTC strings; PostgreSQL may hand back a Date for computed columns. */
export function toIso(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return new Date(value).toISOString();
  return String(value);
}
