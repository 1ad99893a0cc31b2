/**
 * How many PagerDuty requests it takes to refresh on-call for 10, 100 and 1,000 services, and the p95 of
 * the on-call route on a warm cache (issue 4).
 *
 *   npm run bench:oncall
 *
 * Real pieces end to end: the simulator (PagerDuty wire format, request log, PagerDuty's REST rate limit of
 * 960 requests a minute on the wall clock) on a free port with its clock pinned, and the backend plugin with
 * the PagerDuty module on an in-memory SQLite store, sync runs triggered directly.
 *
 * Shape (see onCallWorld.ts): N components, each annotated with its own PagerDuty service. Services come in
 * teams of 5 sharing one rota of 5 people (so the same person is on call for all five), but each service has
 * its own escalation policy and schedules, as the simulator models them: 2 levels, primary and secondary
 * schedule (2 schedules per service), weekly hand-over; one team in ten with a gap next week. Incidents: 2 a
 * month per service, 8 for one service in ten, mean time to resolve 4 h, one service in four with one open.
 * The catalog has each team as a Group with its 5 Users, so the route also works out drift.
 *
 * Per size:
 *   sync 1   first sync, empty store: services (with their policies), on-calls over the next 84 days (20
 *            policies a series of pages; they give the schedules' coverage too), incidents of the last 90
 *            days (20 services a request), and the account-wide log a week at a time for the acknowledgements
 *            of resolved incidents (issue 15: 7,492 of 7,908 requests at 1,000 services were one log read per
 *            resolved incident)
 *   sync 2   right after: the steady-state refresh (incidents from the mark on)
 *   route    GET …/oncall once for each of up to BENCH_ROUTE_ENTITIES entities (cold cache: live reads),
 *            then BENCH_ROUTE_REQUESTS more round-robin over them (warm: the cache's 60 s TTL)
 * Before the page views the benchmark waits for a fresh rate-limit window if this one is nearly used up.
 *
 * Environment: BENCH_SERVICES (comma list, default 10,100,1000), BENCH_SEED (default 4), BENCH_ROUTE_ENTITIES
 * (default 50), BENCH_ROUTE_REQUESTS (default 500), BENCH_PD_RATE_LIMIT (requests a minute, default 960).
 */
import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';
import type { AddressInfo } from 'node:net';
import { startSimulator, type RunningSimulator } from 'simulator';
import { opsfolioModulePagerduty } from '../src/module';
import {
  catalogOf,
  describeTally,
  ensureRateLimitRoom,
  httpClient,
  percentile,
  scenarioOf,
  serviceName,
  tally,
  TEAM_SIZE,
  type Tally,
} from './onCallWorld';

const int = (name: string, fallback: number) => {
  const value = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const SIZES = (process.env.BENCH_SERVICES ?? '10,100,1000').split(',').map(s => Number.parseInt(s.trim(), 10));
const SEED = int('BENCH_SEED', 4);
const ROUTE_ENTITIES = int('BENCH_ROUTE_ENTITIES', 50);
const ROUTE_REQUESTS = int('BENCH_ROUTE_REQUESTS', 500);
const RATE_LIMIT = int('BENCH_PD_RATE_LIMIT', 960);
const TOKEN = 'bench';

interface SyncFigures extends Tally {
  wallMs: number;
  items: number;
  status: string;
}

interface SizeFigures {
  services: number;
  incidents: number;
  sync1: SyncFigures;
  sync2: SyncFigures;
  cold: Tally & { entities: number; p50: number; max: number; stale: number; waitedMs: number };
  warm: Tally & { requests: number; p50: number; p95: number; max: number };
}

async function benchSize(services: number): Promise<SizeFigures> {
  const scenario = scenarioOf(services, SEED, RATE_LIMIT);
  const now = new Date();
  const simulator: RunningSimulator = await startSimulator({ scenario, now: () => now, requestLogLimit: 10_000_000 });
  let backend: OpsfolioTestBackend | undefined;
  try {
    backend = await startOpsfolioTestBackend({
      features: [opsfolioModulePagerduty],
      entities: catalogOf(services),
      config: { opsfolio: { pagerduty: { baseUrl: `${simulator.url}/pagerduty`, token: TOKEN } } },
    });
    const { knex } = backend;

    const sync = async (label: string): Promise<SyncFigures> => {
      await simulator.clearRequests();
      const started = performance.now();
      await backend!.runSync('pagerduty');
      const wallMs = performance.now() - started;
      const requests = tally(await simulator.requests('pagerduty'));
      const last = await knex('opsfolio_sync_runs').where({ source_id: 'pagerduty' }).orderBy('id', 'desc').first();
      const status = last ? `${last.status}${last.error ? `: ${String(last.error).slice(0, 160)}…` : ''}` : 'no run recorded';
      const f: SyncFigures = { ...requests, wallMs, items: Number(last?.items ?? 0), status };
      console.log(`[${services} services] ${label}: ${describeTally(f)}, ${(wallMs / 1000).toFixed(2)} s, run ${status}`);
      return f;
    };

    const sync1 = await sync('sync 1 (first)');
    const sync2 = await sync('sync 2 (refresh)');
    const [{ n: incidents }] = await knex('opsfolio_incidents').count({ n: '*' });

    // Entities spread over the whole catalog, so they belong to different teams.
    const picked = Math.min(ROUTE_ENTITIES, services);
    const names = Array.from({ length: picked }, (_, k) => serviceName(Math.floor((k * services) / picked)));
    const waitedMs = await ensureRateLimitRoom(simulator.url, TOKEN, picked * 6);
    const { port } = backend.server.address() as AddressInfo;
    const http = httpClient(port, { authorization: backend.userHeader });
    const view = async (name: string) => {
      const started = performance.now();
      const res = await http.get(`/api/opsfolio/entities/component/default/${name}/oncall`);
      const ms = performance.now() - started;
      if (res.status !== 200) throw new Error(`GET ${name}/oncall: ${res.status} ${res.body.slice(0, 300)}`);
      return { ms, stale: (JSON.parse(res.body).sources as Array<{ stale: boolean }>).some(s => s.stale) };
    };
    try {
      await simulator.clearRequests();
      const coldTimes: number[] = [];
      let stale = 0;
      for (const name of names) {
        const v = await view(name);
        coldTimes.push(v.ms);
        if (v.stale) stale++;
      }
      coldTimes.sort((a, b) => a - b);
      const cold = {
        ...tally(await simulator.requests('pagerduty')),
        entities: picked,
        p50: percentile(coldTimes, 0.5),
        max: coldTimes[coldTimes.length - 1],
        stale,
        waitedMs,
      };
      console.log(
        `[${services} services] cold page views of ${picked} entities: ${describeTally(cold)}, ` +
          `${(cold.total / picked).toFixed(2)} per entity; p50 ${cold.p50.toFixed(1)} ms, max ${cold.max.toFixed(1)} ms` +
          `${stale ? `; ${stale} stale answers` : ''}${waitedMs ? ` (waited ${(waitedMs / 1000).toFixed(0)} s for a fresh rate-limit window first)` : ''}`,
      );

      await simulator.clearRequests();
      const times: number[] = [];
      for (let i = 0; i < ROUTE_REQUESTS; i++) times.push((await view(names[i % names.length])).ms);
      times.sort((a, b) => a - b);
      const warm = {
        ...tally(await simulator.requests('pagerduty')),
        requests: ROUTE_REQUESTS,
        p50: percentile(times, 0.5),
        p95: percentile(times, 0.95),
        max: times[times.length - 1],
      };
      console.log(
        `[${services} services] warm: ${ROUTE_REQUESTS} page views round-robin over ${picked} entities: ` +
          `p50 ${warm.p50.toFixed(1)} ms, p95 ${warm.p95.toFixed(1)} ms, max ${warm.max.toFixed(1)} ms; vendor ${describeTally(warm)}`,
      );
      return { services, incidents: Number(incidents), sync1, sync2, cold, warm };
    } finally {
      http.close();
    }
  } finally {
    await backend?.stop();
    await simulator.close();
  }
}

async function main() {
  console.log(
    `PagerDuty on-call requests: ${SIZES.join(', ')} services (teams of ${TEAM_SIZE}, 2 levels, 2 schedules a service), ` +
      `seed ${SEED}, rate limit ${RATE_LIMIT}/min; route: ${ROUTE_ENTITIES} entities, ${ROUTE_REQUESTS} warm requests; Node ${process.version}`,
  );
  const started = performance.now();
  const all: SizeFigures[] = [];
  for (const services of SIZES) {
    const t0 = performance.now();
    all.push(await benchSize(services));
    console.log(`[${services} services] done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }

  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log('| services | incidents stored | sync 1 requests (429) | sync 1 time | sync 2 requests (429) | sync 2 time | cold view requests/entity | warm p95 ms | warm vendor requests |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const f of all) {
    console.log(
      `| ${f.services} | ${f.incidents} | ${f.sync1.total} (${f.sync1.rateLimited}) | ${s(f.sync1.wallMs)} | ${f.sync2.total} (${f.sync2.rateLimited}) | ` +
        `${s(f.sync2.wallMs)} | ${(f.cold.total / f.cold.entities).toFixed(2)} | ${f.warm.p95.toFixed(1)} | ${f.warm.total} |`,
    );
  }
  console.log(`\nwall time ${s(performance.now() - started)}`);
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
