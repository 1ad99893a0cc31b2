/**
 * How many GitHub requests one Opsfolio sync makes, for 1, 100 and 1,000 repositories (issue 3).
 *
 *   npx tsx plugins/opsfolio-backend-module-github/bench/syncRequests.bench.ts
 *
 * Real pieces end to end: the simulator (GitHub wire format, request log, GitHub's primary rate limit of 5000
 * counted requests an hour) on a free port, and the backend plugin with the GitHub module on an in-memory
 * SQLite store, sync runs triggered directly. Per size:
 *   run 1  first sync, empty store. When it runs into the rate limit, the simulator clock moves on one hour
 *          (a fresh rate-limit window; the clock starts at night, so no deploys happen meanwhile) and the
 *          sync runs again, as the scheduler would, until a run succeeds: each such run is a "round".
 *   run 2  nothing changed (same simulator clock): one conditional request per repository expected
 *   run 3  the simulator clock moves one day on, so a day of new deploys appears
 *
 * Environment: BENCH_REPOS (comma list, default 1,100,1000), BENCH_SEED (default 3), BENCH_NOW (ISO instant of
 * run 1; default 00:30 UTC of a recent Monday-Thursday on which the first repository ships, see benchNow),
 * BENCH_MAX_ROUNDS (default 10), BENCH_MAX_COMPARE (opsfolio.deployments.github.maxCompareCallsPerRun; default: the
 * module's default, 1000).
 */
import type { Entity } from '@backstage/catalog-model';
import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';
import {
  deployHistoryForRepo,
  parseScenario,
  startSimulator,
  type ComponentScenario,
  type LoggedRequest,
  type RunningSimulator,
  type Scenario,
} from 'simulator';
import { opsfolioModuleGithub } from '../src/module';
import { DAY_MS, HOUR_MS } from '@opsfolio/backstage-plugin-common';

const SIZES = (process.env.BENCH_REPOS ?? '1,100,1000').split(',').map(s => Number.parseInt(s.trim(), 10));
const SEED = Number.parseInt(process.env.BENCH_SEED ?? '3', 10);
const MAX_ROUNDS = Number.parseInt(process.env.BENCH_MAX_ROUNDS ?? '10', 10);
const MAX_COMPARE = process.env.BENCH_MAX_COMPARE ? Number.parseInt(process.env.BENCH_MAX_COMPARE, 10) : undefined;


function scenarioOf(repos: number): Scenario {
  const components: Record<string, ComponentScenario> = {};
  for (let i = 0; i < repos; i++) {
    components[`bench-svc-${i}`] = {
      repo: { github: `bench/svc-${i}` },
      deploys: {
        perWeek: 3,
        environments: ['staging', 'production'],
        production: ['production'],
        failureRate: 0.05,
        rollbackRate: 0.02,
        leadTimeHours: { median: 20, p90: 60 },
      },
    };
  }
  // Typed by the simulator's schema; the sections left out (currency, vendors) take its defaults.
  const scenario: Pick<Scenario, 'seed' | 'historyDays' | 'components'> = { seed: SEED, historyDays: 30, components };
  // Through the simulator's own parser, so the benchmark fails early if the scenario shape moves on.
  return parseScenario(JSON.stringify(scenario), `bench scenario (${repos} repos)`);
}

/**
 * Run 1 starts at BENCH_NOW, else at 00:30 UTC of the most recent Monday-Thursday (at least two days back,
 * so every simulated instant is in the past and a rate-limit reset never makes Octokit wait in real time)
 * on which bench-svc-0 ships: run 3 then has changes even for a single repository (perWeek 3 leaves most
 * days empty). Scenario deploys start 09:00-17:30 UTC, so the hours after 00:30 are quiet.
 */
function benchNow(): Date {
  if (process.env.BENCH_NOW) return new Date(process.env.BENCH_NOW);
  const one = scenarioOf(1);
  const today = Math.floor(Date.now() / DAY_MS);
  for (let day = today - 2; day > today - 60; day--) {
    // 1970-01-01 was a Thursday: day % 7 is 0 on Thursdays, 4 on Mondays.
    if (![4, 5, 6, 0].includes(day % 7)) continue;
    const start = day * DAY_MS + HOUR_MS / 2;
    const end = start + DAY_MS;
    const history = deployHistoryForRepo({ scenario: one, now: () => new Date(end) }, 'github', 'bench/svc-0');
    if (history?.deploys.some(d => d.createdAt.getTime() > start && d.createdAt.getTime() <= end)) return new Date(start);
  }
  throw new Error('bench-svc-0 ships on no working day of the last 60 days; set BENCH_NOW or BENCH_SEED');
}

const component = (i: number): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: `bench-svc-${i}`, annotations: { 'github.com/project-slug': `bench/svc-${i}` } },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/bench' },
});

interface Counts {
  requests: number;
  list: number;
  notModified: number;
  statuses: number;
  compare: number;
  rateLimited: number;
  otherErrors: number;
  other: number;
  wallMs: number;
  /** time the simulator spent answering, summed (it shares the process and its 2 cores with the backend) */
  simulatorMs: number;
}

interface RunFigures extends Counts {
  repos: number;
  run: string;
  at: Date;
  stored: number;
  added: number;
  withLeadTime: number;
  expected: number;
  status: string;
}

function countsOf(requests: LoggedRequest[], wallMs: number): Counts {
  const counts: Counts = {
    requests: requests.length,
    list: 0,
    notModified: 0,
    statuses: 0,
    compare: 0,
    rateLimited: 0,
    otherErrors: 0,
    other: 0,
    wallMs,
    simulatorMs: 0,
  };
  for (const r of requests) {
    counts.simulatorMs += r.durationMs;
    // The simulator's GitHub answers 403 only for the primary rate limit (no fault rules are set here).
    if (r.status === 403) counts.rateLimited++;
    else if (r.status >= 400) counts.otherErrors++;
    else if (r.status === 304) counts.notModified++;
    else if (/^\/repos\/[^/]+\/[^/]+\/deployments$/.test(r.path)) counts.list++;
    else if (/^\/repos\/[^/]+\/[^/]+\/deployments\/\d+\/statuses$/.test(r.path)) counts.statuses++;
    else if (/^\/repos\/[^/]+\/[^/]+\/compare\//.test(r.path)) counts.compare++;
    else counts.other++;
  }
  return counts;
}

const sum = (runs: RunFigures[], key: keyof Counts) => runs.reduce((total, f) => total + f[key], 0);

async function benchSize(repos: number, start: Date): Promise<RunFigures[]> {
  const scenario = scenarioOf(repos);
  let now = start;
  const simulator: RunningSimulator = await startSimulator({ scenario, now: () => now, requestLogLimit: 10_000_000 });

  let backend: OpsfolioTestBackend | undefined;
  const figures: RunFigures[] = [];
  try {
    backend = await startOpsfolioTestBackend({
      features: [opsfolioModuleGithub],
      entities: Array.from({ length: repos }, (_, i) => component(i)),
      config: {
        integrations: { github: [{ host: 'github.com', apiBaseUrl: `${simulator.url}/github`, token: 'bench' }] },
        ...(MAX_COMPARE === undefined ? {} : { opsfolio: { deployments: { github: { maxCompareCallsPerRun: MAX_COMPARE } } } }),
      },
    });
    const { knex } = backend;
    const countRows = async (where?: (q: ReturnType<typeof knex>) => void) => {
      const query = knex('opsfolio_deployments');
      if (where) where(query);
      const [{ n }] = await query.count({ n: '*' });
      return Number(n);
    };
    // Every deployment the simulator has shown so far (its window moves on with the clock; the store keeps
    // what left it): what a complete store holds.
    const shown = new Set<string>();
    const expected = () => {
      for (let i = 0; i < repos; i++) {
        const history = deployHistoryForRepo({ scenario, now: () => now }, 'github', `bench/svc-${i}`);
        for (const d of history?.deploys ?? []) if (d.createdAt.getTime() <= now.getTime()) shown.add(`${i}:${d.id}`);
      }
      return shown.size;
    };

    const sync = async (run: string): Promise<RunFigures> => {
      await simulator.clearRequests();
      const before = await countRows();
      const started = performance.now();
      await backend!.runSync('github');
      const wallMs = performance.now() - started;
      const requests = await simulator.requests('github');
      const last = await knex('opsfolio_sync_runs').where({ source_id: 'github' }).orderBy('id', 'desc').first();
      const stored = await countRows();
      const f: RunFigures = {
        repos,
        run,
        at: now,
        ...countsOf(requests, wallMs),
        stored,
        added: stored - before,
        withLeadTime: await countRows(q => void q.whereNotNull('commit_timestamps')),
        expected: expected(),
        status: last ? `${last.status}${last.error ? `: ${String(last.error).slice(0, 160)}…` : ''}` : 'no run recorded',
      };
      console.log(
        `[${repos} repos] run ${run} (simulator now ${now.toISOString()}): ${f.requests} requests ` +
          `(deployments list ${f.list}, statuses ${f.statuses}, compare ${f.compare}, 304 ${f.notModified}, ` +
          `rate-limited 403 ${f.rateLimited}, other errors ${f.otherErrors}, other ${f.other}), ` +
          `${(wallMs / 1000).toFixed(2)} s (simulator answering: ${(f.simulatorMs / 1000).toFixed(2)} s), ` +
          `${f.stored} deployments stored (+${f.added}; simulator has shown ${f.expected}), ${f.withLeadTime} with lead time, ` +
          `run ${f.status}`,
      );
      return f;
    };

    // Run 1, in rounds an hour apart while GitHub's rate limit stops it.
    const rounds: RunFigures[] = [];
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const f = await sync(`1 first sync, round ${round}`);
      rounds.push(f);
      if (f.rateLimited === 0) break;
      now = new Date(now.getTime() + HOUR_MS);
    }
    if (rounds.length === 1) {
      rounds[0].run = '1 first sync';
      figures.push(rounds[0]);
    } else {
      const last = rounds[rounds.length - 1];
      const total: RunFigures = {
        ...last,
        run: `1 first sync, all ${rounds.length} rounds`,
        at: rounds[0].at,
        requests: sum(rounds, 'requests'),
        list: sum(rounds, 'list'),
        notModified: sum(rounds, 'notModified'),
        statuses: sum(rounds, 'statuses'),
        compare: sum(rounds, 'compare'),
        rateLimited: sum(rounds, 'rateLimited'),
        otherErrors: sum(rounds, 'otherErrors'),
        other: sum(rounds, 'other'),
        wallMs: sum(rounds, 'wallMs'),
        simulatorMs: sum(rounds, 'simulatorMs'),
        added: last.stored,
      };
      figures.push(...rounds, total);
      console.log(
        `[${repos} repos] run 1 took ${rounds.length} rounds: ${total.requests} requests, ${total.requests - total.rateLimited} ` +
          `of them answered (${total.rateLimited} rate-limited 403s), ${(total.wallMs / 1000).toFixed(2)} s of sync time ` +
          `(plus ${rounds.length - 1} h of simulated waiting for the rate limit to reset)`,
      );
    }
    figures.push(await sync('2 no changes'));
    now = new Date(now.getTime() + DAY_MS);
    figures.push(await sync('3 +1 day'));
  } finally {
    await backend?.stop();
    await simulator.close();
  }
  return figures;
}

async function main() {
  const start = benchNow();
  console.log(
    `GitHub sync requests: ${SIZES.join(', ')} repos, perWeek 3, staging+production, historyDays 30, seed ${SEED}; ` +
      `run 1 at ${start.toISOString()} (simulator clock); compare budget per run ${MAX_COMPARE ?? 'module default (1000)'}; ` +
      `Node ${process.version}`,
  );
  const all: RunFigures[] = [];
  for (const repos of SIZES) all.push(...(await benchSize(repos, start)));

  console.log(
    '\n| repos | run | simulator now | requests | deployments list (200) | statuses | compare | 304 | rate-limited 403 | other errors | wall time | deployments stored (+new) | with lead time | sync run |',
  );
  console.log('|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const f of all) {
    console.log(
      `| ${f.repos} | ${f.run} | ${f.at.toISOString().slice(0, 16)}Z | ${f.requests} | ${f.list} | ${f.statuses} | ${f.compare} | ` +
        `${f.notModified} | ${f.rateLimited} | ${f.otherErrors} | ${(f.wallMs / 1000).toFixed(2)} s | ${f.stored} (+${f.added}) | ` +
        `${f.withLeadTime} | ${f.status.split(':')[0]} |`,
    );
  }
  for (const f of all.filter(x => x.stored < x.expected)) {
    console.log(`note: ${f.repos} repos, run ${f.run}: the store holds ${f.stored} of the ${f.expected} deployments the simulator has shown`);
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
