import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { writeFileSync } from 'node:fs';
import { authMatrixFailures } from '../security/authMatrix';
import { fuzzer } from '../security/fuzz';
import { guestToken, OPERATIONS } from '../security/operations';
import { CI_TOKEN, SERVICE_TOKEN, SHIPPED_SCORECARD, SOURCES, startCluster, type Cluster } from './cluster';

const OUT = new URL('../../test-results/replicas/', import.meta.url).pathname;
const SYNC_SECONDS = 20;
const SCORECARD_SECONDS = 10;
/** The bound the backend README states for another replica's scorecard write to show in an overview. */
const OVERVIEW_BOUND_MS = 5_000;
const SCORECARD = SHIPPED_SCORECARD.id;

/** Two libraries the scenario never deploys: their one check fails until the test pushes a deployment. */
const FOR_OVERVIEW = 'component:default/service-templates';
const FOR_BURST = 'component:default/ui-kit';

/** `component:default/x` as the API's path takes it: `component/default/x`. */
const path = (ref: string) => ref.replace(':', '/');

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
    cluster = await startCluster({ replicas: 2, outDir: OUT, syncSeconds: SYNC_SECONDS, scorecardSeconds: SCORECARD_SECONDS });
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
    expect([...bySource.keys()].sort()).toEqual([...SOURCES, 'scorecards'].sort());
    for (const [source, runs] of bySource) {
      const cadence = source === 'scorecards' ? SCORECARD_SECONDS : SYNC_SECONDS;
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
