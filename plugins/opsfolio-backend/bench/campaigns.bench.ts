/**
 * Campaigns at scale (issue 17: "campaign progress and burn-up for 10,000 entities over 180 days of snapshots,
 * p95 of the campaign page's route (target < 100 ms warm)").
 *
 *   npm run bench:campaigns
 *
 * The organisation of bench:scorecards (scorecardsWorld.ts: BENCH_ENTITIES production components of BENCH_TEAMS
 * teams with realistic facts) in the real backend on in-memory SQLite (BENCH_DBS=sqlite,postgres adds
 * PostgreSQL), the scorecards job run once, then BENCH_HISTORY_DAYS - 1 earlier days of snapshots written
 * straight to the daily table with the checks each held back: a third of the entities fixed one campaign check
 * on a random day, so the burn-up climbs. Two campaigns span the whole history: one over two checks, one to
 * Silver. Printed: GET /campaigns/:id cold (reads the results and every snapshot since the start) and warm
 * BENCH_REQUESTS times, GET /campaigns and the entity's campaigns warm, the CSV, and the progress computed
 * in-process from a cached scope.
 *
 * Then the notification run ("the notification run's duration"): BENCH_REGRESSIONS entities get a check that
 * passed and now fails, a tenth of them a level drop too, and the drills campaign reminds its lagging teams weekly.
 * Printed: the first run (collect, address to every member, outbox, send one notification per person and topic to a
 * counting notification service) and a second run that finds the same events and sends nothing.
 */
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { notificationService, type NotificationSendOptions } from '@backstage/plugin-notifications-node';
import type { JsonObject } from '@backstage/types';
import { addDays, dayOf } from '@opsfolio/backstage-plugin-common';
import { startOpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';
import type { Knex } from 'knex';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { campaignProgress } from '../src/campaigns/progress';
import { scopeCampaign } from '../src/campaigns/scope';
import { DatabaseScorecardStore } from '../src/scorecards/DatabaseScorecardStore';
import { ms, n, percentile } from './benchFormat';
import { createBenchDatabase, type BenchDatabase } from './benchDatabase';
import { httpClient } from './costRoutesWorld';
import { benchFactsModule, benchScorecard } from './overviewRoutesRun';
import { catalogOf, draws, ENTITIES, int, random, SEED, TEAMS } from './scorecardsWorld';

const REQUESTS = int('BENCH_REQUESTS', 200);
const REGRESSIONS = int('BENCH_REGRESSIONS', 1000);
const HISTORY_DAYS = int('BENCH_HISTORY_DAYS', 180);
const DATABASES = (process.env.BENCH_DBS ?? 'sqlite').split(',').filter(Boolean) as Array<'sqlite' | 'postgres'>;
const TARGET_P95_MS = 100;
const TODAY = dayOf(new Date());
const START = addDays(TODAY, -(HISTORY_DAYS - 1));
const CAMPAIGN_CHECKS = ['rollback-exercised', 'runbook'];

const campaigns = [
  {
    id: 'drills',
    title: 'Drills',
    owner: 'team-1',
    scorecardId: benchScorecard.id,
    checks: CAMPAIGN_CHECKS,
    startDate: START,
    targetDate: addDays(TODAY, 30),
    milestones: [{ date: addDays(TODAY, -30), share: 0.5 }],
    reminders: { everyDays: 7 },
  },
  {
    id: 'silver',
    title: 'Silver',
    owner: 'team-2',
    scorecardId: benchScorecard.id,
    targetLevel: 'silver',
    startDate: START,
    targetDate: addDays(TODAY, 60),
  },
];

/** Earlier days' snapshots: today's failing checks, plus one campaign check for a third of the entities before a random day. */
async function writeHistory(knex: Knex, kind: 'sqlite' | 'postgres'): Promise<number> {
  const rows: Array<{ entity_ref: string; level: string | null; passing: number; total: number; failing: string }> =
    await knex('opsfolio_scorecard_daily')
      .select('entity_ref', 'level', 'passing', 'total', 'failing')
      .where({ scorecard_id: benchScorecard.id, day: TODAY });
  const r = random(SEED + 2);
  const fixedAt = rows.map(() => (r() < 0.33 ? 1 + Math.floor(r() * (HISTORY_DAYS - 1)) : HISTORY_DAYS));
  const extra = rows.map(() => CAMPAIGN_CHECKS[Math.floor(r() * CAMPAIGN_CHECKS.length)]);
  const failingOf = rows.map((row, i) => {
    const today = JSON.parse(row.failing) as string[];
    return { same: row.failing, before: JSON.stringify(today.includes(extra[i]) ? today : [...today, extra[i]]) };
  });
  const client = knex.client as { acquireConnection(): Promise<any>; releaseConnection(c: unknown): Promise<void> };
  const conn = await client.acquireConnection();
  const insert =
    'insert into opsfolio_scorecard_daily (scorecard_id, entity_ref, day, level, passing, total, failing, exempt)';
  let written = 0;
  try {
    for (let back = 1; back < HISTORY_DAYS; back++) {
      const day = addDays(TODAY, -back);
      const failing = rows.map((_, i) => (back >= fixedAt[i] ? failingOf[i].before : failingOf[i].same));
      if (kind === 'sqlite') {
        const statement = conn.prepare(`${insert} values (?, ?, ?, ?, ?, ?, ?, '[]')`);
        conn.transaction(() =>
          rows.forEach((row, i) =>
            statement.run(benchScorecard.id, row.entity_ref, day, row.level, row.passing, row.total, failing[i])
          )
        )();
      } else {
        await conn.query(
          `${insert} select $1, e, $2, l, p, t, f, '[]' from unnest($3::text[], $4::text[], $5::int[], $6::int[], $7::text[]) as u(e, l, p, t, f)`,
          [
            benchScorecard.id,
            day,
            rows.map(x => x.entity_ref),
            rows.map(x => x.level),
            rows.map(x => x.passing),
            rows.map(x => x.total),
            failing,
          ]
        );
      }
      written += rows.length;
    }
  } finally {
    await client.releaseConnection(conn);
  }
  return written;
}

/** A check that passed and now fails on the first REGRESSIONS entities, and a level drop on every tenth of them. */
async function plantRegressions(knex: Knex, refs: string[]) {
  const at = new Date().toISOString();
  const chosen = refs.slice(0, REGRESSIONS);
  const transitions = chosen.map(ref => ({
    scorecard_id: benchScorecard.id,
    entity_ref: ref,
    check_id: 'runbook',
    at,
    from_state: 'pass',
    to_state: 'fail',
    value: null,
    reason: 'bench',
  }));
  const drops = chosen
    .filter((_, i) => i % 10 === 0)
    .map(ref => ({
      scorecard_id: benchScorecard.id,
      entity_ref: ref,
      at,
      from_level: 'silver',
      to_level: 'bronze',
      because: '[]',
    }));
  for (let i = 0; i < transitions.length; i += 200)
    await knex('opsfolio_scorecard_transitions').insert(transitions.slice(i, i + 200));
  for (let i = 0; i < drops.length; i += 200)
    await knex('opsfolio_scorecard_level_changes').insert(drops.slice(i, i + 200));
}

async function bench(kind: 'sqlite' | 'postgres') {
  console.log(`\n## Campaign routes on ${kind}`);
  let db: BenchDatabase | undefined;
  if (kind === 'postgres')
    db = await createBenchDatabase('postgres', {
      prefix: 'opsfolio_bench_campaigns',
      table: 'opsfolio_scorecard_entities',
    });
  const all = draws();
  const catalog = catalogOf(all);
  const refs = catalog.components.map(c => stringifyEntityRef(c).toLocaleLowerCase('en-US'));
  const config = {
    opsfolio: {
      scorecards: {
        includeDefault: false,
        backfillDays: 0,
        historyDays: 365,
        definitions: [JSON.parse(JSON.stringify(benchScorecard))],
      },
      campaigns: { definitions: campaigns },
    },
  } as JsonObject;
  const sent: NotificationSendOptions[] = [];
  const countingNotifications = createServiceFactory({
    service: notificationService,
    deps: {},
    factory: () => ({ send: async (options: NotificationSendOptions) => void sent.push(options) }),
  });
  const backend = await startOpsfolioTestBackend({
    features: [benchFactsModule(all, refs), countingNotifications],
    entities: catalog.entities,
    config,
    knex: db?.knex,
  });
  const http = httpClient((backend.server.address() as AddressInfo).port, { authorization: backend.userHeader });
  const figures: Array<{ route: string; p50: number; p95: number; max: number }> = [];
  const checked = async (path: string) => {
    const res = await http.get(path);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.body.slice(0, 300)}`);
    return res;
  };
  const warm = async (path: string) => {
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const started = performance.now();
      await checked(path);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const f = { route: path, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] };
    figures.push(f);
    console.log(
      `  GET ${path}: ${REQUESTS} warm requests p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(
        1
      )} ms, max ${f.max.toFixed(1)} ms`
    );
  };
  try {
    let start = performance.now();
    await backend.runSync('scorecards');
    console.log(`  scorecards job: ${ms(performance.now() - start)}`);
    start = performance.now();
    const written = await writeHistory(backend.knex, kind);
    console.log(
      `  history: ${n(written)} daily snapshots of ${HISTORY_DAYS - 1} earlier days written in ${ms(
        performance.now() - start
      )}`
    );
    if (kind === 'postgres') await backend.knex.raw('ANALYZE');

    for (const c of campaigns) {
      start = performance.now();
      const cold = await checked(`/campaigns/${c.id}`);
      const body = JSON.parse(cold.body) as {
        counts: { total: number; done: number; exempt: number };
        burnUp: Array<{ done: number }>;
        projection: unknown;
      };
      console.log(
        `  GET /campaigns/${c.id} cold: ${ms(performance.now() - start)}; ${n(body.counts.total)} entities, ${n(
          body.counts.done + body.counts.exempt
        )} done, ` +
          `${body.burnUp.length} burn-up days (${n(body.burnUp[0].done)} → ${n(body.burnUp.at(-1)!.done)} done), ${(
            cold.body.length /
            2 ** 20
          ).toFixed(1)} MiB; projection ${JSON.stringify(body.projection)}`
      );
      await warm(`/campaigns/${c.id}`);
    }
    await warm('/campaigns');
    await warm(`/entities/component/default/${catalog.components[0].metadata.name}/campaigns`);
    start = performance.now();
    const csv = await checked('/campaigns/drills?format=csv');
    console.log(
      `  GET /campaigns/drills?format=csv: ${ms(performance.now() - start)}, ${n(
        csv.body.split('\r\n').length - 2
      )} lines`
    );

    // What a warm request computes: the progress from a cached scope (the scope itself is built once per evaluation).
    const store = new DatabaseScorecardStore(backend.knex);
    start = performance.now();
    const [evaluations, daily] = await Promise.all([
      store.entities(benchScorecard.id),
      store.dailyChecks(benchScorecard.id, START),
    ]);
    const readMs = performance.now() - start;
    start = performance.now();
    const scope = scopeCampaign(campaigns[0], benchScorecard, evaluations.values(), daily, TODAY);
    const scopeMs = performance.now() - start;
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      campaignProgress(scope, { today: TODAY, groupTitles: new Map() });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(
      `  in-process: reading ${n(evaluations.size)} results and ${n(daily.length)} snapshots ${ms(
        readMs
      )}, building the scope ${ms(scopeMs)}, ` +
        `the progress from it p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`
    );

    await plantRegressions(backend.knex, refs);
    for (const which of ['first', 'second']) {
      sent.length = 0;
      start = performance.now();
      await backend.runSync('notifications');
      const runMs = performance.now() - start;
      const [{ rows }] = await backend.knex('opsfolio_notification_outbox').count({ rows: '*' });
      const topics = new Map<string, number>();
      for (const s of sent) topics.set(s.payload.topic!, (topics.get(s.payload.topic!) ?? 0) + 1);
      console.log(
        `  notification run (${which}): ${ms(runMs)}; outbox ${n(Number(rows))} entries, ${n(
          sent.length
        )} notifications sent` + (sent.length ? ` (${[...topics].map(([t, c]) => `${t} ${n(c)}`).join(', ')})` : '')
      );
    }
  } finally {
    http.close();
    await backend.stop();
    await db?.destroy();
  }
  return figures.map(f => ({ ...f, db: kind }));
}

async function main() {
  const started = performance.now();
  console.log(
    `Opsfolio campaigns: ${n(ENTITIES)} production components, ${n(
      TEAMS
    )} teams, ${HISTORY_DAYS} days of snapshots; seed ${SEED}; Node ${process.version}`
  );
  const figures = [];
  for (const kind of DATABASES) figures.push(...(await bench(kind)));
  console.log(`\n| route | database | p50 ms | p95 ms | max ms | p95 < ${TARGET_P95_MS} ms |`);
  console.log('|---|---|---:|---:|---:|---|');
  for (const f of figures)
    console.log(
      `| ${f.route} | ${f.db} | ${f.p50.toFixed(1)} | ${f.p95.toFixed(1)} | ${f.max.toFixed(1)} | ${
        f.p95 < TARGET_P95_MS ? 'yes' : '**no**'
      } |`
    );
  console.log(`\nwall time ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
