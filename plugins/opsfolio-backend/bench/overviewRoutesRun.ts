/**
 * Part 3 of bench:scorecards: the real backend with the generated catalog and a fact provider serving the generated
 * facts, the scorecards job once, then the overview route over HTTP (cached, never cached, CSV) and the answer built
 * in-process without the cache, on SQLite and optionally PostgreSQL.
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import { addDays, dayOf, type Scorecard } from '@opsfolio/backstage-plugin-common';
import { opsfolioScorecardsExtensionPoint, type FactAnswer, type FactProvider } from '@opsfolio/backstage-plugin-node';
import type { Knex } from 'knex';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { buildOverview, type OverviewFilters } from '../src/scorecards/overview';
import { OverviewDataLoader } from '../src/scorecards/overviewData';
import { PRODUCTION_READINESS } from '../src/scorecards/productionReadiness';
import { DatabaseScorecardStore } from '../src/scorecards/DatabaseScorecardStore';
import { startOpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';
import { ms, n, percentile } from './benchFormat';
import { createBenchDatabase, type BenchDatabase } from './benchDatabase';
import { httpClient } from './costRoutesWorld';
import { catalogOf, describedFact, factsOf, int, random, SEED, teamName, type Draw } from './scorecardsWorld';

const REQUESTS = int('BENCH_REQUESTS', 200);
const TREND_DAYS = int('BENCH_TREND_DAYS', 90);
/** OverviewDataLoader's TTL: a request more than this after the last load reads the store again. */
const OVERVIEW_TTL_MS = 60_000;

const BENCH_FACT = (id: string) => `bench.${id}`;

/** The default scorecard with every check reading the benchmark provider's copy of its fact. */
export const benchScorecard: Scorecard = { ...PRODUCTION_READINESS, checks: PRODUCTION_READINESS.checks.map(c => ({ ...c, fact: BENCH_FACT(c.fact) })) };

export function benchFactsModule(all: Draw[], refs: string[]) {
  const byRef = new Map(refs.map((ref, i) => [ref, all[i]]));
  const provider: FactProvider = {
    id: 'bench',
    facts: PRODUCTION_READINESS.checks.map(c => ({ ...describedFact(c.fact), id: BENCH_FACT(c.fact) })),
    async collect(subjects, { asOf }) {
      const result = new Map<string, Record<string, FactAnswer>>();
      for (const { entityRef } of subjects) {
        const d = byRef.get(entityRef);
        if (d) result.set(entityRef, Object.fromEntries(Object.entries(factsOf(d, asOf)).map(([id, a]) => [BENCH_FACT(id), a])));
      }
      return result;
    },
  };
  return createBackendModule({
    pluginId: 'opsfolio',
    moduleId: 'bench-facts',
    register(env) {
      env.registerInit({
        deps: { scorecards: opsfolioScorecardsExtensionPoint },
        async init({ scorecards }) {
          scorecards.addFactProvider(provider);
        },
      });
    },
  });
}

/**
 * Earlier days' snapshots for the trend (today's level, one level lower before a random day for a third of the
 * entities), inserted on the driver: prepared statements in one transaction (SQLite), unnest() arrays (PostgreSQL).
 */
async function writeHistory(knex: Knex, kind: 'sqlite' | 'postgres', scorecardId: string, days: number): Promise<number> {
  const today = dayOf(new Date());
  const rows: Array<{ entity_ref: string; level: string | null; passing: number; total: number }> = await knex('opsfolio_scorecard_daily')
    .select('entity_ref', 'level', 'passing', 'total')
    .where({ scorecard_id: scorecardId, day: today });
  const order = benchScorecard.levels.map(l => l.id);
  const r = random(SEED + 1);
  const improvedAt = rows.map(() => (r() < 0.33 ? 1 + Math.floor(r() * (days - 1)) : days));
  const dayRows = (back: number) =>
    rows.map((row, i) => {
      const lower = back >= improvedAt[i] && row.level !== null;
      const index = row.level === null ? -1 : order.indexOf(row.level) - (lower ? 1 : 0);
      return { entityRef: row.entity_ref, level: index >= 0 ? order[index] : null, passing: Math.max(0, Number(row.passing) - (lower ? 1 : 0)), total: Number(row.total) };
    });
  const client = knex.client as { acquireConnection(): Promise<any>; releaseConnection(c: unknown): Promise<void> };
  const conn = await client.acquireConnection();
  const insert = 'insert into opsfolio_scorecard_daily (scorecard_id, entity_ref, day, level, passing, total)';
  let written = 0;
  try {
    if (kind === 'sqlite') {
      const statement = conn.prepare(`${insert} values (?, ?, ?, ?, ?, ?)`);
      conn.transaction(() => {
        for (let back = 1; back < days; back++) {
          const day = addDays(today, -back);
          for (const x of dayRows(back)) statement.run(scorecardId, x.entityRef, day, x.level, x.passing, x.total);
          written += rows.length;
        }
      })();
    } else {
      for (let back = 1; back < days; back++) {
        const batch = dayRows(back);
        await conn.query(`${insert} select $1, e, $2, l, p, t from unnest($3::text[], $4::text[], $5::int[], $6::int[]) as u(e, l, p, t)`, [
          scorecardId,
          addDays(today, -back),
          batch.map(x => x.entityRef),
          batch.map(x => x.level),
          batch.map(x => x.passing),
          batch.map(x => x.total),
        ]);
        written += batch.length;
      }
    }
  } finally {
    await client.releaseConnection(conn);
  }
  return written;
}

export interface RouteFigures {
  db: string;
  route: string;
  p50: number;
  p95: number;
  max: number;
}

export async function benchRoutes(kind: 'sqlite' | 'postgres', all: Draw[], catalog: ReturnType<typeof catalogOf>): Promise<RouteFigures[]> {
  console.log(`\n## Overview route on ${kind}`);
  let db: BenchDatabase | undefined;
  if (kind === 'postgres') {
    db = await createBenchDatabase('postgres', { prefix: 'opsfolio_bench_scorecards', table: 'opsfolio_scorecard_entities' });
    console.log(`  ${db.where}`);
  }
  const refs = catalog.components.map(c => stringifyEntityRef(c).toLocaleLowerCase('en-US'));
  const config = {
    opsfolio: { scorecards: { includeDefault: false, backfillDays: 0, definitions: [JSON.parse(JSON.stringify(benchScorecard))] } },
  } as JsonObject;
  const backend = await startOpsfolioTestBackend({ features: [benchFactsModule(all, refs)], entities: catalog.entities, config, knex: db?.knex });
  const http = httpClient((backend.server.address() as AddressInfo).port, { authorization: backend.userHeader });
  const figures: RouteFigures[] = [];
  try {
    let start = performance.now();
    await backend.runSync('scorecards');
    const jobMs = performance.now() - start;
    const [{ c: stored }] = await backend.knex('opsfolio_scorecard_entities').count({ c: '*' });
    console.log(
      `  scorecards job (runSync: catalog read, facts from the 5 built-in providers + the bench provider, evaluation, store): ${ms(jobMs)}, ${n(Number(stored))} evaluations stored`,
    );
    if (TREND_DAYS > 1) {
      start = performance.now();
      const written = await writeHistory(backend.knex, kind, benchScorecard.id, TREND_DAYS);
      console.log(`  trend history: ${n(written)} daily snapshots of ${TREND_DAYS - 1} earlier days written straight to the table in ${ms(performance.now() - start)}`);
    }
    if (kind === 'postgres') await backend.knex.raw('ANALYZE');

    const checked = async (path: string) => {
      const res = await http.get(path);
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.body.slice(0, 300)}`);
      return res;
    };
    start = performance.now();
    const cold = await checked('/overview/scorecards');
    let loadedAt = performance.now();
    const coldBody = JSON.parse(cold.body) as { entities: unknown[]; trend: unknown[]; byTeam: unknown[] };
    console.log(
      `  GET /overview/scorecards cold (reads the stored evaluations, ${TREND_DAYS} days of snapshots and the catalog): ${ms(loadedAt - start)}, ` +
        `${n(coldBody.entities.length)} entities, ${n(coldBody.byTeam.length)} owners, ${coldBody.trend.length} trend days, ${(cold.body.length / 2 ** 20).toFixed(1)} MiB`,
    );
    const combinations = ['', '?level=none', `?owner=${teamName(7)}`, '?tier=1&level=gold'];
    for (const query of combinations) {
      const path = `/overview/scorecards${query}`;
      const times: number[] = [];
      let reloads = 0;
      let size = 0;
      for (let i = 0; i < REQUESTS; i++) {
        const started = performance.now();
        if (started - loadedAt >= OVERVIEW_TTL_MS) {
          reloads += 1;
          loadedAt = started;
        }
        size = (await checked(path)).body.length;
        times.push(performance.now() - started);
      }
      const rows = (JSON.parse((await checked(path)).body) as { entities: unknown[] }).entities.length;
      times.sort((a, b) => a - b);
      const f = { db: kind, route: path, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] };
      figures.push(f);
      console.log(
        `  GET ${path}: ${REQUESTS} warm requests p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms, max ${f.max.toFixed(1)} ms; ` +
          `${n(rows)} entities, ${(size / 1024).toFixed(0)} KiB${reloads ? `; the data was reloaded ~${reloads}x (60 s TTL) during them` : ''}`,
      );
    }
    // A manager clicking through teams: every request a filter not asked before, so each answer is built.
    {
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const query = `?owner=${teamName(i)}${i % 2 ? '&level=none' : ''}`;
        const started = performance.now();
        await checked(`/overview/scorecards${query}`);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const f = { db: kind, route: '/overview/scorecards?owner=<a different team each time>', p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] };
      figures.push(f);
      console.log(`  GET /overview/scorecards, a different team each request (never cached): p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms, max ${f.max.toFixed(1)} ms`);
    }
    start = performance.now();
    const csv = await checked('/overview/scorecards?format=csv');
    console.log(`  GET /overview/scorecards?format=csv: ${ms(performance.now() - start)}, ${n(csv.body.split('\r\n').length - 2)} lines, ${(csv.body.length / 1024).toFixed(0)} KiB`);
    // The route keeps each answer as text until the data is reloaded; this is what building one costs.
    const loader = new OverviewDataLoader({
      store: new DatabaseScorecardStore(backend.knex),
      ownership: { ownerTitles: async () => new Map<string, string | undefined>() },
      generation: async () => 0,
    });
    const data = await loader.get(benchScorecard);
    for (const query of combinations) {
      const filters = Object.fromEntries(new URLSearchParams(query)) as OverviewFilters;
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const started = performance.now();
        JSON.stringify(buildOverview(data, filters, [{ id: benchScorecard.id, title: benchScorecard.title }]));
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      console.log(`  building the answer in-process, not cached (${query || 'no filter'}): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`);
    }
  } finally {
    http.close();
    await backend.stop();
    await db?.destroy();
  }
  return figures;
}
