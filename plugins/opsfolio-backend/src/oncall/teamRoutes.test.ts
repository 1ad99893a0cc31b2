import { createBackendModule } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { opsfolioOnCallSourcesExtensionPoint, type OnCallSource } from '@opsfolio/backstage-plugin-node';
import request from 'supertest';
import { expectDocumentedResponse } from '../testing/openApi';
import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';
import { HOUR_MS } from '@opsfolio/backstage-plugin-common';

const TEAM = '/groups/{namespace}/{name}/oncall';

// The in-memory catalog does not compute relations: they are written out as the catalog would.
const owned = (kind: string, name: string, owner: string, annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, annotations },
  spec: { type: 'service', owner },
  relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
});
const group = (name: string, extra: { parent?: string; children?: string[]; members?: string[] }): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name },
  spec: { type: 'team', children: extra.children ?? [] },
  relations: [
    ...(extra.children ?? []).map(c => ({ type: 'parentOf', targetRef: `group:default/${c}` })),
    ...(extra.parent ? [{ type: 'childOf', targetRef: `group:default/${extra.parent}` }] : []),
    ...(extra.members ?? []).map(m => ({ type: 'hasMember', targetRef: `user:default/${m}` })),
  ],
});
const user = (name: string, displayName: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name },
  spec: { profile: { displayName, email: `${name}@acme.example` } },
});

const entities: Entity[] = [
  group('commerce', { children: ['payments'], members: ['cho.lee'] }),
  group('payments', { parent: 'commerce', members: ['ada.okafor'] }),
  group('search', { members: ['sam.ruiz'] }),
  user('ada.okafor', 'Ada Okafor'),
  user('cho.lee', 'Cho Lee'),
  user('sam.ruiz', 'Sam Ruiz'),
  owned('Component', 'payments-api', 'payments', { 'pagerduty.com/service-id': 'PPAYAPI' }),
  owned('Component', 'refunds', 'payments', { 'pagerduty.com/service-id': 'PREFUND' }),
  // Owned by the parent group itself, not mapped: listed, as an unmapped service is what a manager must see.
  owned('Component', 'ledger', 'commerce'),
  // Not a component and not mapped: left out.
  owned('Resource', 'orders-db', 'payments'),
  owned('Component', 'search-api', 'search', { 'pagerduty.com/service-id': 'PSEARCH' }),
];

/** Ada is on call for payments-api with Victor (not in the team) behind her; PREFUND's vendor is down. */
function fakeSource(reads: string[]): OnCallSource {
  return {
    id: 'pagerduty',
    vendor: 'pagerduty',
    annotations: ['pagerduty.com/service-id'],
    async readOnCall(entity) {
      const id = entity.annotations['pagerduty.com/service-id'];
      reads.push(id);
      if (id === 'PREFUND') throw new Error('pagerduty GET /services/PREFUND failed after 4 attempts: 502 Bad Gateway');
      return {
        service: { id, name: id },
        escalationPolicy: { id: 'PEP1', name: 'Payments', levels: 2 },
        shifts: [
          { level: 1, person: { name: 'Ada Okafor', email: 'ada.okafor@acme.example' }, start: '2026-11-20T09:00:00Z', end: '2099-01-01T00:00:00Z' },
          { level: 2, person: { name: 'Victor Nguyen', email: 'victor.nguyen@acme.example' } },
        ],
        schedules: [{ id: 'S1', name: 'Primary', entries: [{ start: '2026-11-20T09:00:00Z', end: '2099-01-01T00:00:00Z' }] }],
        readAt: new Date().toISOString(),
      };
    },
    async sync(context) {
      const at = Date.now();
      await context.saveIncidents('component:default/payments-api', [
        { externalId: 'Q1', title: 'Card auth errors', status: 'triggered', createdAt: new Date(at - HOUR_MS).toISOString() },
      ]);
      return { items: 1 };
    },
  };
}

describe('team on-call route', () => {
  let backend: OpsfolioTestBackend;
  let reads: string[];
  const get = (path: string) => request(backend.server).get(`/api/opsfolio${path}`).set('Authorization', backend.userHeader);

  beforeEach(async () => {
    reads = [];
    const module = createBackendModule({
      pluginId: 'opsfolio',
      moduleId: 'fake-oncall',
      register(env) {
        env.registerInit({
          deps: { oncall: opsfolioOnCallSourcesExtensionPoint },
          async init({ oncall }) {
            oncall.addOnCallSource(fakeSource(reads));
          },
        });
      },
    });
    backend = await startOpsfolioTestBackend({ features: [module], entities });
  });
  afterEach(async () => backend.stop());

  it("lists the services of the team and its sub-teams with who is on call for each, drift and open incidents", async () => {
    await backend.runSync('pagerduty');
    const res = await get('/groups/default/commerce/oncall');
    expect(res.status).toBe(200);
    expectDocumentedResponse('GET', TEAM, res);
    expect(res.body.groupRefs).toEqual(['group:default/commerce', 'group:default/payments']);
    expect(res.body.services.map((s: any) => [s.entityRef, s.ownerRef])).toEqual([
      ['component:default/ledger', 'group:default/commerce'],
      ['component:default/payments-api', 'group:default/payments'],
      ['component:default/refunds', 'group:default/payments'],
    ]);
    const [ledger, payments, refunds] = res.body.services;
    expect(ledger.sources).toEqual([]);
    expect(payments.sources[0]).toMatchObject({ source: 'pagerduty', stale: false, escalation: { levels: 2, emptyLevels: [] } });
    expect(payments.sources[0].onCall.shifts.map((s: any) => s.person.name)).toEqual(['Ada Okafor', 'Victor Nguyen']);
    // Schedule entries stay out of the team view; their gaps do not.
    expect(payments.sources[0].onCall.schedules).toBeUndefined();
    expect(payments.sources[0].coverage[0]).toMatchObject({ scheduleName: 'Primary', gaps: [] });
    // Drift is against the service's own team (payments), not the parent.
    expect(payments.drift).toMatchObject({ ownerOnRota: true, outsiders: [{ name: 'Victor Nguyen' }] });
    expect(payments.responseTimes30d.open).toBe(1);
    // A vendor failure with nothing stored is that service's error, not the page's.
    expect(refunds.sources[0]).toMatchObject({ stale: true, error: expect.stringContaining('502 Bad Gateway') });
    expect(refunds.sources[0].onCall).toBeUndefined();
    expect(reads.sort()).toEqual(['PPAYAPI', 'PREFUND']);
  });

  it('answers 404 for an unknown group and for an entity that is not a group', async () => {
    const unknown = await get('/groups/default/nobody/oncall');
    expect(unknown.status).toBe(404);
    expectDocumentedResponse('GET', TEAM, unknown);
    expect(unknown.body.error.message).toContain('group:default/nobody');
    expect((await get('/groups/default/payments-api/oncall')).status).toBe(404);
  });

  it('refuses a token Backstage did not issue', async () => {
    const res = await request(backend.server).get('/api/opsfolio/groups/default/commerce/oncall').set('Authorization', 'Bearer forged');
    expect(res.status).toBe(401);
  });
});
