import type { LoggerService, UrlReaderService } from '@backstage/backend-plugin-api';
import type { CostRecord, CostSyncContext } from '@opsfolio/backstage-plugin-node';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { FocusCostSource } from './FocusCostSource';

const HEADER = 'ChargePeriodStart,ChargeCategory,ServiceName,BillingCurrency,EffectiveCost,Tags';
/** An export with one row per `[day, service, amount]`, tagged service=checkout. */
const focus = (...rows: Array<[string, string, number]>) =>
  [HEADER, ...rows.map(([day, service, amount]) => `${day}T00:00:00Z,Usage,${service},USD,${amount},"{""service"":""checkout""}"`)].join('\n');

/** A CostSyncContext over an in-memory store that behaves as the backend's: days replaced whole. */
function fakeContext(more: { allocation?: 'tag' | 'costCategory'; tagKey?: string; entityTagKeys?: string[] } = {}) {
  const stored = new Map<string, CostRecord[]>();
  const state = new Map<string, string>();
  const replaced: Array<{ from: string; to: string }> = [];
  const warnings: string[] = [];
  const logger = { debug() {}, info() {}, error() {}, warn: (m: string) => warnings.push(m), child: () => logger };
  const context: CostSyncContext = {
    signal: new AbortController().signal,
    logger: logger as unknown as LoggerService,
    entities: [],
    tagKey: more.tagKey ?? 'service',
    allocation: more.allocation ?? 'tag',
    entityTagKeys: async () => more.entityTagKeys ?? [],
    state: { get: async key => state.get(key), set: async (key, value) => void state.set(key, value) },
    async replaceDays(range, records) {
      replaced.push(range);
      for (const day of [...stored.keys()]) if (day >= range.from && day < range.to) stored.delete(day);
      for (const r of records) stored.set(r.day, [...(stored.get(r.day) ?? []), r]);
    },
    async storedDays() {
      const days = [...stored.keys()].sort();
      return { first: days[0], last: days[days.length - 1] };
    },
  };
  /** What the store holds: `day service amount` per record, in order. */
  const holds = () => [...stored.values()].flat().map(r => `${r.day} ${r.cloudService} ${r.amount}`).sort();
  return { context, stored, state, replaced, warnings, holds };
}

const noReader = { readUrl: async () => Promise.reject(new Error('no URLs here')) } as unknown as UrlReaderService;

describe('FocusCostSource', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'opsfolio-focus-'))));
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  // A changed file gets a new mtime even within the same second, as a real rewrite does.
  let clock = Date.parse('2026-11-01T00:00:00Z') / 1000;
  const write = async (path: string, content: string | Buffer) => {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, content);
    clock += 60;
    await utimes(path, clock, clock);
  };
  const source = (location: string) => new FocusCostSource({ id: 'focus', location, urlReader: noReader, baseDir: dir });

  it('imports a file, replacing its days, and skips it while it is unchanged', async () => {
    const fake = fakeContext();
    await write(join(dir, 'october.csv'), focus(['2026-10-01', 'Compute', 1], ['2026-10-01', 'Compute', 2], ['2026-10-03', 'Storage', 4]));
    // Relative to the backend's working directory (here: baseDir).
    const first = await source('october.csv').sync(fake.context);
    expect(first).toEqual({
      items: 2,
      files: 1,
      rows: 3,
      skipped: 0,
      details: { read: 3, leftOut: 0, problems: [], days: [{ from: '2026-10-01', to: '2026-10-04' }] },
    });
    expect(fake.replaced).toEqual([{ from: '2026-10-01', to: '2026-10-04' }]);
    expect(fake.holds()).toEqual(['2026-10-01 Compute 3', '2026-10-03 Storage 4']);

    // Nothing new: the run reports what the import it keeps read, and when.
    const again = await source('october.csv').sync(fake.context);
    expect(again).toMatchObject({ items: 0, files: 0, rows: 0, skipped: 0, details: { read: 3, leftOut: 0 } });
    expect(Date.parse(again.details.readAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect(fake.replaced).toHaveLength(1);
  });

  it("imports unchanged files again when entities name another tag key, and stores that key's spend", async () => {
    const fake = fakeContext();
    await write(join(dir, 'october.csv'), focus(['2026-10-01', 'Compute', 1], ['2026-10-03', 'Storage', 4]));
    await source('october.csv').sync(fake.context);
    // Now an entity reads its spend by `service` while the organisation allocates by `team`: the file, unchanged,
    // is read again under the new query.
    const byTeam = { ...fake.context, tagKey: 'team', entityTagKeys: async () => ['service'] };
    expect(await source('october.csv').sync(byTeam)).toMatchObject({ files: 1, rows: 2, items: 4 });
    expect(fake.replaced).toEqual([
      { from: '2026-10-01', to: '2026-10-04' },
      { from: '2026-10-01', to: '2026-10-04' },
    ]);
    const records = [...fake.stored.values()].flat();
    expect(records.filter(r => r.tagKey === 'service').map(r => `${r.day} ${r.tagValue} ${r.amount}`)).toEqual([
      '2026-10-01 checkout 1',
      '2026-10-03 checkout 4',
    ]);
    expect(records.filter(r => !r.tagKey).every(r => r.tagValue === '')).toBe(true);
    // The same query again: nothing to read.
    expect(await source('october.csv').sync(byTeam)).toMatchObject({ files: 0, items: 0 });
  });

  it('re-imports a changed file over the days it covered before and now', async () => {
    const fake = fakeContext();
    const path = join(dir, 'october.csv');
    await write(path, focus(['2026-10-01', 'Compute', 1], ['2026-10-02', 'Compute', 2]));
    await source(path).sync(fake.context);
    // Restated: the 1st is gone from the export, the 2nd changed, the 3rd is new.
    await write(path, focus(['2026-10-02', 'Compute', 5], ['2026-10-03', 'Compute', 6]));
    await source(path).sync(fake.context);
    expect(fake.replaced[1]).toEqual({ from: '2026-10-01', to: '2026-10-04' });
    expect(fake.holds()).toEqual(['2026-10-02 Compute 5', '2026-10-03 Compute 6']);
  });

  it('reads every csv and csv.gz under a directory; a changed part file brings its siblings for the shared days', async () => {
    const fake = fakeContext();
    await write(join(dir, 'exports/2026-10/part-1.csv'), focus(['2026-10-01', 'Compute', 1]));
    await write(join(dir, 'exports/2026-10/part-2.csv.gz'), gzipSync(focus(['2026-10-01', 'Compute', 10], ['2026-10-02', 'Storage', 20])));
    await write(join(dir, 'exports/2026-11/part-1.csv'), focus(['2026-11-01', 'Compute', 100]));
    await write(join(dir, 'exports/manifest.json'), '{}');
    await source('exports').sync(fake.context);
    // October and November are replaced as two spans: the days between are left alone.
    expect(fake.replaced).toEqual([{ from: '2026-10-01', to: '2026-10-03' }, { from: '2026-11-01', to: '2026-11-02' }]);
    expect(fake.holds()).toEqual(['2026-10-01 Compute 11', '2026-10-02 Storage 20', '2026-11-01 Compute 100']);

    await write(join(dir, 'exports/2026-10/part-1.csv'), focus(['2026-10-01', 'Compute', 2]));
    expect(await source('exports').sync(fake.context)).toMatchObject({ files: 1, rows: 1 });
    expect(fake.replaced[2]).toEqual({ from: '2026-10-01', to: '2026-10-02' });
    expect(fake.holds()).toEqual(['2026-10-01 Compute 12', '2026-10-02 Storage 20', '2026-11-01 Compute 100']);
  });

  it('empties the days of a file that was removed', async () => {
    const fake = fakeContext();
    await write(join(dir, 'exports/a.csv'), focus(['2026-10-01', 'Compute', 1]));
    await write(join(dir, 'exports/b.csv'), focus(['2026-10-05', 'Compute', 2]));
    await source('exports').sync(fake.context);
    await rm(join(dir, 'exports/b.csv'));
    await source('exports').sync(fake.context);
    expect(fake.replaced.at(-1)).toEqual({ from: '2026-10-05', to: '2026-10-06' });
    expect(fake.holds()).toEqual(['2026-10-01 Compute 1']);
  });

  it('replaces what the old location imported when the location changes', async () => {
    const fake = fakeContext();
    await write(join(dir, 'old/a.csv'), focus(['2026-10-01', 'Compute', 1], ['2026-10-09', 'Compute', 9]));
    await write(join(dir, 'new/b.csv'), focus(['2026-10-02', 'Compute', 2]));
    await source('old').sync(fake.context);
    await source('new').sync(fake.context);
    expect(fake.replaced.at(-1)).toEqual({ from: '2026-10-01', to: '2026-10-10' });
    expect(fake.holds()).toEqual(['2026-10-02 Compute 2']);
  });

  it('imports everything again when the store lost what it imported', async () => {
    const fake = fakeContext();
    await write(join(dir, 'a.csv'), focus(['2026-10-01', 'Compute', 1]));
    await source('a.csv').sync(fake.context);
    fake.stored.clear();
    expect(await source('a.csv').sync(fake.context)).toMatchObject({ items: 1 });
    expect(fake.holds()).toEqual(['2026-10-01 Compute 1']);
  });

  it('logs malformed rows with their line numbers, imports the rest and records what it read', async () => {
    const fake = fakeContext();
    // 198 good rows and 2 malformed: 1 %, the most allowed by default.
    const good = Array.from({ length: 198 }, (_, i): [string, string, number] => [`2026-10-0${1 + (i % 2)}`, 'Compute', 1]);
    const text = `${focus(...good)}\n2026-10-01T00:00:00Z,Usage,Compute,USD,n/a,\n2026-10-01T00:00:00Z,Usage\n`;
    await write(join(dir, 'a.csv'), text);
    expect(await source('a.csv').sync(fake.context)).toEqual({
      items: 2,
      files: 1,
      rows: 200,
      skipped: 2,
      details: {
        read: 200,
        leftOut: 2,
        problems: [
          { file: 'a.csv', line: 200, message: 'EffectiveCost "n/a" is not a number' },
          { file: 'a.csv', line: 201, message: 'has 2 fields, the header has 6' },
        ],
        days: [{ from: '2026-10-01', to: '2026-10-03' }],
      },
    });
    expect(fake.warnings).toEqual([
      'FOCUS export a.csv line 200: EffectiveCost "n/a" is not a number; row left out',
      'FOCUS export a.csv line 201: has 2 fields, the header has 6; row left out',
    ]);
    expect(fake.holds()).toEqual(['2026-10-01 Compute 99', '2026-10-02 Compute 99']);
  });

  it('refuses a file with more malformed rows than allowed: nothing replaced, the previous import kept', async () => {
    const fake = fakeContext();
    await write(join(dir, 'a.csv'), focus(['2026-10-01', 'Compute', 5], ['2026-10-02', 'Compute', 7]));
    await source('a.csv').sync(fake.context);
    const before = fake.state.get('imported');
    // The same days again, with 2 of 3 rows left out: importing the rest would shrink 10-02 to nothing.
    await write(join(dir, 'a.csv'), `${focus(['2026-10-01', 'Compute', 6])}\n2026-10-02T00:00:00Z,Usage,Compute,USD,NULL,\nNULL,Usage,Compute,USD,1,\n`);
    const failure = await source('a.csv').sync(fake.context).then(
      () => undefined,
      (error: Error & { details?: unknown }) => error,
    );
    expect(failure?.name).toBe('SourceSyncError');
    expect(failure?.message).toBe(
      'FOCUS export a.csv: 2 of 3 rows (66.7 %) are malformed, more than the 1 % allowed (maxMalformedShare), so nothing ' +
        'was imported and the previous import is kept. First: line 3: EffectiveCost is NULL; FOCUS requires a value; ' +
        'line 4: ChargePeriodStart is NULL; FOCUS requires a value',
    );
    expect(failure?.details).toMatchObject({ read: 3, leftOut: 2, problems: [{ file: 'a.csv', line: 3 }, { file: 'a.csv', line: 4 }] });
    expect(fake.holds()).toEqual(['2026-10-01 Compute 5', '2026-10-02 Compute 7']);
    expect(fake.state.get('imported')).toBe(before); // read again, in full, on the next run

    // A share set higher lets the same file through.
    const lenient = new FocusCostSource({ id: 'focus', location: 'a.csv', urlReader: noReader, baseDir: dir, maxMalformedShare: 0.7 });
    await lenient.sync(fake.context);
    expect(fake.holds()).toEqual(['2026-10-01 Compute 6']);
  });

  it('replaces nothing and remembers nothing when a file cannot be read whole', async () => {
    const fake = fakeContext();
    await write(join(dir, 'a.csv'), 'Date,Cost\n2026-10-01,1\n');
    await expect(source('a.csv').sync(fake.context)).rejects.toThrow('FOCUS export a.csv: not a FOCUS export');
    await write(join(dir, 'b.csv.gz'), gzipSync(focus(['2026-10-01', 'Compute', 1])).subarray(0, 30));
    await expect(source('b.csv.gz').sync(fake.context)).rejects.toThrow('FOCUS export b.csv.gz: unexpected end of file');
    expect(fake.replaced).toEqual([]);
    expect(fake.state.size).toBe(0);
  });

  describe('at a URL', () => {
    const URL = 'https://exports.example.com/focus/2026-10.csv.gz';
    /** A UrlReader over one mutable file, honouring ETags as Backstage's readers do. */
    function reader(file: { body: Buffer; etag: string }, withStream = true) {
      const reads: Array<string | undefined> = [];
      const urlReader = {
        async readUrl(url: string, options?: { etag?: string }) {
          reads.push(options?.etag);
          if (url !== URL) throw Object.assign(new Error(`${url} not found`), { name: 'NotFoundError' });
          if (options?.etag === file.etag) throw Object.assign(new Error('not modified'), { name: 'NotModifiedError' });
          const body = file.body;
          return { buffer: async () => body, etag: file.etag, ...(withStream ? { stream: () => Readable.from([body]) } : {}) };
        },
      } as unknown as UrlReaderService;
      return { urlReader, reads };
    }

    it('reads through the UrlReader, conditionally on the ETag of the last import', async () => {
      const fake = fakeContext();
      const file = { body: gzipSync(focus(['2026-10-01', 'Compute', 1])), etag: '"v1"' };
      const { urlReader, reads } = reader(file);
      const url = new FocusCostSource({ id: 'focus', location: URL, urlReader });
      expect(await url.sync(fake.context)).toMatchObject({ items: 1, files: 1 });
      expect(await url.sync(fake.context)).toMatchObject({ items: 0, files: 0 });
      Object.assign(file, { body: Buffer.from(focus(['2026-10-01', 'Compute', 7])), etag: '"v2"' });
      expect(await url.sync(fake.context)).toMatchObject({ items: 1, files: 1 });
      expect(reads).toEqual([undefined, '"v1"', '"v1"']);
      expect(fake.holds()).toEqual(['2026-10-01 Compute 7']);
    });

    it('falls back to the buffer when the reader has no stream', async () => {
      const fake = fakeContext();
      const { urlReader } = reader({ body: Buffer.from(focus(['2026-10-02', 'Storage', 3])), etag: 'x' }, false);
      await new FocusCostSource({ id: 'focus', location: URL, urlReader }).sync(fake.context);
      expect(fake.holds()).toEqual(['2026-10-02 Storage 3']);
    });
  });
});
