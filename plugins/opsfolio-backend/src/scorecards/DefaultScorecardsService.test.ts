import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Scorecard } from '@opsfolio/backstage-plugin-common';
import type { FactProvider } from '@opsfolio/backstage-plugin-node';
import type { CostService } from '../cost/CostService';
import type { DeploymentsService } from '../deployments/DeploymentsService';
import type { CatalogSnapshotLoader } from '../platform/catalog/catalogSnapshot';
import { DatabaseOnCallStore } from '../oncall/DatabaseOnCallStore';
import { onCallServiceOf } from '../testing/onCallService';
import { DataGenerations } from '../platform/dataGenerations';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabases';
import { DefaultScorecardsService } from './DefaultScorecardsService';
import { ScorecardEvaluator } from './evaluator';
import { OverviewDataLoader } from './overviewData';
import type { ScorecardStore } from './ScorecardStore';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';

const NOW = new Date('2026-11-22T12:00:00Z');
const payments: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default', annotations: { 'opsfolio.io/tier': '1' } },
  spec: { type: 'service', owner: 'group:default/payments', lifecycle: 'production' },
};
const REF = 'component:default/payments-api';

/** Bronze needs a runbook; silver needs it and at most 3 days since the last deploy. Tier 1 should reach silver. */
const READINESS: Scorecard = {
  id: 'readiness',
  title: 'Readiness',
  filter: { kind: ['component'] },
  levels: [
    { id: 'bronze', title: 'Bronze' },
    { id: 'silver', title: 'Silver' },
  ],
  checks: [
    { id: 'runbook', title: 'Runbook', description: 'Has a runbook.', fact: 'test.runbook', operator: 'exists', level: 'bronze', fix: { text: 'Link one.' } },
    { id: 'fresh', title: 'Deployed lately', description: 'Shipped in 3 days.', fact: 'test.daysSinceDeploy', operator: '<=', threshold: 3, level: 'silver', fix: { text: 'Deploy.' } },
  ],
  targets: { '1': 'silver' },
};

describe('DefaultScorecardsService', () => {
  let db: TestDatabase;
  let store: ScorecardStore;
  let service: DefaultScorecardsService;
  let evaluator: ScorecardEvaluator;
  /** Called while facts are collected, to act in the middle of an evaluation. */
  let duringCollect: () => void;
  /** What the fact provider reports; tests change it between evaluations. */
  let facts: { runbook?: string; daysSinceDeploy: number };
  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
    const generations = new DataGenerations(db.knex);
    store = new DatabaseScorecardStore(db.knex, generations);
    facts = { runbook: 'https://runbooks/payments', daysSinceDeploy: 1 };
    duringCollect = () => undefined;
    const provider: FactProvider = {
      id: 'test',
      facts: [
        { id: 'test.runbook', pillar: 'catalog', title: 'Runbook', type: 'string', description: 'A runbook link.' },
        { id: 'test.daysSinceDeploy', pillar: 'deployments', title: 'Days since deploy', type: 'number', description: 'Days.' },
      ],
      async collect(subjects) {
        duringCollect();
        return new Map(
          subjects.map(s => [
            s.entityRef,
            {
              'test.runbook': facts.runbook === undefined ? { notReported: 'no link' } : { value: facts.runbook },
              'test.daysSinceDeploy': { value: facts.daysSinceDeploy },
            },
          ]),
        );
      },
    };
    const snapshot = { get: async () => ({ entities: [payments], requests: 1, readAt: NOW.getTime() }) } as unknown as CatalogSnapshotLoader;
    evaluator = new ScorecardEvaluator({
      settings: { scorecards: [READINESS], historyDays: 90, backfillDays: 0 },
      providers: [provider],
      snapshot,
      store,
      logger: mockServices.logger.mock(),
      now: () => NOW,
    });
    service = new DefaultScorecardsService({
      evaluator,
      store,
      overview: new OverviewDataLoader({ store, ownership: { ownerTitles: async () => new Map() }, generation: () => generations.current('scorecards'), now: () => NOW }),
      facts: provider.facts,
      catalog: catalogServiceMock({ entities: [payments] }),
      onCall: onCallServiceOf(new DatabaseOnCallStore(db.knex)),
      deployments: { last: async () => undefined } as unknown as DeploymentsService,
      cost: { monthToDate: async () => new Map() } as unknown as CostService,
      now: () => NOW,
    });
  });
  afterEach(() => db.destroy());

  it('answers an entity the schedule has not reached by evaluating it, without storing anything', async () => {
    const [result] = await service.entityResults(payments);
    expect(result.level?.id).toBe('silver');
    expect(await store.entity('readiness', REF)).toBeUndefined();
  });

  it('stores on refresh, and later reads come from the store', async () => {
    await service.refresh(payments);
    expect((await store.entity('readiness', REF))?.level).toBe('silver');
    facts.daysSinceDeploy = 10;
    // The stored silver stands until the next evaluation that stores.
    expect((await service.entityResults(payments))[0].level?.id).toBe('silver');
    const [refreshed] = await service.refresh(payments);
    expect(refreshed.level?.id).toBe('bronze');
    const history = await service.history(payments, 'readiness', 30);
    expect(history.levelChanges.map(c => [c.from, c.to])).toEqual([['silver', 'bronze']]);
    expect(history.transitions.map(t => [t.checkId, t.from, t.to])).toEqual([['fresh', 'pass', 'fail']]);
  });

  it("gates on the tier's target level, evaluated now and not stored", async () => {
    await service.refresh(payments);
    facts.daysSinceDeploy = 10;
    const gate = await service.gate(payments, 'readiness');
    expect([gate.pass, gate.required.id, gate.reached?.id]).toEqual([false, 'silver', 'bronze']);
    expect(gate.failing.map(f => f.checkId)).toEqual(['fresh']);
    expect((await service.gate(payments, 'readiness', 'Bronze')).pass).toBe(true);
    // The gate's evaluation left the stored result and its history alone.
    expect((await store.entity('readiness', REF))?.level).toBe('silver');
    expect((await service.history(payments, 'readiness', 30)).transitions).toEqual([]);
    await expect(service.gate(payments, 'readiness', 'platinum')).rejects.toThrow(InputError);
  });

  it('renders the overview of what is stored, as JSON or CSV', async () => {
    await service.refresh(payments);
    const json = await service.overview({ filters: {}, format: 'json', costVisible: true });
    expect(json.scorecardId).toBe('readiness');
    expect(JSON.parse(json.text).entities.map((e: { entityRef: string; level: string }) => [e.entityRef, e.level])).toEqual([[REF, 'silver']]);
    const csv = await service.overview({ filters: {}, format: 'csv', costVisible: true });
    expect(csv.text.split('\r\n')[1]).toContain(REF);
  });

  it('stops a scheduled evaluation that ran past its timeout before it writes', async () => {
    const timeout = new AbortController();
    duringCollect = () => timeout.abort(new Error('the scheduled run timed out'));
    await expect(evaluator.evaluateAll(timeout.signal)).rejects.toThrow('the scheduled run timed out');
    expect(await store.entity('readiness', REF)).toBeUndefined();
    duringCollect = () => undefined;
    expect(await evaluator.evaluateAll(new AbortController().signal)).toEqual({ items: 1 });
    expect((await store.entity('readiness', REF))?.level).toBe('silver');
  });
});
