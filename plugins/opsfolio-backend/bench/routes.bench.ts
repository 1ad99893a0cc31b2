/**
 * Latency of the deployments and DORA routes with 1,000,000 stored deployments, on SQLite and PostgreSQL
 * (issue 3). Target: p95 under 50 ms.
 *
 *   npx tsx plugins/opsfolio-backend/bench/routes.bench.ts
 *
 * Per database: a fresh database (SQLite file under the OS temp folder; PostgreSQL database
 * opsfolio_bench_<pid>, dropped at the end), the plugin's migrations, a bulk load straight into
 * opsfolio_deployments, ANALYZE, then the plugin on that database with a catalog of the entities, and
 * sequential requests over HTTP (keep-alive) for each route, each to a random entity. Afterwards the SQL each
 * route ran is timed on its own, and the plans of routes that miss the target are printed.
 *
 * Environment: BENCH_DBS (default sqlite,postgres), BENCH_ENTITIES (1000), BENCH_PER_ENTITY (1000
 * deployments per entity, staging and production in pairs), BENCH_REQUESTS (300 per route), BENCH_WARMUP
 * (20 per route), OPSFOLIO_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test),
 * BENCH_EXPLAIN ('all' prints every route's query plans, '0' none), BENCH_PG_VACUUM=0 (PostgreSQL: ANALYZE
 * only after the load, instead of VACUUM (ANALYZE)).
 */
import type { Entity } from '@backstage/catalog-model';
import { Agent, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Knex } from 'knex';
import { migrate } from '../src/platform/migrate';
import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';
import { createBenchDatabase, type BenchDatabase } from './benchDatabase';
import { DAY_MS, HOUR_MS } from '@opsfolio/backstage-plugin-common';

const int = (name: string, fallback: number) => {
  const value = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const DATABASES = (process.env.BENCH_DBS ?? 'sqlite,postgres').split(',').map(s => s.trim()) as Array<'sqlite' | 'postgres'>;
const ENTITIES = int('BENCH_ENTITIES', 1000);
const RELEASES = Math.max(1, Math.round(int('BENCH_PER_ENTITY', 1000) / 2));
const REQUESTS = int('BENCH_REQUESTS', 300);
const WARMUP = int('BENCH_WARMUP', 20);
/** Query plans: '0' none, 'all' every route's, otherwise those of routes that miss the target. */
const EXPLAIN = process.env.BENCH_EXPLAIN ?? 'missed';
const TARGET_P95_MS = 50;

const ROUTES: Array<{ name: string; path: (entity: string) => string }> = [
  { name: 'deployments?limit=25', path: e => `${e}/deployments?limit=25` },
  {
    name: 'deployments?environment=production&status=failure&limit=25&offset=25',
    path: e => `${e}/deployments?environment=production&status=failure&limit=25&offset=25`,
  },
  { name: 'dora (30 days)', path: e => `${e}/dora` },
  { name: 'dora?window=90d', path: e => `${e}/dora?window=90d` },
  { name: 'deployments/current', path: e => `${e}/deployments/current` },
  { name: 'deployments/weekly', path: e => `${e}/deployments/weekly` },
];


// ---------------------------------------------------------------------------------------------------------
// Data: a pure function of (entity, release), so both databases get the same rows.

/** 32-bit hash of a few integers (murmur3's finaliser over a running mix). */
function hash(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const v of values) {
    h = Math.imul(h ^ (v | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}
const unit = (...values: number[]) => hash(...values) / 2 ** 32;
const shaOf = (entity: number, release: number) =>
  [0, 1, 2, 3, 4].map(k => hash(entity, release, 100 + k).toString(16).padStart(8, '0')).join('');

const entityName = (i: number) => `svc-${i}`;
const entityRef = (i: number) => `component:default/${entityName(i)}`;

interface DeploymentRow {
  source: string;
  external_id: string;
  entity_ref: string;
  environment: string;
  version: string;
  commit_sha: string;
  status: string;
  started_at: string;
  finished_at: string;
  url: string;
  actor: string;
  rollback: boolean;
  commit_timestamps: string | null;
  updated_at: string;
}

/**
 * Each entity ships RELEASES changes spread over the last 365 days, each to staging and then production
 * (1-4 hours later): ~4% of staging and ~6% of production deploys fail, ~1% of production deploys are
 * rollbacks (the sha of two releases back again), and successful production deploys of the last 90 days
 * carry the commit times they shipped (what the GitHub module stores for lead time). Rows come out in time
 * order across entities, as a store filled by syncs over a year would hold them.
 */
function* deploymentRows(now: number): Generator<DeploymentRow> {
  const from = now - 365 * DAY_MS;
  const slot = (365 * DAY_MS - 6 * HOUR_MS) / RELEASES;
  const updatedAt = new Date(now).toISOString();
  for (let r = 0; r < RELEASES; r++) {
    for (let i = 0; i < ENTITIES; i++) {
      const staging = from + (r + 0.9 * unit(i, r, 1)) * slot;
      const production = staging + (1 + 3 * unit(i, r, 2)) * HOUR_MS;
      const rollback = r >= 2 && unit(i, r, 4) < 0.01;
      const sha = shaOf(i, r);
      const base = {
        source: 'github',
        entity_ref: entityRef(i),
        url: `https://github.com/bench/${entityName(i)}/deployments`,
        actor: `dev-${hash(i, r, 5) % 40}`,
        rollback: false,
        commit_timestamps: null,
        updated_at: updatedAt,
      };
      yield {
        ...base,
        external_id: String(i * 2 * RELEASES + 2 * r),
        environment: 'staging',
        version: sha.slice(0, 7),
        commit_sha: sha,
        status: unit(i, r, 3) < 0.04 ? 'failure' : 'success',
        started_at: new Date(staging).toISOString(),
        finished_at: new Date(staging + (3 + 17 * unit(i, r, 6)) * 60_000).toISOString(),
      };
      const shipped = rollback ? shaOf(i, r - 2) : sha;
      const failed = !rollback && unit(i, r, 7) < 0.06;
      let commitTimestamps: string | null = null;
      if (!rollback && !failed && production >= now - 90 * DAY_MS) {
        const commits = 1 + (hash(i, r, 8) % 4);
        commitTimestamps = JSON.stringify(
          Array.from({ length: commits }, (_, k) => production - (2 + 70 * unit(i, r, 9, k)) * HOUR_MS)
            .sort((a, b) => a - b)
            .map(t => new Date(t).toISOString()),
        );
      }
      yield {
        ...base,
        external_id: String(i * 2 * RELEASES + 2 * r + 1),
        environment: 'production',
        version: shipped.slice(0, 7),
        commit_sha: shipped,
        status: failed ? 'failure' : 'success',
        started_at: new Date(production).toISOString(),
        finished_at: new Date(production + (3 + 17 * unit(i, r, 10)) * 60_000).toISOString(),
        rollback,
        commit_timestamps: commitTimestamps,
      };
    }
  }
}

function* chunks<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

// ---------------------------------------------------------------------------------------------------------
// Databases

/** Multi-row inserts straight into the table; one transaction per batch. */
async function load(db: BenchDatabase, now: number): Promise<number> {
  // SQLite: knex writes a multi-row insert as SELECT … UNION ALL SELECT …, at most 500 terms.
  const rowsPerInsert = db.kind === 'sqlite' ? 400 : 2000;
  const rowsPerTransaction = db.kind === 'sqlite' ? 4000 : 10_000;
  const total = ENTITIES * RELEASES * 2;
  let loaded = 0;
  let reported = 0;
  const started = performance.now();
  for (const batch of chunks(deploymentRows(now), rowsPerTransaction)) {
    await db.knex.transaction(async trx => {
      for (const rows of chunks(batch, rowsPerInsert)) await trx('opsfolio_deployments').insert(rows);
    });
    loaded += batch.length;
    if (loaded - reported >= total / 10 || loaded === total) {
      reported = loaded;
      const seconds = (performance.now() - started) / 1000;
      console.log(`  loaded ${loaded.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s`);
    }
  }
  return loaded;
}

// ---------------------------------------------------------------------------------------------------------
// Requests

interface RouteFigures {
  db: string;
  route: string;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  sql: Array<{ sql: string; bindings: unknown[] }>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

/** A small deterministic stream of entity indexes, the same for every database. */
function entityPicker(seed: number) {
  let state = seed;
  return () => {
    state = hash(state, 0x5bd1e995);
    return state % ENTITIES;
  };
}

async function measure(db: BenchDatabase, backend: OpsfolioTestBackend): Promise<RouteFigures[]> {
  const { port } = backend.server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path: `/api/opsfolio/entities/component/default/${path}`, agent, headers: { authorization: backend.userHeader } },
        res => {
          const parts: Buffer[] = [];
          res.on('data', (part: Buffer) => parts.push(part));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end();
    });
  const checked = async (path: string) => {
    const res = await get(path);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.body.slice(0, 300)}`);
    return res;
  };

  const figures: RouteFigures[] = [];
  try {
    for (const [index, route] of ROUTES.entries()) {
      const pick = entityPicker(index + 1);
      for (let i = 0; i < WARMUP; i++) await checked(route.path(entityName(pick())));
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const path = route.path(entityName(pick()));
        const started = performance.now();
        await checked(path);
        times.push(performance.now() - started);
      }
      // The SQL one request of this route runs, for the per-query timings and plans below.
      const sql: RouteFigures['sql'] = [];
      const listener = (q: { sql: string; bindings?: unknown[] }) => void sql.push({ sql: q.sql, bindings: q.bindings ?? [] });
      db.knex.on('query', listener);
      await checked(route.path(entityName(pick())));
      db.knex.removeListener('query', listener);

      times.sort((a, b) => a - b);
      const f = {
        db: db.kind,
        route: route.name,
        p50: percentile(times, 0.5),
        p95: percentile(times, 0.95),
        p99: percentile(times, 0.99),
        max: times[times.length - 1],
        sql,
      };
      figures.push(f);
      console.log(
        `  ${route.name}: p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, max ${f.max.toFixed(1)} ms (${REQUESTS} requests)`,
      );
    }
  } finally {
    agent.destroy();
  }
  return figures;
}

/** Times each statement a route ran on its own (median of 20) and prints its plan (see BENCH_EXPLAIN). */
async function explain(db: BenchDatabase, figures: RouteFigures[]): Promise<void> {
  const asKnexRaw = (sql: string) => (db.kind === 'postgres' ? sql.replace(/\$\d+/g, '?') : sql);
  for (const f of figures) {
    console.log(`\n  ${db.kind} — ${f.route} (p95 ${f.p95.toFixed(1)} ms): ${f.sql.length} statements`);
    for (const { sql, bindings } of f.sql) {
      const raw = asKnexRaw(sql);
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const started = performance.now();
        await db.knex.raw(raw, bindings as Knex.RawBinding[]);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      console.log(`    ${percentile(times, 0.5).toFixed(2)} ms  ${sql}  ${JSON.stringify(bindings)}`);
      if (EXPLAIN === '0' || (EXPLAIN !== 'all' && f.p95 < TARGET_P95_MS)) continue;
      if (db.kind === 'postgres') {
        const { rows } = await db.knex.raw(`EXPLAIN (ANALYZE, BUFFERS) ${raw}`, bindings as Knex.RawBinding[]);
        for (const row of rows as Array<Record<string, string>>) console.log(`        ${row['QUERY PLAN']}`);
      } else {
        const rows: Array<{ detail: string }> = await db.knex.raw(`EXPLAIN QUERY PLAN ${raw}`, bindings as Knex.RawBinding[]);
        for (const row of rows) console.log(`        ${row.detail}`);
      }
    }
  }
}

const component = (i: number): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: entityName(i), annotations: { 'github.com/project-slug': `bench/${entityName(i)}` } },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/bench' },
});

async function benchDatabase(kind: 'sqlite' | 'postgres', now: number, cleanups: Array<() => Promise<void>>): Promise<RouteFigures[]> {
  console.log(`\n## ${kind}`);
  const db = await createBenchDatabase(kind, { prefix: 'opsfolio-bench', table: 'opsfolio_deployments' });
  cleanups.push(() => db.destroy());
  console.log(`  ${db.where}`);
  await migrate(db.knex);

  let started = performance.now();
  const rows = await load(db, now);
  const loadSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const vacuum = kind === 'postgres' && process.env.BENCH_PG_VACUUM !== '0';
  if (vacuum) {
    // VACUUM as well: it sets the visibility map that index-only scans need, as autovacuum would after a
    // bulk insert (and it would otherwise start in the middle of the measurements).
    await db.knex.raw('VACUUM (ANALYZE) opsfolio_deployments');
  } else {
    await db.knex.raw('ANALYZE');
  }
  const analyzeSeconds = (performance.now() - started) / 1000;
  console.log(
    `  load: ${rows.toLocaleString('en-US')} rows in ${loadSeconds.toFixed(1)} s (${Math.round(rows / loadSeconds).toLocaleString('en-US')} rows/s); ` +
      `${vacuum ? 'VACUUM (ANALYZE)' : 'ANALYZE'} ${analyzeSeconds.toFixed(1)} s; ${await db.size()}`,
  );

  const backend = await startOpsfolioTestBackend({
    features: [],
    entities: Array.from({ length: ENTITIES }, (_, i) => component(i)),
    knex: db.knex,
  });
  try {
    const figures = await measure(db, backend);
    await explain(db, figures);
    return figures;
  } finally {
    await backend.stop();
  }
}

async function main() {
  const now = Date.now();
  console.log(
    `Opsfolio routes: ${ENTITIES} entities x ${RELEASES * 2} deployments = ${(ENTITIES * RELEASES * 2).toLocaleString('en-US')} rows; ` +
      `${WARMUP} warm-up + ${REQUESTS} sequential requests per route; Node ${process.version}`,
  );
  const cleanups: Array<() => Promise<void>> = [];
  const cleanUp = async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn().catch(error => console.error('cleanup failed:', error));
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

  const all: RouteFigures[] = [];
  try {
    for (const kind of DATABASES) {
      all.push(...(await benchDatabase(kind, now, cleanups)));
      await cleanUp();
    }
  } finally {
    await cleanUp();
  }

  console.log(`\n| route | database | p50 ms | p95 ms | p99 ms | max ms | p95 < ${TARGET_P95_MS} ms |`);
  console.log('|---|---|---:|---:|---:|---:|---|');
  for (const route of ROUTES) {
    for (const f of all.filter(x => x.route === route.name)) {
      console.log(
        `| ${f.route} | ${f.db} | ${f.p50.toFixed(1)} | ${f.p95.toFixed(1)} | ${f.p99.toFixed(1)} | ${f.max.toFixed(1)} | ${f.p95 < TARGET_P95_MS ? 'yes' : '**no**'} |`,
      );
    }
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
