import { CacheManager } from '@backstage/backend-defaults/cache';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { OnCallRead, OnCallSource } from '@opsfolio/backstage-plugin-node';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabases';
import { DatabaseOnCallStore } from './DatabaseOnCallStore';
import { DefaultOnCallService } from './DefaultOnCallService';

const NOW = new Date('2026-11-22T12:00:00Z');
const rel = (type: string, targetRef: string) => ({ type, targetRef });
const payments: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default', annotations: { 'pagerduty.com/service-id': 'PPAY' } },
  spec: { type: 'service', owner: 'group:default/payments' },
  relations: [rel('ownedBy', 'group:default/payments')],
};
const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: [rel('hasMember', 'user:default/ada'), rel('ownerOf', 'component:default/payments-api')],
};
const ada: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'ada', namespace: 'default' },
  spec: { profile: { displayName: 'Ada Okafor', email: 'ada@acme.example' } },
  relations: [rel('memberOf', 'group:default/payments')],
};

/** Ada (of the team) on level 1, Victor (not of it) on level 2. */
const READ: OnCallRead = {
  service: { id: 'PPAY', name: 'Payments API' },
  shifts: [
    { level: 1, person: { name: 'Ada Okafor', email: 'ada@acme.example' }, end: '2099-01-01T00:00:00Z' },
    { level: 2, person: { name: 'Victor Nguyen', email: 'victor@acme.example' } },
  ],
  readAt: '2026-11-22T11:59:00.000Z',
};

describe('DefaultOnCallService', () => {
  let db: TestDatabase;
  let store: DatabaseOnCallStore;
  let service: DefaultOnCallService;
  const vendor = { reads: 0, fail: false };
  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
    store = new DatabaseOnCallStore(db.knex);
    vendor.reads = 0;
    vendor.fail = false;
    const source = {
      id: 'pagerduty',
      vendor: 'pagerduty',
      annotations: ['pagerduty.com/service-id'],
      async readOnCall() {
        vendor.reads += 1;
        if (vendor.fail) throw new Error('pagerduty GET /oncalls: 503 Service Unavailable');
        return READ;
      },
      async sync() {
        return { items: 0 };
      },
    } as OnCallSource;
    service = new DefaultOnCallService({
      store,
      sources: [source],
      catalog: catalogServiceMock({ entities: [payments, team, ada] }),
      auth: mockServices.auth(),
      cache: CacheManager.fromConfig(mockServices.rootConfig({ data: { backend: { cache: { store: 'memory' } } } })).forPlugin('opsfolio'),
      logger: mockServices.logger.mock(),
      cacheTtlMs: 60_000,
      now: () => NOW,
    });
  });
  afterEach(() => db.destroy());

  it('reads who is on call once per cache period, keeps the read, and checks the rota against the owner', async () => {
    const answer = await service.entityOnCall(payments, mockCredentials.user());
    expect(answer.sources[0].onCall?.shifts.map(s => s.person.name)).toEqual(['Ada Okafor', 'Victor Nguyen']);
    expect(answer.drift).toMatchObject({ ownerOnRota: true, outsiders: [{ name: 'Victor Nguyen' }], ownerFound: true });
    await service.entityOnCall(payments, mockCredentials.user());
    expect(vendor.reads).toBe(1);
    expect((await service.lastReads('Component:default/Payments-API')).map(r => r.readAt)).toEqual([READ.readAt]);
  });

  it('serves the last read during an outage and leaves the vendor alone for a while', async () => {
    await store.saveSnapshot('component:default/payments-api', 'pagerduty', READ);
    vendor.fail = true;
    const first = await service.entityOnCall(payments, mockCredentials.user());
    expect(first.sources[0]).toMatchObject({ stale: true, error: expect.stringContaining('503') });
    await service.entityOnCall(payments, mockCredentials.user());
    expect(vendor.reads).toBe(1);
  });

  it('answers 503 when the vendor fails and nothing was ever read', async () => {
    vendor.fail = true;
    await expect(service.entityOnCall(payments, mockCredentials.user())).rejects.toThrow(ServiceUnavailableError);
  });

  it("lists a team's services with who is on call and 30-day response times", async () => {
    // Three resolved in the last 30 days (acknowledged after 10, 20 and 30 minutes, resolved after 60, 90 and 120)
    // and one still open: MTTA 20 min = 1/3 h, MTTR 1.5 h.
    const at = (day: string, minutes: number) => new Date(Date.parse(`${day}T12:00:00Z`) + minutes * 60_000).toISOString();
    await store.upsertIncidents(
      'pagerduty',
      'component:default/payments-api',
      [
        ['2026-11-18', 10, 60],
        ['2026-11-19', 20, 90],
        ['2026-11-20', 30, 120],
      ].map(([day, ack, resolve], i) => ({
        externalId: `Q${i}`,
        title: 'Card auth errors',
        status: 'resolved' as const,
        createdAt: at(day as string, 0),
        acknowledgedAt: at(day as string, ack as number),
        resolvedAt: at(day as string, resolve as number),
      })),
    );
    await store.upsertIncidents('pagerduty', 'component:default/payments-api', [{ externalId: 'Q9', title: 'Latency', status: 'triggered', createdAt: at('2026-11-22', -60) }]);
    const view = await service.teamOnCall(team, mockCredentials.user());
    expect(view.services.map(s => [s.entityRef, s.ownerRef])).toEqual([['component:default/payments-api', 'group:default/payments']]);
    const times = view.services[0].responseTimes30d;
    expect([times.mtta.hours, times.mtta.sampleSize, times.mttr.hours, times.open]).toEqual([expect.closeTo(1 / 3, 10), 3, 1.5, 1]);
    expect(view.services[0].sources[0].onCall?.shifts.map(s => s.person.name)).toEqual(['Ada Okafor', 'Victor Nguyen']);
  });

  it('takes a pushed batch whole or not at all, and pages incidents newest first', async () => {
    const incident = (externalId: string, entityRef: string, createdAt: string) => ({ externalId, entityRef, title: externalId, status: 'triggered' as const, createdAt });
    await expect(
      service.acceptPush('push:ci', [incident('A', 'payments-api', '2026-11-21T10:00:00Z'), incident('B', 'component:default/nope', '2026-11-21T11:00:00Z')]),
    ).rejects.toThrow(InputError);
    expect((await service.incidents('component:default/payments-api', { limit: 10, offset: 0 })).total).toBe(0);
    await service.acceptPush('push:ci', [incident('A', 'payments-api', '2026-11-21T10:00:00Z'), incident('C', 'payments-api', '2026-11-21T12:00:00Z')]);
    const page = await service.incidents('component:default/payments-api', { limit: 1, offset: 0 });
    expect([page.total, page.items.map(i => i.externalId)]).toEqual([2, ['C']]);
  });
});
