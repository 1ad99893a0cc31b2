import type { UrlReaderService } from '@backstage/backend-plugin-api';
import type { SyncRunDetails } from '@opsfolio/backstage-plugin-common';
import { SourceSyncError, type CostSource, type CostSyncContext } from '@opsfolio/backstage-plugin-node';
import { listExportFiles, type ExportFile } from './exportFiles';
import { FocusAggregate } from './FocusAggregate';
import { readFocus, type FocusFileStats } from './parseFocus';

type Days = { from: string; to: string };

/** What the last import saw, kept in the source's state: each file's fingerprint and days. */
interface Imported {
  location: string;
  /** What was read: allocation, its key and the entities' own tag keys. Another query reads every file again. */
  query?: string;
  files: Record<string, { fingerprint?: string; days?: Days }>;
  /** What the last import read: the data-quality line of runs that find nothing changed. */
  lastImport?: SyncRunDetails;
}

const STATE_KEY = 'imported';
/** AWS Data Exports' FOCUS column of Cost Categories (`{"team":"payments"}`). */
const COST_CATEGORIES_COLUMN = 'x_CostCategories';

export interface FocusCostSourceOptions {
  /** Unique among cost sources: `focus` or `focus-<export id>`. */
  id: string;
  /** A local file or directory (relative to `baseDir`), or a URL read through the UrlReader. */
  location: string;
  urlReader: UrlReaderService;
  /** The column summed (default `EffectiveCost`). */
  costColumn?: string;
  /** Only these `ChargeCategory` values count (default: every row). */
  chargeCategories?: readonly string[];
  /**
   * The share of a file's rows that may be malformed (default 0.01): above it the run fails and stores
   * nothing, so a broken export never replaces good days with part of their spend.
   */
  maxMalformedShare?: number;
  /** Where relative paths start (default: the backend's working directory). */
  baseDir?: string;
  now?: () => Date;
}

/** Sync result: `items` records written; the rows read and the malformed rows left out. */
export interface FocusSyncResult {
  items: number;
  files: number;
  rows: number;
  skipped: number;
  details: SyncRunDetails;
}

/** Problems kept per run, over all its files. */
const MAX_PROBLEMS = 20;

/**
 * Daily cost from the FOCUS CSV exports at one location. A file is read again only when it changed
 * (size and mtime, or ETag); its days are then replaced whole, so a re-import never double counts.
 */
export class FocusCostSource implements CostSource {
  readonly id: string;
  readonly vendor = 'focus';

  constructor(private readonly options: FocusCostSourceOptions) {
    this.id = options.id;
  }

  async sync(context: CostSyncContext): Promise<FocusSyncResult> {
    const { logger, signal } = context;
    const entityTagKeys = await context.entityTagKeys();
    const query = JSON.stringify([context.allocation, context.tagKey, entityTagKeys]);
    const before = await this.imported(context, query);
    const files = await listExportFiles(
      this.options.location,
      { urlReader: this.options.urlReader, baseDir: this.options.baseDir ?? process.cwd(), signal },
      name => before.files[name]?.fingerprint,
    );
    const changed = files.filter(f => !f.fingerprint || before.files[f.name]?.fingerprint !== f.fingerprint);
    const gone = Object.keys(before.files).filter(name => !files.some(f => f.name === name));
    const problems: NonNullable<SyncRunDetails['problems']> = [];
    const result: FocusSyncResult = { items: 0, files: changed.length, rows: 0, skipped: 0, details: { read: 0, leftOut: 0, days: [] } };
    if (!changed.length && !gone.length) {
      logger.debug(`FOCUS ${this.options.location}: ${files.length} file(s), none changed since the last import`);
      return before.lastImport ? { ...result, details: before.lastImport } : result;
    }

    // Replace every day a changed or removed file covered, before or now: disjoint spans, so days
    // between two monthly files that no file covers are left alone rather than stored as empty.
    const aggregate = new FocusAggregate();
    const after: Imported = { location: this.options.location, query, files: {} };
    const covered = [...changed.map(f => f.name), ...gone].map(name => before.files[name]?.days);
    for (const [done, file] of changed.entries()) {
      context.progress?.({ unit: 'files', done, total: changed.length });
      const stats = await this.read(file, aggregate, context, entityTagKeys);
      after.files[file.name] = { fingerprint: file.fingerprint, days: stats.days };
      covered.push(stats.days);
      result.rows += stats.rows;
      result.skipped += stats.skipped;
      for (const p of stats.problems) if (problems.length < MAX_PROBLEMS) problems.push({ file: file.name, ...p });
      this.refuseIfMostlyMalformed(file, stats, { read: result.rows, leftOut: result.skipped, problems });
    }
    const spans = disjoint(covered);
    // Unchanged files with rows on those days (part files, overlapping exports) are read again.
    for (const file of files.filter(f => !changed.includes(f))) {
      const known = before.files[file.name];
      after.files[file.name] = known;
      if (known.days && spans.some(span => overlap(span, known.days!))) await this.read(file, aggregate, context, entityTagKeys);
    }
    for (const span of spans) {
      const records = aggregate.records(span);
      await context.replaceDays(span, records);
      result.items += records.length;
    }
    result.details = { read: result.rows, leftOut: result.skipped, problems, days: spans };
    after.lastImport = { ...result.details, readAt: (this.options.now?.() ?? new Date()).toISOString() };
    await context.state.set(STATE_KEY, JSON.stringify(after));
    logger.info(
      `FOCUS ${this.options.location}: imported ${changed.length} changed file(s), ${result.rows} rows` +
        (spans.length ? `, ${result.items} daily records for ${spans.map(d => `${d.from}..${d.to}`).join(', ')} (end exclusive)` : '') +
        (result.skipped ? `, ${result.skipped} malformed rows left out` : ''),
    );
    return result;
  }

  /** Stops the run before anything is replaced when a file has more malformed rows than allowed. */
  private refuseIfMostlyMalformed(file: ExportFile, stats: FocusFileStats, sofar: SyncRunDetails): void {
    const allowed = this.options.maxMalformedShare ?? 0.01;
    if (stats.skipped === 0 || stats.skipped <= allowed * stats.rows) return;
    const share = (n: number) => `${Math.round((n / stats.rows) * 1000) / 10} %`;
    const first = stats.problems.slice(0, 3).map(p => `line ${p.line}: ${p.message}`).join('; ');
    throw new SourceSyncError(
      `FOCUS export ${file.name}: ${stats.skipped} of ${stats.rows} rows (${share(stats.skipped)}) are malformed, more than ` +
        `the ${Math.round(allowed * 1000) / 10} % allowed (maxMalformedShare), so nothing was imported and the previous ` +
        `import is kept. First: ${first}`,
      sofar,
    );
  }

  private async read(file: ExportFile, aggregate: FocusAggregate, context: CostSyncContext, entityTagKeys: string[]): Promise<FocusFileStats> {
    let stats: FocusFileStats;
    try {
      stats = await readFocus(
        await file.open(),
        {
          tagKey: context.tagKey,
          // AWS's FOCUS export carries Cost Categories in its own column, as a JSON object like Tags.
          tagColumn: context.allocation === 'costCategory' ? COST_CATEGORIES_COLUMN : 'Tags',
          entityTagKeys,
          costColumn: this.options.costColumn,
          chargeCategories: this.options.chargeCategories,
          now: this.options.now?.(),
          signal: context.signal,
        },
        aggregate,
      );
    } catch (error) {
      // Nothing is replaced unless every file read whole: a truncated file never wipes good data.
      throw new Error(`FOCUS export ${file.name}: ${(error as Error).message}`, { cause: error });
    }
    for (const problem of stats.problems) {
      context.logger.warn(`FOCUS export ${file.name} line ${problem.line}: ${problem.message}; row left out`);
    }
    if (stats.skipped > stats.problems.length) {
      context.logger.warn(`FOCUS export ${file.name}: ${stats.skipped - stats.problems.length} more malformed rows left out`);
    }
    return stats;
  }

  /** The last import, or nothing when the location changed or the store lost what it imported. */
  private async imported(context: CostSyncContext, query: string): Promise<Imported> {
    const none: Imported = { location: this.options.location, query, files: {} };
    let saved: Imported;
    try {
      saved = JSON.parse((await context.state.get(STATE_KEY)) ?? 'null') ?? none;
    } catch {
      return none;
    }
    // A state from before queries were kept read the same key: only a change is a new query.
    if (saved.location !== this.options.location || (saved.query ?? query) !== query) {
      // Moved, or read by other keys: every file is read again, and the days the old files covered are replaced too.
      const days = Object.entries(saved.files ?? {}).map(([name, file]) => [name, { days: file.days }]);
      return { ...none, files: Object.fromEntries(days) };
    }
    if (Object.keys(saved.files).length && !(await context.storedDays()).first) return none;
    return saved;
  }
}

const overlap = (a: Days, b: Days) => a.from < b.to && b.from < a.to;

/** The days of the given spans as few disjoint spans, in order; touching spans are joined. */
function disjoint(spans: Array<Days | undefined>): Days[] {
  const sorted = spans.filter((d): d is Days => !!d).sort((a, b) => (a.from < b.from ? -1 : 1));
  const out: Days[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.from <= last.to) last.to = span.to > last.to ? span.to : last.to;
    else out.push({ ...span });
  }
  return out;
}
