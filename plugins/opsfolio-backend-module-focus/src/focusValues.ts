/**
 * Reading single FOCUS values: date-times, decimals and the `Tags` column. Pure; each returns
 * `undefined` for a value it cannot read, so the caller can report the row.
 */

/**
 * FOCUS writes a missing value as `NULL` (its null rule); exporters also leave the cell empty. Either is
 * null, whatever the column: a JSON `null` in `Tags` too.
 */
export function isNull(raw: string | undefined): boolean {
  if (raw === undefined) return true;
  const text = raw.trim();
  return text === '' || text === 'NULL' || text === 'null';
}

// FOCUS date-times are ISO 8601 in UTC; exporters vary the separator, the fraction and the zone.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Milliseconds since the epoch; a date-time without a zone is UTC, as FOCUS requires. */
export function utcTime(raw: string): number | undefined {
  const m = DATE_TIME.exec(raw.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(v => Number(v ?? 0));
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const midnight = Date.UTC(y, mo - 1, d);
  // 2026-02-30 would silently roll over into March.
  if (new Date(midnight).getUTCDate() !== d) return undefined;
  return midnight + ((h * 60 + mi) * 60 + s) * 1000 - zoneMinutes(m[7]) * 60_000;
}

function zoneMinutes(zone: string | undefined): number {
  if (!zone || /^(z|utc)$/i.test(zone)) return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

// Plain or scientific notation (Azure writes 1.2E-05); '' is not zero here, unlike Number('').
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function decimal(raw: string): number | undefined {
  const text = raw.trim();
  if (!DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The value of `key` in a FOCUS `Tags` cell (a JSON object in Key-Value format): `''` when the
 * cell is empty or lacks the key, `undefined` when the cell is not a JSON object. Keys are matched
 * exactly first, then ignoring case, as Azure treats tag names case-insensitively.
 */
export function tagValue(raw: string | undefined, key: string): string | undefined {
  if (isNull(raw)) return '';
  const text = raw!.trim();
  let tags: unknown;
  try {
    tags = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof tags !== 'object' || tags === null || Array.isArray(tags)) return undefined;
  const record = tags as Record<string, unknown>;
  let value = Object.hasOwn(record, key) ? record[key] : undefined;
  if (value === undefined) {
    const lower = key.toLowerCase();
    const found = Object.keys(record).find(k => k.toLowerCase() === lower);
    value = found === undefined ? undefined : record[found];
  }
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
