import { createBackendModule } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { opsfolioOnCallSourcesExtensionPoint, type OnCallSource } from '@opsfolio/backstage-plugin-node';
import request from 'supertest';
import { expectDocumentedResponse } from '../testing/openApi';
import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';

const ENTITY = '/entities/{kind}/{namespace}/{name}/ownership';
const OVERVIEW = '/overview/ownership';

const rel = (type: string, ...refs: string[]) => refs.map(targetRef => ({ type, targetRef }));
const entities: Entity[] = [
  { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'eng' }, spec: { type: 'department', children: ['payments', 'mobile'] }, relations: rel('parentOf', 'group:default/payments', 'group:default/mobile') },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments', title: 'Payments', links: [{ url: 'https://chat.example/payments', type: 'slack' }] },
    spec: { type: 'team', children: [], profile: { email: 'payments@acme.example' } },
    relations: [...rel('childOf', 'group:default/eng'), ...rel('hasMember', 'user:default/ada')],
  },
  { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'mobile' }, spec: { type: 'team', children: [] }, relations: rel('childOf', 'group:default/eng') },
  { apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: 'ada' }, spec: { profile: { displayName: 'Ada Okafor', email: 'ada@acme.example' } } },
  { apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: 'helen' }, spec: {} },
  ...[
    ['pay-api', 'payments', { 'pagerduty.com/service-id': 'PPAY' }],
    ['promo', 'team-promotions', {}],
    ['sso', 'user:helen', {}],
    ['app', 'mobile', {}],
  ].map(([name, owner, annotations]) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: name as string, annotations: annotations as Record<string, string> },
    spec: { type: 'service', owner: owner as string },
  })),
];

// Ada (payments) and Victor (not in the catalog's payments team) are on the rota of pay-api.
const source: OnCallSource = {
  id: 'pagerduty',
  vendor: 'pagerduty',
  annotations: ['pagerduty.com/service-id'],
  async readOnCall() {
    return undefined;
  },
  async sync(context) {
    await context.saveOnCall('component:default/pay-api', {
      service: { id: 'PPAY', name: 'Payments API' },
      shifts: [
        { level: 1, person: { name: 'Ada Okafor', email: 'ada@acme.example' }, end: '2099-01-01T00:00:00Z' },
        { level: 2, person: { name: 'Victor Nguyen', email: 'victor@acme.example' } },
      ],
      readAt: '2026-11-22T00:00:00Z',
    });
    return { items: 0 };
  },
};
const module = createBackendModule({
  pluginId: 'opsfolio',
  moduleId: 'fake-oncall',
  register(env) {
    env.registerInit({ deps: { oncall: opsfolioOnCallSourcesExtensionPoint }, async init({ oncall }) { oncall.addOnCallSource(source); } });
  },
});

describe('ownership routes', () => {
  let backend: OpsfolioTestBackend;
  const get = (path: string) => request(backend.server).get(`/api/opsfolio${path}`).set('Authorization', backend.userHeader);

  beforeAll(async () => {
    backend = await startOpsfolioTestBackend({ features: [module], entities });
    await backend.runSync('pagerduty');
  });
  afterAll(async () => backend.stop());

  it('gives the owner with members, parents and contact, who is on call now, and the rota drift', async () => {
    const res = await get('/entities/component/default/pay-api/ownership');
    expect(res.status).toBe(200);
    expectDocumentedResponse('GET', ENTITY, res);
    expect(res.body).toMatchObject({
      ownerRef: 'group:default/payments',
      ownerTitle: 'Payments',
      memberCount: 1,
      parentChain: [{ ref: 'group:default/eng' }],
      contact: { email: 'payments@acme.example', links: [{ url: 'https://chat.example/payments', type: 'slack' }] },
      onCallNow: [{ name: 'Ada Okafor', source: 'pagerduty', until: '2099-01-01T00:00:00Z' }],
    });
    expect(res.body.problems).toEqual([expect.objectContaining({ kind: 'oncall-drift', message: 'On its rota but not in Payments: Victor Nguyen.' })]);
  });

  it('lists every planted problem once, by kind and by team, with filters and as CSV', async () => {
    const res = await get('/overview/ownership');
    expect(res.status).toBe(200);
    expectDocumentedResponse('GET', OVERVIEW, res);
    expect(res.body.problems.map((p: any) => [p.problem.kind, p.entityRef])).toEqual([
      ['oncall-drift', 'component:default/pay-api'],
      ['owned-by-user', 'component:default/sso'],
      ['owner-missing', 'component:default/promo'],
      ['team-without-members', 'component:default/app'],
      ['team-without-members', 'group:default/mobile'],
    ]);
    expect(res.body.counts).toMatchObject({ 'no-owner': 0, 'owner-missing': 1, 'owned-by-user': 1, 'team-without-members': 2, 'oncall-drift': 1 });
    expect(res.body.byTeam.find((t: any) => t.ownerRef === 'group:default/payments')).toMatchObject({ entities: 1, problems: 1 });

    const missing = await get('/overview/ownership?problem=owner-missing');
    expect(missing.body.problems.map((p: any) => p.entityRef)).toEqual(['component:default/promo']);
    const mobile = await get('/overview/ownership?owner=group:default/mobile');
    expect(mobile.body.problems.map((p: any) => p.entityRef)).toEqual(['component:default/app', 'group:default/mobile']);

    const csv = await get('/overview/ownership?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('entity,kind,title,owner,problem,message,fix');
    expect(lines).toHaveLength(6);
    expect(lines).toContain(
      'component:default/promo,component,,group:default/team-promotions,owner-missing,Its owner group:default/team-promotions does not exist in the catalog.,"Point spec.owner at an existing group, or add that group to the catalog."',
    );
  });

  it('says what is wrong with a bad query or an entity it does not check', async () => {
    const bad = await get('/overview/ownership?problem=lonely');
    expect(bad.status).toBe(400);
    expectDocumentedResponse('GET', OVERVIEW, bad);
    expect(bad.body.error.message).toContain('problem');
    expect((await get('/entities/user/default/ada/ownership')).status).toBe(404);
    expect((await get('/entities/component/default/nope/ownership')).status).toBe(404);
  });
});
