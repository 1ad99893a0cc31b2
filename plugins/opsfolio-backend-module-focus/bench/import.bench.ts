/**
 * How fast, and in how much memory, a large FOCUS export is imported: writes a synthetic FOCUS 1.2
 * export (57 columns) to a temp dir, plain and gzipped, and streams each through the parser.
 *
 *   npx tsx plugins/opsfolio-backend-module-focus/bench/import.bench.ts [rows]   (default 1,000,000)
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { FocusAggregate } from '../src/FocusAggregate';
import { readFocus } from '../src/parseFocus';
import { syntheticFocusChunks, syntheticTotals } from './syntheticFocus';

const rows = Number(process.argv[2] ?? 1_000_000);
const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

async function importFile(path: string) {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  const peak = { rss: before.rss, heapUsed: before.heapUsed };
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
  }, 25);
  const started = performance.now();
  const aggregate = new FocusAggregate();
  const stats = await readFocus(createReadStream(path), { tagKey: 'service', now: new Date('2026-12-01T00:00:00Z') }, aggregate);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return { stats, aggregate, seconds, before, peak };
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'opsfolio-focus-bench-'));
  try {
    const plain = join(dir, 'export.csv');
    const gzipped = join(dir, 'export.csv.gz');
    const started = performance.now();
    await pipeline(Readable.from(syntheticFocusChunks(rows)), createWriteStream(plain));
    await pipeline(createReadStream(plain), createGzip(), createWriteStream(gzipped));
    console.log(`generated ${rows.toLocaleString('en')} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const expected = syntheticTotals(rows);

    const csvBytes = (await stat(plain)).size;
    for (const path of [plain, gzipped]) {
      const size = (await stat(path)).size;
      const { stats, aggregate, seconds, before, peak } = await importFile(path);
      const byCurrency: Record<string, number> = {};
      for (const r of aggregate.records()) byCurrency[r.currency] = (byCurrency[r.currency] ?? 0) + r.amount;
      const correct = JSON.stringify(byCurrency) === JSON.stringify(expected.byCurrency) && aggregate.size === expected.keys;
      console.log(
        [
          `${path.endsWith('.gz') ? 'gzipped' : 'plain  '} ${mb(size).padStart(9)}:`,
          `${stats.rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s`,
          `= ${Math.round(stats.rows / seconds).toLocaleString('en')} rows/s, ${(csvBytes / MB / seconds).toFixed(1)} MB of CSV/s;`,
          `${aggregate.size.toLocaleString('en')} daily records;`,
          `peak RSS ${mb(peak.rss)} (start ${mb(before.rss)}), peak heap used ${mb(peak.heapUsed)} (start ${mb(before.heapUsed)});`,
          `totals ${correct ? 'match' : 'DO NOT MATCH'} the construction: ${JSON.stringify(byCurrency)}`,
        ].join(' '),
      );
      if (!correct) process.exitCode = 1;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
