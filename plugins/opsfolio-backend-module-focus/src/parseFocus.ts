import { addDays, dayOf } from '@opsfolio/backstage-plugin-common';
import type { CostRecord } from '@opsfolio/backstage-plugin-node';
import { parse, type CsvError } from 'csv-parse';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { FocusAggregate } from './FocusAggregate';
import { decimal, isNull, tagValue, utcTime } from './focusValues';

/** FOCUS 1.x `ChargeCategory` values. */
export const CHARGE_CATEGORIES = ['Usage', 'Purchase', 'Tax', 'Credit', 'Adjustment'] as const;

/** How many malformed rows of one file are kept with their line numbers; the rest are only counted. */
const MAX_PROBLEMS = 20;

export interface FocusParseOptions {
  /** The allocation key looked up in `tagColumn`. */
  tagKey: string;
  /** The JSON column the allocation key is read from (default `Tags`; `x_CostCategories` for a Cost Category). */
  tagColumn?: string;
  /** Entities' own tag keys, also read from `Tags`: a row with one adds a record with its `tagKey`. */
  entityTagKeys?: readonly string[];
  /** The column summed (default `EffectiveCost`). */
  costColumn?: string;
  /** Only rows of these categories count (default: every row). */
  chargeCategories?: readonly string[];
  /** Rows of a billing period that ends after this are marked estimated (default: now). */
  now?: Date;
  signal?: AbortSignal;
}

/** A row that was left out, with the line of the file it ends on. */
interface FocusProblem {
  line: number;
  message: string;
}

export interface FocusFileStats {
  /** Data rows read, header excluded. */
  rows: number;
  /** Rows added into the records. */
  imported: number;
  /** Well-formed rows left out by `chargeCategories`. */
  filtered: number;
  /** Malformed rows left out. */
  skipped: number;
  /** The first {@link MAX_PROBLEMS} malformed rows. */
  problems: FocusProblem[];
  /** The days of the well-formed rows, `to` exclusive; absent when there were none. */
  days?: { from: string; to: string };
}

type Input = Readable | AsyncIterable<Uint8Array | string>;

const REQUIRED = ['ChargePeriodStart', 'BillingCurrency', 'ServiceName'] as const;

/** Parses one FOCUS CSV export (gzipped or not) and adds its rows into `into`. */
export async function readFocus(input: Input, options: FocusParseOptions, into: FocusAggregate): Promise<FocusFileStats> {
  const costColumn = options.costColumn ?? 'EffectiveCost';
  const categories = options.chargeCategories && new Set(options.chargeCategories.map(c => c.toLowerCase()));
  const now = (options.now ?? new Date()).getTime();
  const stats: FocusFileStats = { rows: 0, imported: 0, filtered: 0, skipped: 0, problems: [] };
  let minDay: string | undefined;
  let maxDay: string | undefined;
  const report = (line: number, message: string) => {
    stats.skipped++;
    if (stats.problems.length < MAX_PROBLEMS) stats.problems.push({ line, message });
  };

  // Hourly exports repeat the same few hundred timestamps and tag sets: parse each once.
  const days = new BoundedCache<string | null>(raw => {
    const time = utcTime(raw);
    return time === undefined ? null : dayOf(time);
  });
  const openPeriods = new BoundedCache<boolean>(raw => (utcTime(raw) ?? 0) > now);
  const tagColumn = options.tagColumn ?? 'Tags';
  const tags = new BoundedCache<string | null>(raw => tagValue(raw, options.tagKey) ?? null);
  const ownKeys = options.entityTagKeys ?? [];
  // Each own key's value of a Tags cell; an unreadable cell has none (it is the allocation key's problem).
  const ownTags = new BoundedCache<Array<[string, string]>>(raw =>
    ownKeys.map(key => [key, tagValue(raw, key) ?? ''] as [string, string]).filter(([, value]) => value !== ''),
  );

  let at: Record<string, number> | undefined;
  let width = 0;
  const row = (fields: string[]): string | undefined => {
    if (!at) {
      at = columnIndex(fields, costColumn, categories !== undefined, tagColumn);
      width = fields.length;
      return undefined;
    }
    stats.rows++;
    // Null rule: the required columns must have a value; a null Tags is "no tags", a null ServiceName
    // "Unknown", a null BillingPeriodEnd a closed period, a null ChargeCategory matches no filter.
    const start = fields[at.ChargePeriodStart];
    if (isNull(start)) return 'ChargePeriodStart is NULL; FOCUS requires a value';
    const day = days.get(start);
    if (day === null) return `ChargePeriodStart ${quote(start)} is not a date-time`;
    const rawAmount = fields[at[costColumn]];
    if (isNull(rawAmount)) return `${costColumn} is NULL; FOCUS requires a value`;
    const amount = decimal(rawAmount);
    if (amount === undefined) return `${costColumn} ${quote(rawAmount)} is not a number`;
    const currency = fields[at.BillingCurrency];
    if (isNull(currency)) return 'BillingCurrency is NULL or empty; FOCUS requires a value';
    const tag = at[tagColumn] === undefined ? '' : tags.get(fields[at[tagColumn]]);
    if (tag === null) return `${tagColumn} ${quote(fields[at[tagColumn]])} is not a JSON object`;

    // Filtered rows still belong to the file's days: those days are replaced, known to cost nothing.
    if (minDay === undefined || day < minDay) minDay = day;
    if (maxDay === undefined || day > maxDay) maxDay = day;
    if (categories && (isNull(fields[at.ChargeCategory]) || !categories.has(fields[at.ChargeCategory].trim().toLowerCase()))) {
      stats.filtered++;
      return undefined;
    }
    const service = isNull(fields[at.ServiceName]) ? 'Unknown' : fields[at.ServiceName].trim();
    const periodEnd = at.BillingPeriodEnd === undefined ? undefined : fields[at.BillingPeriodEnd];
    const estimated = !isNull(periodEnd) && openPeriods.get(periodEnd!);
    into.add(day, tag, service, currency.trim(), amount, estimated);
    if (ownKeys.length && at.Tags !== undefined) {
      for (const [key, value] of ownTags.get(fields[at.Tags])) into.add(day, value, service, currency.trim(), amount, estimated, key);
    }
    stats.imported++;
    return undefined;
  };

  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    relax_column_count: false,
    skip_records_with_error: true,
    // Rows are handled here and dropped, so no row object outlives its line.
    on_record: (fields: string[], info) => {
      const problem = row(fields);
      if (problem) report(info.lines, problem);
      return null;
    },
    on_skip: (err: CsvError | undefined) => {
      stats.rows++;
      report(Number((err as { lines?: number } | undefined)?.lines ?? 0), csvProblem(err, width));
    },
  });
  await pipeline(input, gunzipIfCompressed, parser, drain, { signal: options.signal });
  if (!at) throw new Error('the file is empty: no FOCUS header row');
  if (minDay && maxDay) stats.days = { from: minDay, to: addDays(maxDay, 1) };
  return stats;
}

/** {@link readFocus} into a fresh aggregate: the file's records with its figures. */
export async function parseFocus(input: Input, options: FocusParseOptions): Promise<FocusFileStats & { records: CostRecord[] }> {
  const aggregate = new FocusAggregate();
  const stats = await readFocus(input, options, aggregate);
  return { ...stats, records: aggregate.records() };
}

function columnIndex(header: string[], costColumn: string, needsCategory: boolean, tagColumn: string): Record<string, number> {
  const at: Record<string, number> = {};
  header.forEach((name, i) => (at[name.trim()] ??= i));
  // Tags is optional (no tags at all: all untagged); a Cost Category column asked for must be there.
  const required = [...REQUIRED, costColumn, ...(needsCategory ? ['ChargeCategory'] : []), ...(tagColumn === 'Tags' ? [] : [tagColumn])];
  const missing = required.filter(name => at[name] === undefined);
  if (missing.length) throw new Error(`not a FOCUS export: the header has no ${missing.join(', ')} column`);
  return at;
}

function csvProblem(err: CsvError | undefined, width: number): string {
  const fields = (err as { record?: unknown[] } | undefined)?.record;
  if (err?.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && fields) {
    return `has ${fields.length} fields, the header has ${width}`;
  }
  return err?.message ?? 'unreadable row';
}

const quote = (value: string | undefined) => JSON.stringify(value === undefined ? '' : value.slice(0, 60));

// Decided by the bytes, not the name: an HTTP reader may already have undone a gzip Content-Encoding.
async function* gunzipIfCompressed(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
  const chunks = source[Symbol.asyncIterator]();
  const first = await chunks.next();
  if (first.done) return;
  const all = async function* () {
    yield first.value;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  };
  const head = first.value;
  if (typeof head === 'string' || head.length < 2 || head[0] !== 0x1f || head[1] !== 0x8b) {
    yield* all();
    return;
  }
  const gunzip = createGunzip();
  const feeding = pipeline(all(), gunzip);
  feeding.catch(() => undefined); // surfaced through the gunzip stream below
  yield* gunzip;
  await feeding;
}

async function drain(source: AsyncIterable<unknown>) {
  for await (const _ of source) void _;
}

/** A memo that forgets everything when it grows large, so memory stays bounded on odd files. */
class BoundedCache<T> {
  private readonly values = new Map<string, T>();
  constructor(private readonly compute: (raw: string) => T) {}
  get(raw: string): T {
    let value = this.values.get(raw);
    if (value === undefined && !this.values.has(raw)) {
      if (this.values.size >= 10_000) this.values.clear();
      value = this.compute(raw);
      this.values.set(raw, value);
    }
    return value as T;
  }
}
