/**
 * How many Cost Explorer requests one Opsfolio cost sync makes, for 10, 1,000 and 10,000 tagged services,
 * and that the count does not move with the catalog (issue: "requests per sync ... target: the same number").
 *
 *   npm run bench:cost-sync
 *
 * Real pieces end to end: the simulator (Cost Explorer JSON 1.1 wire format, pages, request log) on a free
 * port with its clock pinned, and the backend plugin with the AWS module on an in-memory SQLite store
 * (dummy static keys from the `aws` block, the simulator as endpoint), sync runs triggered directly.
 *
 * Part 1, per size N: a scenario of N tagged services (2 AWS services each), one tag value outside the
 * catalog and an untagged pool, so 2N + 4 groups a day; a catalog of the N components.
 *   run 1  first sync, empty store: the backfill (first of the month BENCH_BACKFILL_MONTHS back)
 *   run 2  right after: only the open days (from the first day Cost Explorer still marks estimated)
 * Part 2: a FIXED scenario (BENCH_FIXED_TAGGED services, the simulator's default 40 groups a page) while the
 * catalog grows (BENCH_CATALOGS): the request counts must be identical.
 *
 * The module makes one paged GetCostAndUsage series per calendar month read, for the whole organisation, storing
 * each month before reading the next, so requests follow
 * the pages Cost Explorer cuts the (day, tag value, service) groups into, never the catalog. How many groups a
 * real Cost Explorer page holds is not documented; the simulator's default is a deliberately small 40.
 *
 * bench:cost-sync gives Node a 12 GB heap and --expose-gc: at 10,000 services the first sync (simulator and
 * backend in one process) passed Node's default ~4 GB when the module held every page of the run; it now holds
 * one month's records.
 *
 * Environment: BENCH_SERVICES (comma list, default 10,1000,10000), BENCH_PAGE_SIZE (groups a page in part 1,
 * default 5000, the simulator's maximum), BENCH_BACKFILL_MONTHS (default: the module's, 6), BENCH_HISTORY_DAYS
 * (spend history in the scenario; default: back to the backfill's first day), BENCH_FIXED_TAGGED (100),
 * BENCH_CATALOGS (10,1000,10000), BENCH_SEED (7), BENCH_PARTS (1,2).
 */
import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';
import type { AddressInfo } from 'node:net';
import { getHeapStatistics } from 'node:v8';
import { startSimulator, type RunningSimulator, type Scenario } from 'simulator';
import { DEFAULT_MAX_PAGES_PER_MONTH } from '../src/CostExplorerCostSource';
import { opsfolioModuleAws } from '../src/module';
import { monthChunks, syncRange } from '../src/syncRange';
import { catalogOf, describeTargets, scenarioOf, tally, withPeakMemory, type AwsTally } from './costSyncWorld';
import { addMonths, dayOf, daysBetween, monthStart } from '@opsfolio/backstage-plugin-common';

const list = (name: string, fallback: string) => (process.env[name] ?? fallback).split(',').map(s => Number.parseInt(s.trim(), 10));
const int = (name: string, fallback: number) => {
  const value = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const SIZES = list('BENCH_SERVICES', '10,1000,10000');
const CATALOGS = list('BENCH_CATALOGS', '10,1000,10000');
const PAGE_SIZE = int('BENCH_PAGE_SIZE', 5000);
const SIMULATOR_PAGE_SIZE = 40;
const BACKFILL_MONTHS = int('BENCH_BACKFILL_MONTHS', 6);
const FIXED_TAGGED = int('BENCH_FIXED_TAGGED', 100);
const SEED = int('BENCH_SEED', 7);
const PARTS = list('BENCH_PARTS', '1,2');
/** CostExplorerCostSource's runaway guard, per calendar month read (opsfolio.cost.aws.maxPagesPerMonth). */
const MODULE_MAX_PAGES_PER_MONTH = DEFAULT_MAX_PAGES_PER_MONTH;

const NOW = new Date();
const TODAY = dayOf(NOW);
const BACKFILL_FROM = addMonths(monthStart(TODAY), -BACKFILL_MONTHS);
const HISTORY_DAYS = int('BENCH_HISTORY_DAYS', Math.min(730, Math.max(7, daysBetween(BACKFILL_FROM, TODAY))));

interface RunFigures extends AwsTally {
  label: string;
  run: string;
  range: { from: string; to: string };
  items: number;
  stored: number;
  wallMs: number;
  /** from the start of the run to the last page answered: reading; the rest is merging and storing */
  readMs: number;
  rssMb: number;
  startMb: number;
  heapMb: number;
  status: string;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const n = (x: number) => x.toLocaleString('en-US');

/** A backend with the AWS module on the simulator, and sync runs that report what they asked for. */
async function withBackend<T>(simulator: RunningSimulator, entities: number, fn: (sync: (run: string) => Promise<RunFigures>) => Promise<T>) {
  const backend: OpsfolioTestBackend = await startOpsfolioTestBackend({
    features: [opsfolioModuleAws],
    entities: catalogOf(entities),
    config: {
      aws: { mainAccount: { accessKeyId: 'simulator', secretAccessKey: 'simulator' } },
      opsfolio: { cost: { aws: { endpoint: `${simulator.url}/aws`, backfillMonths: BACKFILL_MONTHS } } },
    },
  });
  const { knex } = backend;
  const label = `${n(entities)} catalog entities`;
  const sync = async (run: string): Promise<RunFigures> => {
    const days = await knex('opsfolio_cost_days').where({ source: 'aws' });
    const estimated = days.filter(d => Boolean(d.estimated)).map(d => d.day as string).sort();
    const sorted = days.map(d => d.day as string).sort();
    // The range the module will read: its own rule, from what is stored now.
    const range = syncRange({
      today: TODAY,
      stored: { first: sorted[0], last: sorted[sorted.length - 1], firstEstimated: estimated[0] },
      backfillMonths: BACKFILL_MONTHS,
    });
    await simulator.clearRequests();
    const startedAt = Date.now();
    const started = performance.now();
    const { rssMb, startMb, heapMb } = await withPeakMemory(() => backend.runSync('aws'));
    const wallMs = performance.now() - started;
    const t = tally(await simulator.requests('aws'));
    const last = await knex('opsfolio_sync_runs').where({ source_id: 'aws' }).orderBy('id', 'desc').first();
    const [{ c }] = await knex('opsfolio_cost_daily').where({ source: 'aws' }).count({ c: '*' });
    const status = last ? `${last.status}${last.error ? `: ${String(last.error).slice(0, 200)}` : ''}` : 'no run recorded';
    const readMs = t.lastAnswerAt - startedAt;
    return { ...t, label, run, range, items: Number(last?.items ?? 0), stored: Number(c), wallMs, readMs, rssMb, startMb, heapMb, status };
  };
  try {
    const result = await fn(sync);
    // One page view, so a mapping mistake in the benchmark shows instead of passing silently.
    const { port } = backend.server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/api/opsfolio/entities/component/default/bench-svc-0/cost`, {
      headers: { authorization: backend.userHeader },
    });
    const body = (await res.json()) as { byCloudService?: unknown[] };
    if (res.status !== 200 || !body.byCloudService?.length) throw new Error(`bench-svc-0/cost: ${res.status}, no spend by cloud service`);
    return result;
  } finally {
    await backend.stop();
  }
}

function describe(f: RunFigures): string {
  const days = daysBetween(f.range.from, f.range.to);
  return (
    `run ${f.run} [${f.range.from}, ${f.range.to}) ${days} days: ${f.requests} requests (${describeTargets(f)}), ${f.pages} pages` +
    `${f.errors ? `, ${f.errors} errors` : ''}; ${n(f.items)} records this run, ${n(f.stored)} stored; ${s(f.wallMs)} ` +
    `(reading pages ${s(f.readMs)}, then merging and storing ${s(f.wallMs - f.readMs)}; simulator answering ${s(f.simulatorMs)}, first page ${s(f.firstPageMs)}); heap ${f.startMb.toFixed(0)} MB before, peak ${f.heapMb.toFixed(0)} MB; process peak RSS so far ${f.rssMb.toFixed(0)} MB; ` +
    `run ${f.status}`
  );
}

async function withSimulator<T>(scenario: Scenario, fn: (simulator: RunningSimulator) => Promise<T>): Promise<T> {
  const simulator = await startSimulator({ scenario, now: () => NOW, requestLogLimit: 10_000_000 });
  try {
    return await fn(simulator);
  } finally {
    await simulator.close();
  }
}

async function partOne(): Promise<RunFigures[]> {
  console.log(`\n## Part 1: requests per sync by number of tagged services (${PAGE_SIZE} groups a page)`);
  const all: RunFigures[] = [];
  for (const services of SIZES) {
    const t0 = performance.now();
    const scenario = scenarioOf(services, { seed: SEED, historyDays: HISTORY_DAYS, pageSize: PAGE_SIZE });
    const figures = await withSimulator(scenario, simulator =>
      withBackend(simulator, services, async sync => [await sync('1 first (backfill)'), await sync('2 later (open days)')]),
    );
    for (const f of figures) {
      f.label = `${n(services)} services`;
      console.log(`[${n(services)} services] ${describe(f)}`);
      const at40 = Math.ceil(f.items / SIMULATOR_PAGE_SIZE);
      const months = monthChunks(f.range).length;
      // Roughly: the groups spread evenly over the months read.
      const perMonth = Math.ceil(at40 / Math.max(1, months));
      console.log(
        `[${n(services)} services]   the same ${n(f.items)} groups at ${SIMULATOR_PAGE_SIZE} a page: ~${n(at40)} requests, ~${n(perMonth)} a month over ${months} month(s)` +
          `${perMonth > MODULE_MAX_PAGES_PER_MONTH ? ` (over the module's ${MODULE_MAX_PAGES_PER_MONTH}-page-a-month guard: that run would fail)` : ''}`,
      );
    }
    console.log(`[${n(services)} services] done in ${s(performance.now() - t0)}`);
    all.push(...figures);
  }
  return all;
}

async function partTwo(): Promise<RunFigures[]> {
  console.log(
    `\n## Part 2: the same Cost Explorer data (${FIXED_TAGGED} tagged services, ${SIMULATOR_PAGE_SIZE} groups a page) while the catalog grows`,
  );
  const scenario = scenarioOf(FIXED_TAGGED, { seed: SEED, historyDays: HISTORY_DAYS, pageSize: SIMULATOR_PAGE_SIZE });
  const all = await withSimulator(scenario, async simulator => {
    const figures: RunFigures[] = [];
    for (const entities of CATALOGS) {
      const runs = await withBackend(simulator, entities, async sync => [await sync('1 first (backfill)'), await sync('2 later (open days)')]);
      for (const f of runs) console.log(`[${f.label}] ${describe(f)}`);
      figures.push(...runs);
    }
    return figures;
  });
  for (const run of [...new Set(all.map(f => f.run))]) {
    const counts = all.filter(f => f.run === run).map(f => `${f.label}: ${f.requests}`);
    const same = new Set(all.filter(f => f.run === run).map(f => `${f.requests}/${JSON.stringify(f.byTarget)}`)).size === 1;
    console.log(`run ${run}: requests ${counts.join(', ')} — same: ${same ? 'yes' : 'NO'}`);
  }
  return all;
}

function table(title: string, figures: RunFigures[]) {
  console.log(`\n${title}\n| size | run | days read | Cost Explorer requests | pages | records this run | records stored | wall time | heap peak | sync run |`);
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const f of figures) {
    console.log(
      `| ${f.label} | ${f.run} | ${daysBetween(f.range.from, f.range.to)} | ${f.requests} | ${f.pages} | ${n(f.items)} | ${n(f.stored)} | ` +
        `${s(f.wallMs)} | ${f.heapMb.toFixed(0)} MB | ${f.status.split(':')[0]} |`,
    );
  }
}

async function main() {
  const heapLimit = getHeapStatistics().heap_size_limit / 2 ** 20;
  console.log(
    `Cost Explorer requests per sync: simulator clock ${NOW.toISOString()}, backfill ${BACKFILL_MONTHS} months from ${BACKFILL_FROM}, ` +
      `historyDays ${HISTORY_DAYS}, seed ${SEED}; tag key service, GroupBy TAG + SERVICE, DAILY; ` +
      `Node ${process.version}, heap limit ${heapLimit.toFixed(0)} MB`,
  );
  const started = performance.now();
  const one = PARTS.includes(1) ? await partOne() : [];
  const two = PARTS.includes(2) ? await partTwo() : [];
  if (one.length) table(`Part 1: by tagged services (${PAGE_SIZE} groups a page; today ${TODAY})`, one);
  if (two.length) table(`Part 2: ${FIXED_TAGGED} tagged services in Cost Explorer, by catalog size (${SIMULATOR_PAGE_SIZE} groups a page)`, two);
  console.log(`\nwall time ${s(performance.now() - started)}`);
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
