import { HOUR_MS } from '@opsfolio/backstage-plugin-common';
import type { Entity } from '@backstage/catalog-model';
import { CostIndexLoader } from '../../cost/costIndexLoader';
import type { CostStore } from '../../cost/CostStore';
import { DatabaseCostStore } from '../../cost/DatabaseCostStore';
import { DefaultCostService } from '../../cost/DefaultCostService';
import type { CatalogSnapshotLoader } from '../../platform/catalog/catalogSnapshot';
import { DataGenerations } from '../../platform/dataGenerations';
import { costRecord } from '../../testing/costRecords';
import { createTestDatabase, type TestDatabase } from '../../testing/testDatabases';
import { COST_FACTS, costFactProvider } from './costFacts';
import { component, freshnessOf, NOW, pinClock, readable, unpinClock } from './factTestKit';
import type { SourceFreshness } from './sourceFreshness';

const SYNCED: SourceFreshness = { observedAt: '2026-11-22T06:00:00.000Z', maxAgeMs: 24 * HOUR_MS };

// All owned by group:default/payments (the component builder's default owner).
const payments = component('payments-api'); // tagged service=payments-api by its name
const checkout = component('checkout', { annotations: { 'opsfolio.io/cost-tag': 'service=checkout-svc' } });
const fraud = component('fraud-check'); // first billed on 11-15
const billingUi = component('billing-ui'); // never billed
const team = {
  entityRef: 'group:default/payments',
  entity: { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'payments', namespace: 'default' }, spec: { type: 'team', children: [] } },
};
const SUBJECTS = [payments, checkout, fraud, billingUi, team];

const usd = (day: string, tagValue: string, amount: number, currency = 'USD') => costRecord(day, tagValue, amount, { currency });

/**
 * What AWS billed, NOW being 11-22T12:00Z (this month November, last month October):
 *
 *                       September    October      November (1st–21st)
 *   payments-api        40+60=100    70+50=120    30 (11-02) + 20 (11-20) = 50
 *   checkout-svc        50           40           20 (11-10)
 *   fraud-check                                   10 (11-15)
 *   '' (untagged)                                 12 (11-05), and EUR 5 (11-06)
 *   legacy-batch                                  8 (11-12), a tag value no entity carries
 *
 * November in USD: 50 + 20 + 10 + 12 + 8 = 100, of which 12 untagged and 8 unmapped.
 */
const BILL = [
  usd('2026-09-10', 'payments-api', 40),
  usd('2026-09-20', 'payments-api', 60),
  usd('2026-09-15', 'checkout-svc', 50),
  usd('2026-10-05', 'payments-api', 70),
  usd('2026-10-25', 'payments-api', 50),
  usd('2026-10-15', 'checkout-svc', 40),
  usd('2026-11-02', 'payments-api', 30),
  usd('2026-11-20', 'payments-api', 20),
  usd('2026-11-10', 'checkout-svc', 20),
  usd('2026-11-15', 'fraud-check', 10),
  usd('2026-11-05', '', 12),
  usd('2026-11-06', '', 5, 'EUR'),
  usd('2026-11-12', 'legacy-batch', 8),
];

/** The shared catalog snapshot, as the cost index reads it. */
const catalogOf = (subjects: Array<{ entity: unknown }>) =>
  ({ get: async () => ({ entities: subjects.map(s => s.entity as Entity), requests: 1, readAt: NOW.getTime() }) }) as unknown as CatalogSnapshotLoader;

describe('cost facts', () => {
  let db: TestDatabase;
  let store: CostStore;
  beforeEach(async () => {
    pinClock(NOW);
    db = await createTestDatabase('sqlite');
    store = new DatabaseCostStore(db.knex);
  });
  afterEach(async () => {
    unpinClock();
    await db.destroy();
  });

  const collect = async ({ sourceIds = ['aws'], freshness = freshnessOf({ aws: SYNCED }), asOf = NOW } = {}) =>
    costFactProvider({ cost: new DefaultCostService({ store, index: new CostIndexLoader({ catalog: catalogOf(SUBJECTS), tagKey: 'service' }), generations: new DataGenerations(db.knex) }), sourceIds, freshness }).collect(SUBJECTS, {
      asOf,
      // A day before the test's now is a backfilled day, as the evaluator marks them.
      historical: asOf < NOW,
    });
  const factsOf = async (subject: { entityRef: string }, options?: Parameters<typeof collect>[0]) =>
    readable((await collect(options)).get(subject.entityRef));

  describe('from a synced bill', () => {
    beforeEach(() => store.replaceDays('aws', { from: '2026-09-01', to: '2026-11-22' }, BILL));

    it('knows the cost of a service billed under its tag, and not of one never billed', async () => {
      expect((await factsOf(payments))['cost.known']).toBe(true);
      expect((await factsOf(checkout))['cost.known']).toBe(true);
      expect((await factsOf(billingUi))['cost.known']).toBe(false);
    });

    it("shows the organisation's tagged share of this month's spend on every entity, in its main currency", async () => {
      // (100 − 12 untagged − 8 unmapped) / 100 = 0.8; the EUR 5 untagged is another currency and left out.
      expect((await factsOf(payments))['cost.taggedShare']).toBe(0.8);
      expect((await factsOf(billingUi))['cost.taggedShare']).toBe(0.8);
    });

    it('compares last month with the month before', async () => {
      // payments-api: (120 − 100) / 100 = 0.2. checkout: (40 − 50) / 50 = −0.2.
      expect((await factsOf(payments))['cost.monthOverMonth']).toBe(0.2);
      expect((await factsOf(checkout))['cost.monthOverMonth']).toBe(-0.2);
    });

    it('adds up what a team owns', async () => {
      // October 120 + 40 = 160 against September 100 + 50 = 150: 10 / 150 = 0.0667 → 0.067.
      const facts = await factsOf(team);
      expect(facts['cost.known']).toBe(true);
      expect(facts['cost.monthOverMonth']).toBe(0.067);
    });

    it('does not compare a service with no spend the month before last', async () => {
      expect((await factsOf(fraud))['cost.monthOverMonth']).toBe('notReported: no spend the month before last to compare with');
    });

    it("stamps the facts with the cost source's last sync when evaluating now", async () => {
      const answers = (await collect()).get(payments.entityRef)!;
      expect(answers['cost.known']).toEqual({ value: true, ...SYNCED });
      expect(answers['cost.taggedShare']).toEqual({ value: 0.8, ...SYNCED });
    });

    it("answers a past day's tagged share from the spend known by then", async () => {
      // As of 11-08 (a backfilled day): November so far is payments-api 30 and untagged 12 (USD) = 42,
      // none unmapped yet → 30 / 42 = 0.714. Spend billed on 11-10 and later did not exist on 11-08.
      const facts = await factsOf(payments, { asOf: new Date('2026-11-08T23:59:59Z') });
      expect(facts['cost.taggedShare']).toBe(0.714);
    });

    it('does not know the cost of a service on a past day before it was first billed', async () => {
      // fraud-check's first spend is on 11-15: on 11-08 nothing was attributed to it, this month or last.
      expect((await factsOf(fraud, { asOf: new Date('2026-11-08T23:59:59Z') }))['cost.known']).toBe(false);
    });
  });

  it('reports nothing when no cost source is installed', async () => {
    const facts = await factsOf(payments, { sourceIds: [] });
    expect(facts).toEqual(Object.fromEntries(COST_FACTS.map(f => [f.id, 'notReported: no cost source is installed'])));
  });

  it('reports nothing while the cost source has never synced', async () => {
    const facts = await factsOf(payments, { freshness: freshnessOf({}) });
    expect(facts).toEqual(Object.fromEntries(COST_FACTS.map(f => [f.id, 'notReported: cost has not been synced yet'])));
  });
});
