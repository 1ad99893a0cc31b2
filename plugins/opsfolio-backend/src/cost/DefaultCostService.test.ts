import { InputError } from '@backstage/errors';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogSnapshotLoader } from '../platform/catalog/catalogSnapshot';
import { costRecord } from '../testing/costRecords';
import { DataGenerations } from '../platform/dataGenerations';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabases';
import { CostIndexLoader } from './costIndexLoader';
import { DatabaseCostStore } from './DatabaseCostStore';
import { DefaultCostService } from './DefaultCostService';

const NOW = new Date('2026-11-22T12:00:00Z');

const component = (name: string, annotations?: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', ...(annotations ? { annotations } : {}) },
  spec: { type: 'service', owner: 'group:default/payments', lifecycle: 'production' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/payments' }],
});
const CATALOG: Entity[] = [
  { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'payments', namespace: 'default' }, spec: { type: 'team', children: [] } },
  component('payments-api'),
  component('checkout', { 'opsfolio.io/cost-tag': 'service=checkout-svc' }),
  component('billing-ui'),
  // Its resources carry another tag key than the organisation's: read by that key.
  component('ledger', { 'opsfolio.io/cost-tag': 'app=ledger' }),
];
const snapshot = { get: async () => ({ entities: CATALOG, requests: 1, readAt: NOW.getTime() }) } as unknown as CatalogSnapshotLoader;

const usd = (day: string, tagValue: string, amount: number, cloudService = 'Amazon EC2') => costRecord(day, tagValue, amount, { cloudService });

/**
 * Billed through 11-21 (today is 11-22):
 *
 *                 October               November
 *   payments-api  70 (10-05) + 50 (10-25)  30 (11-02, RDS) + 20 (11-20)
 *   checkout-svc  40 (10-15)             20 (11-10)
 *   '' untagged                          12 (11-05)
 *   legacy-batch                         8 (11-12), a value no entity carries
 */
const BILL = [
  usd('2026-10-05', 'payments-api', 70),
  usd('2026-10-25', 'payments-api', 50),
  usd('2026-11-02', 'payments-api', 30, 'Amazon RDS'),
  usd('2026-11-20', 'payments-api', 20),
  usd('2026-10-15', 'checkout-svc', 40),
  usd('2026-11-10', 'checkout-svc', 20),
  usd('2026-11-05', '', 12),
  usd('2026-11-12', 'legacy-batch', 8),
  // By ledger's own key, stored apart: never part of the organisation's totals.
  costRecord('2026-10-20', 'ledger', 15, { tagKey: 'app' }),
  costRecord('2026-11-03', 'ledger', 25, { tagKey: 'app', cloudService: 'Amazon RDS' }),
  costRecord('2026-11-04', 'ledger', 5, { tagKey: 'app' }),
  costRecord('2026-11-04', '', 99, { tagKey: 'app' }), // app's untagged bucket: left out
];

describe('DefaultCostService', () => {
  let db: TestDatabase;
  let service: DefaultCostService;
  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
    const store = new DatabaseCostStore(db.knex);
    service = new DefaultCostService({
      store,
      index: new CostIndexLoader({ catalog: snapshot, tagKey: 'service' }),
      generations: new DataGenerations(db.knex),
      now: () => NOW,
    });
  });
  afterEach(() => db.destroy());

  it('knows nothing before the first sync', async () => {
    expect(await service.facts(['component:default/payments-api'], { asOf: NOW })).toBeUndefined();
    expect(await service.describeStoredSpend('component:default/payments-api')).toBeUndefined();
  });

  describe('with a bill stored', () => {
    beforeEach(() => new DatabaseCostStore(db.knex).replaceDays('aws', { from: '2026-10-01', to: '2026-11-22' }, BILL));

    it("gives a service's spend per month and what the organisation leaves out", async () => {
      const cost = await service.entityCost('component:default/payments-api', { granularity: 'month', from: '2026-10-01', to: '2026-12-01' });
      expect(cost.series.map(p => [p.period, p.amounts])).toEqual([
        ['2026-10', { USD: 120 }],
        ['2026-11', { USD: 50 }],
      ]);
      // 30 on RDS; 70 + 50 + 20 on EC2.
      expect(cost.byCloudService).toEqual([
        { cloudService: 'Amazon EC2', amounts: { USD: 140 } },
        { cloudService: 'Amazon RDS', amounts: { USD: 30 } },
      ]);
      expect(cost.figures.monthToDate).toEqual({ USD: 50 });
      expect(cost.figures.lastMonth).toEqual({ USD: 120 });
      expect(cost.notIncluded).toEqual({ untagged: { USD: 12 }, unmapped: { USD: 8 } });
      expect(cost.byEntity).toBeUndefined();
      expect(cost.lastDay).toBe('2026-11-21');
    });

    it("adds up a team's services, each shown on its own", async () => {
      const cost = await service.entityCost('group:default/payments', { granularity: 'month', from: '2026-10-01', to: '2026-12-01' });
      // October 120 + 40 = 160; November 50 + 20 = 70.
      expect(cost.series.map(p => p.amounts)).toEqual([{ USD: 160 }, { USD: 70 }]);
      expect(cost.byEntity).toEqual([
        { entityRef: 'component:default/payments-api', amounts: { USD: 170 } },
        { entityRef: 'component:default/checkout', amounts: { USD: 60 } },
      ]);
    });

    it('defaults to the last 30 days, one point a day', async () => {
      const cost = await service.entityCost('component:default/payments-api', { granularity: 'day' });
      // [10-24, 11-23): 10-25 50, 11-02 30, 11-20 20.
      expect([cost.from, cost.to, cost.series.length]).toEqual(['2026-10-24', '2026-11-23', 30]);
      expect(cost.series.find(p => p.period === '2026-11-20')?.amounts).toEqual({ USD: 20 });
      expect(cost.series.reduce((sum, p) => sum + (p.amounts.USD ?? 0), 0)).toBe(100);
    });

    it('refuses an empty or too long range', async () => {
      await expect(service.entityCost('component:default/payments-api', { granularity: 'day', from: '2026-11-10', to: '2026-11-10' })).rejects.toThrow(InputError);
      await expect(service.entityCost('component:default/payments-api', { granularity: 'day', from: '2025-01-01', to: '2026-11-10' })).rejects.toThrow(
        'at most 400 days at a time with granularity=day',
      );
    });

    it('rolls the month up by owner, with untagged and unmapped spend apart', async () => {
      const overview = await service.overview('owner');
      const payments = overview.rows.find(r => r.key === 'group:default/payments')!;
      expect(payments.direct.monthToDate).toEqual({ USD: 70 });
      expect(payments.entities).toBe(3);
      expect(overview.untagged.monthToDate).toEqual({ USD: 12 });
      expect(overview.unmapped.values).toEqual([{ tagValue: 'legacy-batch', monthToDate: { USD: 8 }, lastMonth: {} }]);
      // 70 + 12 + 8.
      expect(overview.organisation.monthToDate).toEqual({ USD: 90 });
      expect([overview.month, overview.asOf]).toEqual(['2026-11', '2026-11-23']);
    });

    it("gives each entity's spend this month, for the team portfolio", async () => {
      const refs = ['component:default/payments-api', 'component:default/checkout', 'component:default/billing-ui', 'group:default/payments'];
      expect(Object.fromEntries(await service.monthToDate(refs))).toEqual({
        'component:default/payments-api': { USD: 50 },
        'component:default/checkout': { USD: 20 },
        'component:default/billing-ui': {},
        'group:default/payments': { USD: 70 },
      });
    });

    it('reads the facts readiness checks use', async () => {
      const facts = (await service.facts(['component:default/checkout'], { asOf: NOW }))!.get('component:default/checkout')!;
      // Tagged share: (90 − 12 − 8) / 90 = 0.7778. No spend in September to compare October with.
      expect(facts.known).toBe(true);
      expect(facts.taggedShare).toBeCloseTo(70 / 90, 10);
      expect(facts.monthOverMonth).toBeNull();
    });

    it('names the tag an entity is billed under', async () => {
      expect(await service.describeStoredSpend('component:default/checkout')).toBe('cost allocation tag service=checkout-svc');
      expect(await service.describeStoredSpend('component:default/billing-ui')).toBeUndefined();
      expect(await service.describeStoredSpend('component:default/ledger')).toBe('cost allocation tag app=ledger');
    });

    it("reads an entity by its own tag key, and keeps that spend out of its team's and the organisation's figures", async () => {
      const cost = await service.entityCost('component:default/ledger', { granularity: 'month', from: '2026-10-01', to: '2026-12-01' });
      expect(cost.tags).toEqual([{ key: 'app', value: 'ledger', annotated: true, entityRef: 'component:default/ledger' }]);
      expect(cost.tagProblem).toBeUndefined();
      // October 15; November 25 + 5 = 30 (app's untagged 99 is nobody's).
      expect(cost.series.map(p => [p.period, p.amounts])).toEqual([
        ['2026-10', { USD: 15 }],
        ['2026-11', { USD: 30 }],
      ]);
      expect(cost.byCloudService).toEqual([
        { cloudService: 'Amazon RDS', amounts: { USD: 25 } },
        { cloudService: 'Amazon EC2', amounts: { USD: 20 } },
      ]);
      expect([cost.figures.monthToDate, cost.figures.lastMonth]).toEqual([{ USD: 30 }, { USD: 15 }]);
      expect(cost.notIncluded).toEqual({ untagged: { USD: 12 }, unmapped: { USD: 8 } });
      expect(Object.fromEntries(await service.monthToDate(['component:default/ledger', 'group:default/payments']))).toEqual({
        'component:default/ledger': { USD: 30 },
        'group:default/payments': { USD: 70 }, // payments-api 50 + checkout 20, as the overview's row
      });
      const overview = await service.overview('owner');
      expect(overview.organisation.monthToDate).toEqual({ USD: 90 });
      expect(overview.rows.find(r => r.key === 'group:default/payments')!.entities).toBe(3);
      // Month over month needs September, which has no spend: null. Forecast 30 (no spend in the run-rate
      // week, so the month ends at what is known) against last month's 15: 30 / 15 − 1 = 1.
      const facts = (await service.facts(['component:default/ledger'], { asOf: NOW }))!.get('component:default/ledger')!;
      expect(facts).toMatchObject({ known: true, monthOverMonth: null, forecastVsLastMonth: 1 });
    });

    it('gives the same figures for the same spend whichever key it is read by', async () => {
      // ledger's days again, under the organisation's key, in a store of their own.
      const twin = await createTestDatabase('sqlite');
      try {
        const byOrgKey = new DatabaseCostStore(twin.knex);
        await byOrgKey.replaceDays('aws', { from: '2026-10-01', to: '2026-11-22' }, [
          usd('2026-10-20', 'ledger', 15),
          usd('2026-11-03', 'ledger', 25, 'Amazon RDS'),
          usd('2026-11-04', 'ledger', 5),
        ]);
        const asTag = new DefaultCostService({
          store: byOrgKey,
          index: new CostIndexLoader({ catalog: { get: async () => ({ entities: [component('ledger', { 'opsfolio.io/cost-tag': 'service=ledger' })], requests: 1, readAt: 0 }) } as unknown as CatalogSnapshotLoader, tagKey: 'service' }),
          generations: new DataGenerations(twin.knex),
          now: () => NOW,
        });
        const own = (await service.entityCost('component:default/ledger', { granularity: 'day' })).figures;
        const org = (await asTag.entityCost('component:default/ledger', { granularity: 'day' })).figures;
        expect(own).toEqual(org);
        expect(own).toEqual({ monthToDate: { USD: 30 }, lastMonth: { USD: 15 }, forecast: { USD: 30 } });
      } finally {
        await twin.destroy();
      }
    });
  });
});
