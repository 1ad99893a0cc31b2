import { mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { DeploymentStatus } from '@opsfolio/backstage-plugin-common';
import type { DeploymentRecord } from '@opsfolio/backstage-plugin-node';
import { incidentStartsOf } from '../oncall/incidentStarts';
import type { OnCallStore } from '../oncall/OnCallStore';
import { DatabaseOnCallStore } from '../oncall/DatabaseOnCallStore';
import { onCallServiceOf } from '../testing/onCallService';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabases';
import { DatabaseDeploymentStore } from './DatabaseDeploymentStore';
import { DefaultDeploymentsService } from './DefaultDeploymentsService';
import { DEFAULT_DORA_THRESHOLDS } from './doraBands';

const NOW = new Date('2026-11-22T12:00:00Z'); // a Sunday
const REF = 'component:default/payments-api';
const payments: Entity = { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'payments-api', namespace: 'default' }, spec: {} };

/** Every deploy takes 30 minutes; `commitAt` is when its one commit was made. */
const deploy = (externalId: string, environment: string, status: DeploymentStatus, startedAt: string, commitAt?: string): DeploymentRecord => ({
  externalId,
  environment,
  version: externalId,
  status,
  startedAt,
  finishedAt: new Date(Date.parse(startedAt) + 30 * 60_000).toISOString(),
  ...(commitAt ? { commitTimestamps: [commitAt] } : {}),
});

/**
 * The 30-day window is [10-23T12:00, 11-22T12:00).
 *
 *   d1  production  ok      11-02 10:00–10:30   commit 11-01 10:30: lead time 24 h
 *   d2  production  ok      11-09 10:00–10:30   commit 11-09 04:30: 6 h
 *   d3  production  FAILED  11-16 10:00–10:30
 *   d4  production  ok      11-20 10:00–10:30   commit 11-19 22:30: 12 h; recovers d3 after 96 h
 *   s1  staging     ok      11-21 10:00–10:30
 */
const HISTORY = [
  deploy('d1', 'production', 'success', '2026-11-02T10:00:00Z', '2026-11-01T10:30:00Z'),
  deploy('d2', 'production', 'success', '2026-11-09T10:00:00Z', '2026-11-09T04:30:00Z'),
  deploy('d3', 'production', 'failure', '2026-11-16T10:00:00Z'),
  deploy('d4', 'production', 'success', '2026-11-20T10:00:00Z', '2026-11-19T22:30:00Z'),
  deploy('s1', 'staging', 'success', '2026-11-21T10:00:00Z'),
];

describe('DefaultDeploymentsService', () => {
  let db: TestDatabase;
  let onCall: OnCallStore;
  let service: DefaultDeploymentsService;
  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
    onCall = new DatabaseOnCallStore(db.knex);
    const store = new DatabaseDeploymentStore(db.knex);
    service = new DefaultDeploymentsService({
      store,
      settings: { productionEnvironments: ['production'], windowDays: 30, incidentWindowHours: 24, reworkWindowHours: 24, thresholds: DEFAULT_DORA_THRESHOLDS },
      incidents: incidentStartsOf(onCallServiceOf(onCall)),
      catalog: catalogServiceMock({ entities: [payments] }),
      auth: mockServices.auth(),
      now: () => NOW,
    });
    await store.upsert('github', REF, HISTORY);
  });
  afterEach(() => db.destroy());

  it('computes DORA over the production deploys of the window', async () => {
    const { figures, environments } = await service.dora(payments);
    expect(environments).toEqual(['production']);
    // 3 successful production deploys in 30 days.
    expect(figures.deploymentFrequency.value).toBeCloseTo(0.1, 10);
    // Median of 24, 6 and 12 hours.
    expect(figures.leadTime.value).toBe(12);
    // d3 of d1–d4 failed: 1 / 4.
    expect(figures.changeFailureRate.value).toBe(0.25);
    // d3 finished 11-16T10:30, d4 11-20T10:30.
    expect(figures.recoveryTime.value).toBe(96);
  });

  it("counts a deploy the on-call pillar saw an incident after as failed", async () => {
    // 11-09T20:00 is 9.5 h after d2 finished: d2 and d3 of four failed.
    await onCall.upsertIncidents('pagerduty', REF, [
      { externalId: 'Q1', title: 'Card payments failing', status: 'resolved', createdAt: '2026-11-09T20:00:00Z', resolvedAt: '2026-11-09T21:00:00Z' },
    ]);
    expect((await service.dora(payments)).figures.changeFailureRate.value).toBe(0.5);
    expect((await service.histories([{ entityRef: REF, entity: payments }], { asOf: NOW, lookbackDays: 90 })).get(REF)!.dora.figures.changeFailureRate.value).toBe(0.5);
  });

  it('narrows the window or looks at another environment when asked', async () => {
    // Since 11-15T12:00 only d4 shipped: 1 / 7 a day; two finished deploys are too few for a failure rate.
    const week = await service.dora(payments, { windowDays: 7 });
    expect(week.figures.deploymentFrequency.value).toBeCloseTo(1 / 7, 10);
    expect(week.figures.changeFailureRate.value).toBeNull();
    const staging = await service.dora(payments, { environment: 'staging' });
    expect(staging.environments).toEqual(['staging']);
    expect(staging.figures.deploymentFrequency.value).toBeCloseTo(1 / 30, 10);
    // Its explanations speak of staging deploys, not production ones.
    expect(staging.figures.deploymentFrequency.explanation).toMatch(/^1 successful staging deploy finished in 30 days/);
    for (const figure of Object.values(staging.figures)) expect(figure.explanation).not.toContain('production');
    // Asking for a production environment by name keeps the word.
    expect((await service.dora(payments, { environment: 'Production' })).figures.deploymentFrequency.explanation).toContain('production deploy');
  });

  it('says what runs where and when it last shipped', async () => {
    const current = await service.current(payments);
    expect(current.productionEnvironments).toEqual(['production']);
    expect(current.environments.map(e => [e.environment, e.latest.externalId, e.running?.externalId])).toEqual(
      expect.arrayContaining([
        ['production', 'd4', 'd4'],
        ['staging', 's1', 's1'],
      ]),
    );
    expect(current.lastDeployment?.externalId).toBe('s1');
  });

  it('buckets production deploys per week, Monday to Sunday', async () => {
    const { weeks } = await service.weekly(payments, 2);
    expect(weeks).toEqual([
      { weekStart: '2026-11-09T00:00:00.000Z', success: 1, failure: 0, rollback: 0 },
      { weekStart: '2026-11-16T00:00:00.000Z', success: 1, failure: 1, rollback: 0 },
    ]);
  });

  it('pages the history, newest first', async () => {
    const page = await service.list(REF, { environment: 'production', limit: 2, offset: 1 });
    expect([page.total, page.limit, page.offset, page.items.map(d => d.externalId)]).toEqual([4, 2, 1, ['d3', 'd2']]);
  });

  it('takes a pushed batch whole or not at all', async () => {
    const batch = [
      { ...deploy('ci-1', 'production', 'success', '2026-11-22T09:00:00Z'), entityRef: 'payments-api' },
      { ...deploy('ci-2', 'production', 'success', '2026-11-22T10:00:00Z'), entityRef: 'component:default/nope' },
    ];
    const rejected = service.acceptPush('push:ci', batch);
    await expect(rejected).rejects.toThrow(InputError);
    await expect(rejected).rejects.toThrow('deployments.1.entityRef: no entity component:default/nope in the catalog');
    expect((await service.list(REF, { limit: 10, offset: 0 })).total).toBe(5);

    await service.acceptPush('push:ci', batch.slice(0, 1));
    const last = await service.last(REF);
    expect([last?.externalId, last?.source]).toEqual(['ci-1', 'push:ci']);
  });

  it('hands the readiness facts each entity\'s history and figures in one read', async () => {
    const histories = await service.histories([{ entityRef: REF, entity: payments }], { asOf: NOW, lookbackDays: 90 });
    const h = histories.get(REF)!;
    expect(h.deployments.map(d => d.externalId)).toEqual(['d1', 'd2', 'd3', 'd4', 's1']);
    expect(h.productionEnvironments).toEqual(['production']);
    expect(h.dora.figures.deploymentFrequency.value).toBeCloseTo(0.1, 10);
  });
});
