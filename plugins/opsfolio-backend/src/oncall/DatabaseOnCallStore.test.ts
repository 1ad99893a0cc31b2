import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/testDatabases';
import type { OnCallStore } from './OnCallStore';
import { DatabaseOnCallStore } from './DatabaseOnCallStore';

describe.each(TEST_DATABASES)('OnCallStore on %s', kind => {
  let db: TestDatabase;
  let store: OnCallStore;
  beforeEach(async () => {
    db = await createTestDatabase(kind);
    store = new DatabaseOnCallStore(db.knex, () => new Date('2026-11-21T12:00:00Z'));
  });
  afterEach(async () => db.destroy());

  it('keeps the latest on-call read per entity and source', async () => {
    const read = (readAt: string, name: string) => ({
      service: { id: 'PPAYAPI', name: 'Payments API' },
      shifts: [{ level: 1, person: { name } }],
      readAt,
    });
    await store.saveSnapshot('component:default/Payments-API', 'pagerduty', read('2026-11-21T10:00:00Z', 'Ada'));
    await store.saveSnapshot('component:default/payments-api', 'pagerduty', read('2026-11-21T11:00:00+01:00', 'Ben'));
    expect(await store.snapshot('component:default/payments-api', 'pagerduty')).toEqual({
      ...read('2026-11-21T11:00:00+01:00', 'Ben'),
      source: 'pagerduty',
    });
    expect(await store.snapshot('component:default/payments-api', 'opsgenie')).toBeUndefined();
    // A read that another replica took earlier, stored late, does not replace the newer one.
    await store.saveSnapshot('component:default/payments-api', 'pagerduty', read('2026-11-21T09:00:00Z', 'Cy'));
    expect((await store.snapshot('component:default/payments-api', 'pagerduty'))?.shifts[0].person.name).toBe('Ben');
  });

  it('updates incidents as they change and lists them newest first', async () => {
    const incident = (externalId: string, createdAt: string, over = {}) => ({
      externalId,
      title: `Incident ${externalId}`,
      status: 'triggered' as const,
      createdAt,
      ...over,
    });
    await store.upsertIncidents('pagerduty', 'component:default/a', [
      incident('Q1', '2026-11-20T10:00:00Z'),
      incident('Q2', '2026-11-21T09:00:00Z', { status: 'acknowledged', acknowledgedAt: '2026-11-21T09:05:00Z' }),
    ]);
    await store.upsertIncidents('pagerduty', 'component:default/a', [
      incident('Q1', '2026-11-20T10:00:00Z', { status: 'resolved', acknowledgedAt: '2026-11-20T10:10:00Z', resolvedAt: '2026-11-20T12:00:00Z' }),
    ]);
    const { items, total } = await store.listIncidents('component:default/a', { limit: 10, offset: 0 });
    expect(total).toBe(2);
    expect(items.map(i => [i.externalId, i.status])).toEqual([
      ['Q2', 'acknowledged'],
      ['Q1', 'resolved'],
    ]);
    expect(items[1].resolvedAt).toBe('2026-11-20T12:00:00.000Z');
    expect((await store.listIncidents('component:default/a', { status: 'resolved', limit: 10, offset: 0 })).total).toBe(1);
    // Old resolved ones drop out of the response-time window; open ones always stay.
    const recent = await store.forResponseTimes('component:default/a', new Date('2026-11-21T00:00:00Z'));
    expect(recent.map(i => i.externalId)).toEqual(['Q2']);
  });
});
