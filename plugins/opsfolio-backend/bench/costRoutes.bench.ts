/**
 * Latency of the cost routes with a year of daily cost for 10,000 services, on SQLite and PostgreSQL
 * (issue: "the p95 of the entity cost and overview routes with a year of daily data for 10,000 services").
 *
 *   npm run bench:cost-routes
 *
 * Per database: a fresh database (SQLite file under the OS temp folder; PostgreSQL database
 * opsfolio_bench_cost_<pid>, dropped at the end), the plugin's migrations, a bulk load of 365 days up to today
 * straight into opsfolio_cost_daily (SQLite: prepared inserts on the driver; PostgreSQL: unnest() arrays a day
 * at a time), every day into opsfolio_cost_days, the monthly roll-up by the store's own INSERT … SELECT, then
 * CostStore.replaceDays of the open month (what every later sync writes), ANALYZE. Then the plugin on that
 * database with the catalog (services in teams of 20 under a 3-level group tree, systems and domains) and
 * sequential requests over HTTP (keep-alive) per route, after warm-up requests that also load the catalog
 * index (cached 60 s). Afterwards the SQL each route ran is timed on its own, with plans for slow routes.
 *
 * Environment: BENCH_DBS (default sqlite,postgres), BENCH_SERVICES (10000), BENCH_CLOUD_SERVICES (3 per
 * service), BENCH_REQUESTS (200 per entity route), BENCH_OVERVIEW_REQUESTS (50 per overview route),
 * BENCH_WARMUP (5 per route), BENCH_REPLACE=0 (skip the replaceDays measurement), BENCH_EXPLAIN ('all'
 * prints every route's plans, '0' none), OPSFOLIO_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test).
 */
import type { AddressInfo } from 'node:net';
import type { Knex } from 'knex';
import { migrate } from '../src/platform/migrate';
import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';
import { createDatabase, load, replaceOpenMonth, rollUp, type BenchDatabase } from './costRoutesDatabase';
import { catalogOf, httpClient, percentile, routesOf, yearOf, type Route } from './costRoutesWorld';
import { dayOf } from '@opsfolio/backstage-plugin-common';

const int = (name: string, fallback: number) => {
  const value = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const DATABASES = (process.env.BENCH_DBS ?? 'sqlite,postgres').split(',').map(s => s.trim()) as Array<'sqlite' | 'postgres'>;
const SERVICES = int('BENCH_SERVICES', 10_000);
const CLOUD_SERVICES = int('BENCH_CLOUD_SERVICES', 3);
const REQUESTS = int('BENCH_REQUESTS', 200);
const OVERVIEW_REQUESTS = int('BENCH_OVERVIEW_REQUESTS', 50);
const WARMUP = int('BENCH_WARMUP', 5);
const EXPLAIN = process.env.BENCH_EXPLAIN ?? 'missed';
const TARGET_P95_MS = 200;
/** CostIndexLoader's TTL: a request more than this after the last load reads the catalog again. */
const INDEX_TTL_MS = 60_000;

const TODAY = dayOf(new Date());
const DAYS = yearOf(TODAY);
const DATA = { today: TODAY, days: DAYS, services: SERVICES, cloudServices: CLOUD_SERVICES };
const n = (x: number) => x.toLocaleString('en-US');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface RouteFigures {
  db: string;
  route: string;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  reloads: number;
  sql: Array<{ sql: string; bindings: unknown[] }>;
}

async function measure(db: BenchDatabase, backend: OpsfolioTestBackend, routes: Route[]): Promise<RouteFigures[]> {
  const { port } = backend.server.address() as AddressInfo;
  const http = httpClient(port, { authorization: backend.userHeader });
  const checked = async (path: string) => {
    const res = await http.get(path);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.body.slice(0, 300)}`);
    return res;
  };
  const figures: RouteFigures[] = [];
  try {
    // The first request builds the catalog index; time it apart, as the page view a minute after the last one pays it.
    let loadedAt = performance.now();
    await checked(routes[0].path(0));
    console.log(`  first request (cold catalog index): ${(performance.now() - loadedAt).toFixed(0)} ms`);
    for (const route of routes) {
      for (let i = 0; i < WARMUP; i++) await checked(route.path(1000 + i));
      const count = route.overview ? OVERVIEW_REQUESTS : REQUESTS;
      const times: number[] = [];
      let reloads = 0;
      for (let i = 0; i < count; i++) {
        const started = performance.now();
        // The loader's rule: a request past the TTL reloads the catalog (an estimate: it checks a moment later).
        if (started - loadedAt >= INDEX_TTL_MS) {
          reloads++;
          loadedAt = started;
        }
        await checked(route.path(i));
        times.push(performance.now() - started);
      }
      const sql: RouteFigures['sql'] = [];
      const listener = (q: { sql: string; bindings?: unknown[] }) => void sql.push({ sql: q.sql, bindings: q.bindings ?? [] });
      db.knex.on('query', listener);
      await checked(route.path(count));
      db.knex.removeListener('query', listener);
      times.sort((a, b) => a - b);
      const f = { db: db.kind, route: route.name, requests: count, p50: percentile(times, 0.5), p95: percentile(times, 0.95), p99: percentile(times, 0.99), max: times[times.length - 1], reloads, sql };
      figures.push(f);
      console.log(
        `  ${route.name}: p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, max ${f.max.toFixed(1)} ms ` +
          `(${count} requests; catalog index ${reloads ? `reloaded ${reloads}x (60 s TTL) during them` : 'warm throughout'})`,
      );
    }
  } finally {
    http.close();
  }
  return figures;
}

/** Times each statement a route ran on its own (median of 5) and prints its plan (see BENCH_EXPLAIN). */
async function explain(db: BenchDatabase, figures: RouteFigures[]): Promise<void> {
  const asKnexRaw = (sql: string) => (db.kind === 'postgres' ? sql.replace(/\$\d+/g, '?') : sql);
  const shown = (bindings: unknown[]) => JSON.stringify(bindings.length > 6 ? [...bindings.slice(0, 6), `… ${bindings.length} in all`] : bindings);
  for (const f of figures) {
    console.log(`\n  ${db.kind} — ${f.route} (p95 ${f.p95.toFixed(1)} ms): ${f.sql.length} statements`);
    for (const { sql, bindings } of f.sql) {
      const raw = asKnexRaw(sql);
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        const result = await db.knex.raw(raw, bindings as Knex.RawBinding[]);
        times.push(performance.now() - started);
        rows = (Array.isArray(result) ? result : result.rows ?? []).length;
      }
      times.sort((a, b) => a - b);
      console.log(`    ${percentile(times, 0.5).toFixed(2)} ms, ${n(rows)} rows  ${sql.replace(/\s+/g, ' ').slice(0, 400)}  ${shown(bindings)}`);
      if (EXPLAIN === '0' || (EXPLAIN !== 'all' && f.p95 < TARGET_P95_MS)) continue;
      if (db.kind === 'postgres') {
        const { rows: plan } = await db.knex.raw(`EXPLAIN (ANALYZE, BUFFERS) ${raw}`, bindings as Knex.RawBinding[]);
        for (const row of plan as Array<Record<string, string>>) console.log(`        ${row['QUERY PLAN']}`);
      } else {
        const plan: Array<{ detail: string }> = await db.knex.raw(`EXPLAIN QUERY PLAN ${raw}`, bindings as Knex.RawBinding[]);
        for (const row of plan) console.log(`        ${row.detail}`);
      }
    }
  }
}

async function benchDatabase(kind: 'sqlite' | 'postgres', cleanups: Array<() => Promise<void>>): Promise<RouteFigures[]> {
  console.log(`\n## ${kind}`);
  const db = await createDatabase(kind);
  cleanups.push(() => db.destroy());
  console.log(`  ${db.where}`);
  await migrate(db.knex);

  let started = performance.now();
  const { rows, indexMs } = await load(db, DATA);
  const loadMs = performance.now() - started - indexMs;
  started = performance.now();
  const months = await rollUp(db, DATA);
  const rollUpMs = performance.now() - started;
  const [{ c: monthly }] = await db.knex('opsfolio_cost_monthly').count({ c: '*' });
  console.log(
    `  load: ${n(rows)} daily rows in ${s(loadMs)} (${n(Math.round(rows / (loadMs / 1000)))} rows/s), secondary indexes rebuilt in ${s(indexMs)}, ${DAYS.length} days covered; ` +
      `monthly roll-up of ${months} months (${n(Number(monthly))} rows) by the store's INSERT … SELECT: ${s(rollUpMs)}`,
  );
  if (process.env.BENCH_REPLACE !== '0') console.log(`  ${await replaceOpenMonth(db, DATA)}`);
  started = performance.now();
  await db.knex.raw(kind === 'postgres' ? 'VACUUM (ANALYZE)' : 'ANALYZE');
  console.log(`  ${kind === 'postgres' ? 'VACUUM (ANALYZE)' : 'ANALYZE'} ${s(performance.now() - started)}; ${await db.size()}`);

  const catalog = catalogOf(SERVICES);
  const backend = await startOpsfolioTestBackend({ features: [], entities: catalog.entities, knex: db.knex });
  try {
    const figures = await measure(db, backend, routesOf(SERVICES, TODAY));
    await explain(db, figures);
    return figures;
  } finally {
    await backend.stop();
  }
}

async function main() {
  const { entities, groups, systems } = catalogOf(SERVICES);
  console.log(
    `Opsfolio cost routes: ${n(SERVICES)} services x ${CLOUD_SERVICES} cloud services x ${DAYS.length} days (${DAYS[0]} to ${TODAY}) + untagged + unmapped; ` +
      `catalog ${n(entities.length)} entities (${n(groups)} groups in 3 levels, ${n(systems)} systems); ` +
      `${WARMUP} warm-up + ${REQUESTS} (entity) / ${OVERVIEW_REQUESTS} (overview) sequential requests per route; Node ${process.version}`,
  );
  const cleanups: Array<() => Promise<void>> = [];
  const cleanUp = async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn().catch(error => console.error('cleanup failed:', error));
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
  const all: RouteFigures[] = [];
  const started = performance.now();
  try {
    for (const kind of DATABASES) {
      all.push(...(await benchDatabase(kind, cleanups)));
      await cleanUp();
    }
  } finally {
    await cleanUp();
  }

  console.log(`\n| route | database | requests | p50 ms | p95 ms | p99 ms | max ms | p95 < ${TARGET_P95_MS} ms |`);
  console.log('|---|---|---:|---:|---:|---:|---:|---|');
  for (const route of [...new Set(all.map(f => f.route))]) {
    for (const f of all.filter(x => x.route === route)) {
      console.log(
        `| ${f.route} | ${f.db} | ${f.requests} | ${f.p50.toFixed(1)} | ${f.p95.toFixed(1)} | ${f.p99.toFixed(1)} | ${f.max.toFixed(1)} | ${f.p95 < TARGET_P95_MS ? 'yes' : '**no**'} |`,
      );
    }
  }
  console.log(`\nwall time ${s(performance.now() - started)}`);
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
