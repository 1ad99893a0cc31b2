import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { HOUR_MS, type DeploymentStatus } from '@opsfolio/backstage-plugin-common';
import type { DeploymentRecord } from '@opsfolio/backstage-plugin-node';
import { DEFAULT_DORA_THRESHOLDS } from '../../deployments/doraBands';
import type { DoraSettings } from '../../deployments/doraSettings';
import { DatabaseDeploymentStore } from '../../deployments/DatabaseDeploymentStore';
import { DefaultDeploymentsService } from '../../deployments/DefaultDeploymentsService';
import type { DeploymentStore } from '../../deployments/DeploymentStore';
import { incidentStartsOf } from '../../oncall/incidentStarts';
import type { OnCallStore } from '../../oncall/OnCallStore';
import { DatabaseOnCallStore } from '../../oncall/DatabaseOnCallStore';
import { onCallServiceOf } from '../../testing/onCallService';
import { createTestDatabase, type TestDatabase } from '../../testing/testDatabases';
import { DEPLOYMENT_FACTS, deploymentFactProvider } from './deploymentFacts';
import { component, freshnessOf, NOW, pinClock, readable, unpinClock } from './factTestKit';
import type { SourceFreshness } from './sourceFreshness';

const GITHUB = { id: 'github', annotations: ['github.com/project-slug'] };
const DORA: DoraSettings = { productionEnvironments: ['production'], windowDays: 30, incidentWindowHours: 24, reworkWindowHours: 24, thresholds: DEFAULT_DORA_THRESHOLDS };
const SYNCED: SourceFreshness = { observedAt: '2026-11-22T11:00:00.000Z', maxAgeMs: 6 * HOUR_MS };

const payments = component('payments-api', { annotations: { 'github.com/project-slug': 'acme/payments-api' } });

/** A deploy that started at `startedAt` and took `minutes` (none: still running). */
const deploy = (
  externalId: string,
  environment: string,
  version: string,
  status: DeploymentStatus,
  startedAt: string,
  minutes?: number,
  commitTimestamps?: string[],
): DeploymentRecord => ({
  externalId,
  environment,
  version,
  status,
  startedAt,
  ...(minutes === undefined ? {} : { finishedAt: new Date(Date.parse(startedAt) + minutes * 60_000).toISOString() }),
  ...(commitTimestamps ? { commitTimestamps } : {}),
});

/**
 * payments-api's history; NOW is 2026-11-22T12:00Z, so the 30-day DORA window is [10-23T12:00, 11-22T12:00).
 *
 *   d0  production v0  ok       09-15 10:00–10:10   before the window
 *   d1  production v1  ok       10-30 10:00–10:10   commit 24 h before its finish
 *   d2  production v2  ok       11-10 09:00–09:15   rolled back by d3
 *   d3  production v1  ok       11-10 11:00–11:15   v0, v1, v2, v1: the store marks it a rollback
 *   d4  production v3  FAILED   11-15 14:00–14:20
 *   d5  production v3  ok       11-16 08:00–08:20   fixes d4; commit 6 h before its finish
 *   d6  production v4  ok       11-19 16:00–16:30   the last shipped; commit 4 h before its finish
 *   p7  production v5  running  11-22 11:00–        not finished: counts nowhere
 *   s1  staging    v4  ok       11-19 15:00–15:10   staging: counts nowhere
 *   s2  staging    v5  ok       11-21 10:00–10:10   staging, and later than d6: must not be "the last deploy"
 */
const HISTORY = [
  deploy('d0', 'production', 'v0', 'success', '2026-09-15T10:00:00Z', 10),
  deploy('d1', 'production', 'v1', 'success', '2026-10-30T10:00:00Z', 10, ['2026-10-29T10:10:00Z']),
  deploy('d2', 'production', 'v2', 'success', '2026-11-10T09:00:00Z', 15),
  deploy('d3', 'production', 'v1', 'success', '2026-11-10T11:00:00Z', 15),
  deploy('d4', 'production', 'v3', 'failure', '2026-11-15T14:00:00Z', 20),
  deploy('d5', 'production', 'v3', 'success', '2026-11-16T08:00:00Z', 20, ['2026-11-16T02:20:00Z']),
  deploy('d6', 'production', 'v4', 'success', '2026-11-19T16:00:00Z', 30, ['2026-11-19T12:30:00Z']),
  deploy('p7', 'production', 'v5', 'in_progress', '2026-11-22T11:00:00Z'),
  deploy('s1', 'staging', 'v4', 'success', '2026-11-19T15:00:00Z', 10),
  deploy('s2', 'staging', 'v5', 'success', '2026-11-21T10:00:00Z', 10),
];

const serviceOf = (store: DeploymentStore, onCall: OnCallStore) =>
  new DefaultDeploymentsService({ store, settings: DORA, incidents: incidentStartsOf(onCallServiceOf(onCall)), catalog: catalogServiceMock(), auth: mockServices.auth() });

describe('deployment facts', () => {
  let db: TestDatabase;
  let deployments: DeploymentStore;
  let onCall: OnCallStore;
  beforeEach(async () => {
    pinClock(NOW);
    db = await createTestDatabase('sqlite');
    deployments = new DatabaseDeploymentStore(db.knex);
    onCall = new DatabaseOnCallStore(db.knex);
  });
  afterEach(async () => {
    unpinClock();
    await db.destroy();
  });

  const collect = async (
    subjects = [payments],
    { sources = [GITHUB], freshness = freshnessOf({ github: SYNCED }), asOf = NOW } = {},
  ) => deploymentFactProvider({ deployments: serviceOf(deployments, onCall), sources, freshness }).collect(subjects, { asOf, historical: asOf < NOW });
  const factsOf = async (subject = payments, options?: Parameters<typeof collect>[1]) =>
    readable((await collect([subject], options)).get(subject.entityRef));

  describe('from a history of production and staging deploys', () => {
    beforeEach(() => deployments.upsert('github', payments.entityRef, HISTORY));

    it('counts successful production deploys of the last 30 days, not staging, failed or running ones', async () => {
      // Started since 10-23T12:00, successful, production: d1, d2, d3, d5, d6.
      expect((await factsOf())['deployments.productionDeploys30d']).toBe(5);
    });

    it("counts whole days since the last successful production deploy's finish", async () => {
      // d6 finished 11-19T16:30; to 11-22T12:00 is 2 days 19.5 h → 2 (s2 on staging would give 1, p7 0).
      expect((await factsOf())['deployments.daysSinceLastDeploy']).toBe(2);
    });

    it('notices the rollback the store marked (v1, v2, v1)', async () => {
      const stored = await deployments.list(payments.entityRef, { environment: 'production', limit: 20, offset: 0 });
      expect(stored.items.filter(d => d.rollback).map(d => d.externalId)).toEqual(['d3']);
      expect((await factsOf())['deployments.rollbackExercised']).toBe(true);
    });

    it('rates the change failure rate over the DORA window: the failed deploy and the rolled-back one', async () => {
      // Finished production deploys in the window: d1–d6 = 6. Failing: d4 (failed), d2 (rolled back by d3) = 2.
      // 2 / 6 = 0.333 (rounded to 3 places); above 20 % is the low band.
      const facts = await factsOf();
      expect(facts['deployments.changeFailureRate']).toBe(0.333);
      expect(facts['deployments.changeFailureRateBand']).toBe('low');
    });

    it('takes the median recovery time from each failure to the next successful production deploy', async () => {
      // d2 (rolled back, finished 11-10T09:15) → d3 finished 11:15: 2 h.
      // d4 (failed, finished 11-15T14:20) → d5 finished 11-16T08:20: 18 h.
      // Median of [2, 18] = 10 h: under a day is the high band.
      const facts = await factsOf();
      expect(facts['deployments.recoveryHours']).toBe(10);
      expect(facts['deployments.recoveryTimeBand']).toBe('high');
    });

    it('reports deployment frequency and lead time from the same window', async () => {
      // Frequency: 5 successful production deploys finished in 30 days = 0.1667/day → 0.167.
      // Lead time: commits shipped 24 h (d1), 6 h (d5) and 4 h (d6) before the deploy finished → median 6 h.
      const facts = await factsOf();
      expect(facts['deployments.frequency']).toBe(0.167);
      expect(facts['deployments.leadTimeHours']).toBe(6);
    });

    it('counts a deploy followed within a day by an incident as a failed change', async () => {
      // 11-20T08:00 is 15.5 h after d6 finished (11-19T16:30): d6 now fails too → 3 / 6 = 0.5.
      await onCall.upsertIncidents('pagerduty', payments.entityRef, [
        { externalId: 'Q1', title: 'Card payments failing', status: 'resolved', createdAt: '2026-11-20T08:00:00Z', resolvedAt: '2026-11-20T09:00:00Z' },
      ]);
      // Another service's incident does not count against payments-api.
      await onCall.upsertIncidents('pagerduty', 'component:default/checkout', [
        { externalId: 'Q2', title: 'Checkout slow', status: 'resolved', createdAt: '2026-11-17T08:00:00Z', resolvedAt: '2026-11-17T09:00:00Z' },
      ]);
      expect((await factsOf())['deployments.changeFailureRate']).toBe(0.5);
    });

    it('rates deployment rework: production deploys that started within a day after an incident began', async () => {
      // No incidents: 0 of the 6 finished production deploys in the window (d1–d6).
      expect((await factsOf())['deployments.reworkRate']).toBe(0);
      // An incident at 11-15T13:00: d4 starts 1 h later and d5 19 h later → 2 / 6 = 0.333. d6 starts 99 h later: no.
      await onCall.upsertIncidents('pagerduty', payments.entityRef, [
        { externalId: 'Q3', title: 'Refunds failing', status: 'resolved', createdAt: '2026-11-15T13:00:00Z', resolvedAt: '2026-11-16T09:00:00Z' },
      ]);
      // Another service's incident just before d6 does not make d6 rework.
      await onCall.upsertIncidents('pagerduty', 'component:default/checkout', [
        { externalId: 'Q4', title: 'Checkout slow', status: 'resolved', createdAt: '2026-11-19T15:00:00Z', resolvedAt: '2026-11-19T16:00:00Z' },
      ]);
      expect((await factsOf())['deployments.reworkRate']).toBe(0.333);
    });

    it("stamps every reported fact with the source's last sync and maximum age when evaluating now", async () => {
      const answers = (await collect()).get(payments.entityRef)!;
      expect(answers['deployments.daysSinceLastDeploy']).toEqual({ value: 2, ...SYNCED });
      expect(answers['deployments.changeFailureRateBand']).toEqual({ value: 'low', ...SYNCED });
      expect(answers['deployments.rollbackExercised']).toEqual({ value: true, ...SYNCED });
    });

    it('answers a past day with what was known then, without reading freshness', async () => {
      // As of 11-16T12:00: deploys that started before it are d0–d5. The last shipped is d5 (finished 08:20,
      // 3 h 40 min before) → 0 days. Successful production deploys since 10-17T12:00: d1, d2, d3, d5 = 4.
      const freshness = freshnessOf({ github: SYNCED });
      const answers = (await collect([payments], { freshness, asOf: new Date('2026-11-16T12:00:00Z') })).get(payments.entityRef)!;
      expect(answers['deployments.daysSinceLastDeploy']).toEqual({ value: 0 });
      expect(answers['deployments.productionDeploys30d']).toEqual({ value: 4 });
      expect(freshness.calls).toEqual([]);
    });
  });

  it('does not take a deploy still running at the instant evaluated as the last deploy', async () => {
    // Backfilling 11-19 (asOf 23:59:59): x2 started at 23:50 but finished only at 00:20 the next day, so
    // the last successful production deploy then was x1, finished 11-17T10:10: 2 days 13 h 50 min → 2.
    await deployments.upsert('github', payments.entityRef, [
      deploy('x1', 'production', 'v1', 'success', '2026-11-17T10:00:00Z', 10),
      deploy('x2', 'production', 'v2', 'success', '2026-11-19T23:50:00Z', 30),
    ]);
    const facts = await factsOf(payments, { asOf: new Date('2026-11-19T23:59:59Z') });
    expect(facts['deployments.daysSinceLastDeploy']).toBe(2);
  });

  it("honours the entity's own production environments annotation", async () => {
    const eu = component('payments-eu', { annotations: { 'github.com/project-slug': 'acme/payments-eu', 'opsfolio.io/production-environments': 'prod-eu, prod-us' } });
    await deployments.upsert('github', eu.entityRef, [
      deploy('e1', 'prod-eu', 'v1', 'success', '2026-11-20T10:00:00Z', 10),
      deploy('e2', 'PROD-US', 'v1', 'success', '2026-11-20T11:00:00Z', 10),
      deploy('e3', 'production', 'v1', 'success', '2026-11-21T10:00:00Z', 10),
    ]);
    // e1 and e2 (environments matched case-insensitively); "production" is not one of its production environments.
    const facts = await factsOf(eu);
    expect(facts['deployments.productionDeploys30d']).toBe(2);
    // e2 finished 11-20T11:10: 2 days 0 h 50 min before NOW → 2.
    expect(facts['deployments.daysSinceLastDeploy']).toBe(2);
  });

  it('reports nothing for an entity without a deployment-source annotation or deploys, naming the annotation to add', async () => {
    const facts = await factsOf(component('unmapped'));
    const why = 'notReported: no deployment source is set up for it (github.com/project-slug) and nothing was pushed';
    expect(facts).toEqual(Object.fromEntries(DEPLOYMENT_FACTS.map(f => [f.id, why])));
  });

  it('says no deployment source is installed when there is none', async () => {
    const facts = await factsOf(component('unmapped'), { sources: [] });
    expect(new Set(Object.values(facts))).toEqual(new Set(['notReported: no deployment source is installed and nothing was pushed']));
  });

  it('says the source has not synced yet when its sync never succeeded and nothing is stored', async () => {
    const facts = await factsOf(payments, { freshness: freshnessOf({}) });
    expect(facts).toEqual(Object.fromEntries(DEPLOYMENT_FACTS.map(f => [f.id, 'notReported: its deployment source has not synced yet'])));
  });

  it('counts deploys pushed for an entity without a source annotation, with no source freshness to go stale', async () => {
    const pushed = component('pushed-only');
    await deployments.upsert('push', pushed.entityRef, [deploy('x1', 'production', 'v1', 'success', '2026-11-21T09:00:00Z', 60)]);
    const answers = (await collect([pushed])).get(pushed.entityRef)!;
    // Finished 11-21T10:00, 26 h before NOW → 1 day.
    expect(answers['deployments.daysSinceLastDeploy']).toEqual({ value: 1 });
    expect(answers['deployments.productionDeploys30d']).toEqual({ value: 1 });
  });

  it('explains DORA figures that lack data instead of reporting zero', async () => {
    // One deploy: fewer than the 3 finished production deploys a change failure rate needs; none failed.
    await deployments.upsert('github', payments.entityRef, [deploy('only', 'production', 'v1', 'success', '2026-11-20T10:00:00Z', 10)]);
    const facts = await factsOf();
    expect(facts['deployments.changeFailureRate']).toBe('notReported: not enough data: Only 1 finished production deploy in the window; 3 needed.');
    // Nothing failed or was rolled back: a recovery time has nothing to judge, which is not missing data.
    expect(facts['deployments.recoveryHours']).toBe('notApplicable: no production deploy failed or was rolled back in 30 days');
    expect(facts['deployments.recoveryTimeBand']).toBe('notApplicable: no production deploy failed or was rolled back in 30 days');
    expect(facts['deployments.rollbackExercised']).toBe(false);
  });

  it('waits for a failed deploy to be recovered before stating a recovery time', async () => {
    // x2 failed and nothing shipped after it: the failure is not recovered yet, so the figure is not known.
    await deployments.upsert('github', payments.entityRef, [
      deploy('x1', 'production', 'v1', 'success', '2026-11-20T10:00:00Z', 10),
      deploy('x2', 'production', 'v2', 'failure', '2026-11-21T10:00:00Z', 10),
    ]);
    expect((await factsOf())['deployments.recoveryHours']).toMatch(/^notReported: not enough data/);
  });
});
