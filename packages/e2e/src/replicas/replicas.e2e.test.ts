import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { writeFileSync } from 'node:fs';
import { authMatrixFailures } from '../security/authMatrix';
import { fuzzer } from '../security/fuzz';
import { failedDeploys, REGRESSION_CHECK, REGRESSION_SCORECARD, regressionCheckState, serviceToRegress, type ApiGet } from '../plantRegression';
import { guestToken, OPERATIONS } from '../security/operations';
import { CI_TOKEN, SERVICE_TOKEN, SHIPPED_SCORECARD, SOURCES, startCluster, type Cluster } from './cluster';

const OUT = new URL('../../test-results/replicas/', import.meta.url).pathname;
const SYNC_SECONDS = 20;
const SCORECARD_SECONDS = 10;
/** Often, so that both replicas' schedulers take the notification task up while the test triggers it on both. */
const NOTIFICATION_SECONDS = 15;
/** The bound the backend README states for another replica's scorecard write to show in an overview. */
const OVERVIEW_BOUND_MS = 5_000;
const SCORECARD = SHIPPED_SCORECARD.id;

/** Two libraries the scenario never deploys: their one check fails until the test pushes a deployment. */
const FOR_OVERVIEW = 'component:default/service-templates';
const FOR_BURST = 'component:default/ui-kit';

/** `component:default/x` as the API's path takes it: `component/default/x`. */
const path = (ref: string) => ref.replace(':', '/');

/** The demo's guest (app-config.yaml), a member of the team whose service plantRegression.ts makes fail a check. */
const ADA = 'user:default/ada.okafor';
const NOTIFICATION_TASK = 'opsfolio-sync:notifications';

describe('two backend replicas on one PostgreSQL database and one Redis cache', () => {
  let cluster: Cluster;
  let db: Client;
  const startedAt = new Date().toISOString();
  let bothUpAt: string;

  const deployedRecently = async (replica: number, ref: string) => {
    const res = await cluster.api(replica, `/api/opsfolio/entities/${path(ref)}/scorecards`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { scorecards: Array<{ scorecard: { id: string }; level: { id: string } | null; results: Array<{ checkId: string; state: string }> }> };
    const card = body.scorecards.find(s => s.scorecard.id === SCORECARD)!;
    return { state: card.results.find(r => r.checkId === 'deployed-recently')!.state, level: card.level?.id ?? null };
  };

  const push = (replica: number, ref: string, version: string) =>
    cluster.api(replica, '/api/opsfolio/deployments', {
      token: CI_TOKEN,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        deployments: [
          {
            entityRef: ref,
            environment: 'production',
            version,
            status: 'success',
            startedAt: new Date(Date.now() - 120_000).toISOString(),
            finishedAt: new Date(Date.now() - 60_000).toISOString(),
            externalId: version,
            actor: 'replica-test',
          },
        ],
      }),
    });

  beforeAll(async () => {
    cluster = await startCluster({
      replicas: 2,
      outDir: OUT,
      syncSeconds: SYNC_SECONDS,
      scorecardSeconds: SCORECARD_SECONDS,
      notificationSeconds: NOTIFICATION_SECONDS,
    });
    bothUpAt = new Date().toISOString();
    db = new Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: cluster.database('opsfolio') });
    await db.connect();
    await cluster.untilSyncedAndEvaluated();
  }, 420_000);

  afterAll(async () => {
    await db?.end();
    await cluster?.stop();
  });

  it('runs each scheduled sync on one replica at a time, once per cadence', async () => {
    // Let every source come round several times.
    await sleep(3 * SYNC_SECONDS * 1000);
    const { rows } = await db.query<{ source_id: string; started_at: string; finished_at: string | null }>(
      'select source_id, started_at, finished_at from opsfolio_sync_runs where started_at >= $1 order by source_id, started_at',
      [startedAt],
    );
    const bySource = new Map<string, typeof rows>();
    for (const row of rows) bySource.set(row.source_id, [...(bySource.get(row.source_id) ?? []), row]);
    expect([...bySource.keys()].sort()).toEqual([...SOURCES, 'notifications', 'scorecards'].sort());
    for (const [source, runs] of bySource) {
      const cadence = source === 'scorecards' ? SCORECARD_SECONDS : source === 'notifications' ? NOTIFICATION_SECONDS : SYNC_SECONDS;
      // A run never starts while the one before is still going, on either replica.
      runs.slice(1).forEach((r, i) => expect(runs[i].finished_at! <= r.started_at, `${source} at ${r.started_at}`).toBe(true));
      // Once both replicas are up and the second one's registration has settled (it may bring the next run
      // forward once), one run per cadence: two replicas each running the job would start it seconds apart.
      const steady = runs.filter(r => Date.parse(r.started_at) >= Date.parse(bothUpAt) + cadence * 1000);
      const gaps = steady.slice(1).map((r, i) => (Date.parse(r.started_at) - Date.parse(steady[i].started_at)) / 1000);
      expect(gaps.length, source).toBeGreaterThanOrEqual(2);
      expect(Math.min(...gaps), `${source}: seconds between runs ${gaps.join(', ')}`).toBeGreaterThanOrEqual(cadence * 0.9);
      expect(Math.max(...gaps), `${source}: seconds between runs ${gaps.join(', ')}`).toBeLessThan(cadence * 1.5 + 5);
    }
  });

  it("has a deployment pushed to replica A in replica B's DORA figures at once", async () => {
    const dora = async (replica: number) => {
      const res = await cluster.api(replica, `/api/opsfolio/entities/${path(FOR_OVERVIEW)}/dora`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { figures: { deploymentFrequency: { sampleSize: number } } }).figures.deploymentFrequency.sampleSize;
    };
    const before = await dora(1);
    expect(await dora(0)).toBe(before);
    const res = await push(0, FOR_OVERVIEW, `replicas-dora-${Date.now()}`);
    expect(res.status).toBe(200);
    expect(await dora(1)).toBe(before + 1);
  });

  it("shows a scorecard change evaluated on replica A in replica B's overview within the stated bound", async () => {
    // The deployment above turned the check; the schedule has not necessarily evaluated it yet. Replica B's
    // overview is read first, so that it holds the answer from before.
    const overview = async (replica: number) => {
      const res = await cluster.api(replica, `/api/opsfolio/overview/scorecards?scorecard=${SCORECARD}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { entities: Array<{ entityRef: string; failing: string[]; evaluatedAt: string }> };
      return body.entities.find(e => e.entityRef === FOR_OVERVIEW)!;
    };
    await overview(1);
    const refresh = await cluster.api(0, `/api/opsfolio/entities/${path(FOR_OVERVIEW)}/scorecards/refresh`, { method: 'POST' });
    expect(refresh.status).toBe(200);
    const refreshed = Date.now();
    expect((await deployedRecently(0, FOR_OVERVIEW)).state).toBe('pass');
    for (;;) {
      const row = await overview(1);
      if (!row.failing.includes('deployed-recently')) break;
      expect(Date.now() - refreshed, 'replica B still shows the check failing').toBeLessThan(OVERVIEW_BOUND_MS);
      await sleep(200);
    }
    process.stdout.write(`Replica test: replica B's overview showed replica A's refresh after ${Date.now() - refreshed} ms\n`);
  });

  it('records exactly one transition per real change under 50 concurrent gate and refresh calls on both replicas during a scheduled evaluation', async () => {
    const before = await deployedRecently(0, FOR_BURST);
    expect(before.state).toBe('fail');
    const changedAt = new Date().toISOString();
    expect((await push(1, FOR_BURST, `replicas-burst-${Date.now()}`)).status).toBe(200);

    // Waves of 50 calls, half of them storing a refresh, half asking the gate, spread over both replicas, until a
    // scheduled evaluation has started and finished while they ran.
    const call = (i: number) =>
      i % 2 === 0
        ? cluster.api(i % 4 === 0 ? 0 : 1, `/api/opsfolio/entities/${path(FOR_BURST)}/scorecards/refresh`, { method: 'POST' })
        : cluster.api(i % 4 === 1 ? 0 : 1, `/api/opsfolio/entities/${path(FOR_BURST)}/scorecards/${SCORECARD}/gate?level=shipped`);
    const wavesFrom = new Date().toISOString();
    let overlapped = false;
    const statuses = new Map<string, number>();
    let waves = 0;
    for (; waves < 40 && !overlapped; waves++) {
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => call(i)));
      for (const [i, res] of answers.entries()) {
        const key = `${i % 2 === 0 ? 'refresh' : 'gate'} ${res.status}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        await res.arrayBuffer();
      }
      const { rows } = await db.query(
        "select 1 from opsfolio_sync_runs where source_id = 'scorecards' and started_at > $1 and finished_at < $2",
        [wavesFrom, new Date().toISOString()],
      );
      overlapped = rows.length > 0;
    }
    expect(overlapped, 'a scheduled evaluation ran during the calls').toBe(true);
    // The gate evaluates in memory with the data as it is: it passes from the moment the deployment is stored.
    expect(Object.fromEntries(statuses)).toEqual({ 'refresh 200': 25 * waves, 'gate 200': 25 * waves });

    const after = await deployedRecently(1, FOR_BURST);
    expect(after.state).toBe('pass');
    const { rows: transitions } = await db.query<{ check_id: string; from_state: string; to_state: string }>(
      'select check_id, from_state, to_state from opsfolio_scorecard_transitions where scorecard_id = $1 and entity_ref = $2 and at >= $3',
      [SCORECARD, FOR_BURST, changedAt],
    );
    expect(transitions).toEqual([{ check_id: 'deployed-recently', from_state: 'fail', to_state: 'pass' }]);
    const { rows: levelChanges } = await db.query<{ from_level: string | null; to_level: string | null }>(
      'select from_level, to_level from opsfolio_scorecard_level_changes where scorecard_id = $1 and entity_ref = $2 and at >= $3',
      [SCORECARD, FOR_BURST, changedAt],
    );
    expect(levelChanges).toEqual(before.level === after.level ? [] : [{ from_level: before.level, to_level: after.level }]);
    // Nothing anywhere recorded twice: the unique keys hold for every entity.
    const { rows: twice } = await db.query(
      'select entity_ref, check_id, at, count(*) from opsfolio_scorecard_transitions group by entity_ref, check_id, at having count(*) > 1',
    );
    expect(twice).toEqual([]);
    process.stdout.write(`Replica test: ${waves} waves of 50 calls until a scheduled evaluation had run among them; logs in ${OUT}\n`);
  });

  it('sends each notification once when both replicas run the notification task', async () => {
    // Read through replica A, pushed to replica B as a pipeline would.
    const get: ApiGet = async <T>(url: string): Promise<T> => {
      const res = await cluster.api(0, `/api${url}`);
      if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };
    const service = await serviceToRegress(get);
    const { check, ref } = service;
    const pushed = await cluster.api(1, '/api/opsfolio/deployments', {
      token: CI_TOKEN,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(await failedDeploys(get, service.name, 'replica-test')),
    });
    expect(pushed.status).toBe(200);

    const statuses = new Map<string, number>();
    const trigger = async (replica: number, taskId: string) => {
      const res = await cluster.api(replica, `/api/opsfolio/.backstage/scheduler/v1/tasks/${encodeURIComponent(taskId)}/trigger`, { method: 'POST' });
      await res.arrayBuffer();
      // A run under way on either replica answers 409: the scheduler's lock is global.
      expect([200, 409], `trigger ${taskId} on replica ${replica}`).toContain(res.status);
      if (taskId === NOTIFICATION_TASK) statuses.set(`replica ${replica}: ${res.status}`, (statuses.get(`replica ${replica}: ${res.status}`) ?? 0) + 1);
    };

    // The evaluation, until the check fails.
    for (const deadline = Date.now() + 120_000; (await regressionCheckState(get, service.name)) !== 'fail'; ) {
      expect(Date.now(), `${service.name} still passing ${REGRESSION_CHECK}`).toBeLessThan(deadline);
      await trigger(0, 'opsfolio-sync:scorecards');
      await sleep(2_000);
    }

    // The notification task on both replicas at the same moment, round after round, while its schedule runs it too.
    const day = new Date().toISOString().slice(0, 10);
    const scope = `opsfolio:readiness-check-failing:${day}`;
    const title = `${service.title}: ${check.title} now fails`;
    type Notification = { id: string; user: string | null; payload: { title: string; topic?: string; scope?: string } };
    const tokens = await Promise.all(cluster.urls.map(url => guestToken(url)));
    const adasNotifications = async (replica: number) => {
      const res = await cluster.api(replica, '/api/notifications/notifications?limit=100', { token: tokens[replica] });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { notifications: Notification[] };
      return body.notifications.filter(n => n.payload.topic === 'readiness-check-failing' && n.payload.scope === scope);
    };
    const rounds = 8;
    for (let round = 0; round < rounds; round++) {
      await Promise.all([trigger(0, NOTIFICATION_TASK), trigger(1, NOTIFICATION_TASK)]);
      await sleep(1_500 + (round % 3) * 1_000);
    }
    // Until a run that started after the last round has finished, and nothing is running.
    const lastRound = new Date().toISOString();
    for (const deadline = Date.now() + 120_000; ; ) {
      await Promise.all([trigger(0, NOTIFICATION_TASK), trigger(1, NOTIFICATION_TASK)]);
      await sleep(3_000);
      const { rows: after } = await db.query("select 1 from opsfolio_sync_runs where source_id = 'notifications' and started_at > $1 and finished_at is not null", [lastRound]);
      const { rows: running } = await db.query("select 1 from opsfolio_sync_runs where source_id = 'notifications' and finished_at is null");
      if (after.length > 0 && running.length === 0 && (await adasNotifications(0)).length > 0) break;
      expect(Date.now(), 'a notification run after the last round').toBeLessThan(deadline);
    }
    const { rows: notificationRuns } = await db.query<{ status: string; started_at: string; finished_at: string }>(
      "select status, started_at, finished_at from opsfolio_sync_runs where source_id = 'notifications' and started_at >= $1 order by started_at",
      [bothUpAt],
    );
    // However often both replicas were asked, the scheduler's global lock ran one at a time, and every run succeeded.
    notificationRuns.slice(1).forEach((r, i) => expect(notificationRuns[i].finished_at <= r.started_at, `notification run at ${r.started_at}`).toBe(true));
    expect(notificationRuns.filter(r => r.status !== 'succeeded')).toEqual([]);

    // Through either replica, as Ada: one notification for today's scope, naming the check.
    for (const replica of [0, 1]) {
      const mine = await adasNotifications(replica);
      expect(mine.map(n => n.payload.title), `replica ${replica}`).toEqual([title]);
    }
    // The outbox: one row per event and person, all sent; Ada's one event today is the regression.
    const { rows: perKey } = await db.query<{ event_key: string; user_ref: string; n: number; unsent: number }>(
      `select event_key, user_ref, count(*)::int as n, count(*) filter (where sent_at is null or sent_at = 'gave-up')::int as unsent
       from opsfolio_notification_outbox where topic = 'readiness-check-failing' group by event_key, user_ref`,
    );
    expect(perKey.filter(r => r.n !== 1 || r.unsent !== 0)).toEqual([]);
    const adas = perKey.filter(r => r.user_ref === ADA);
    expect(adas.map(r => r.event_key.split('|').slice(0, 4).join('|'))).toEqual([`check-failing|${REGRESSION_SCORECARD}|${ref}|${REGRESSION_CHECK}`]);
    // Every member of the team has the event, once.
    const regressionKey = adas[0].event_key;
    const members = perKey.filter(r => r.event_key === regressionKey).map(r => r.user_ref);
    expect(members).toContain(ADA);
    expect(new Set(members).size).toBe(members.length);

    // The notifications backend's own table: one row for Ada with that scope, and no person with two of a scope.
    const notificationsDb = new Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: cluster.database('notifications') });
    await notificationsDb.connect();
    try {
      const { rows: adaRows } = await notificationsDb.query<{ title: string; topic: string }>(
        'select title, topic from notification where "user" = $1 and scope = $2',
        [ADA, scope],
      );
      expect(adaRows).toEqual([{ title, topic: 'readiness-check-failing' }]);
      const { rows: twice } = await notificationsDb.query(
        'select "user", scope, count(*)::int as n from notification where scope is not null group by "user", origin, scope having count(*) > 1',
      );
      expect(twice).toEqual([]);
      const { rows: teamRows } = await notificationsDb.query<{ user: string }>('select "user" from notification where scope = $1', [scope]);
      expect(teamRows.map(r => r.user)).toEqual(expect.arrayContaining(members));
    } finally {
      await notificationsDb.end();
    }
    process.stdout.write(
      `Replica test: ${service.name} failed ${REGRESSION_CHECK}; notification triggers ${JSON.stringify(Object.fromEntries(statuses))}; ` +
        `${notificationRuns.length} notification runs since both replicas were up; ${members.length} people notified once\n`,
    );
  }, 420_000);

  describe('under hostile callers, in production mode', () => {
    it('answers every route of openapi.yaml to every kind of caller as its x-auth says, with no stack in any error', async () => {
      const baseUrl = cluster.urls[0];
      const { checked, failures } = await authMatrixFailures(
        { baseUrl, userToken: await guestToken(baseUrl), restrictedToken: CI_TOKEN, serviceToken: SERVICE_TOKEN, production: true },
        SCORECARD,
      );
      expect(failures).toEqual([]);
      expect(checked).toBe(OPERATIONS.length * 5);
    });

    it('never answers 5xx or slower than 2 s to fuzzed parameters, and keeps pushes all-or-nothing and exact, on PostgreSQL', async () => {
      const fuzz = fuzzer({ baseUrl: cluster.urls[1], readToken: SERVICE_TOKEN, pushToken: CI_TOKEN, scorecardId: SCORECARD, runs: 250, timeLimitMs: 40_000 });
      await fuzz.routeParameters();
      await fuzz.deploymentBatches();
      await fuzz.incidentBatches();
      writeFileSync(`${OUT}fuzz-postgres.json`, JSON.stringify(fuzz.report, null, 2));
      expect(fuzz.report.requests['route parameters']).toBeGreaterThan(50);
    }, 180_000);
  });
});
