import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult, type Permission } from '@backstage/plugin-permission-common';
import { opsfolioCostReadPermission, opsfolioExemptionsReadPermission } from '@opsfolio/backstage-plugin-common';
import request from 'supertest';
import { component, startOpsfolio } from '../testing/testBackend';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabases';

const user = mockCredentials.user.header();

/** A policy that denies one permission and allows the rest. */
const denying = (denied: Permission) => {
  const decide = (permission: Permission) => ({ result: permission.name === denied.name ? AuthorizeResult.DENY : AuthorizeResult.ALLOW });
  return mockServices.permissions.mock({
    authorize: async requests => requests.map(r => decide(r.permission)) as any,
    authorizeConditional: async requests => requests.map(r => decide(r.permission)) as any,
  }).factory;
};

describe.each([
  {
    permission: opsfolioCostReadPermission,
    refused: ['/entities/component/default/checkout/cost', '/overview/cost', '/overview/cost?format=csv'],
    served: ['/overview/exemptions', '/overview/scorecards', '/overview/ownership'],
  },
  {
    permission: opsfolioExemptionsReadPermission,
    refused: ['/overview/exemptions', '/overview/exemptions?format=csv'],
    served: ['/entities/component/default/checkout/cost', '/overview/cost', '/overview/scorecards'],
  },
])('a policy that denies $permission.name', ({ permission, refused, served }) => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startOpsfolio>>;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    server = await startOpsfolio({ db, entities: [component('checkout')], features: [denying(permission)] });
  });
  afterAll(async () => db.destroy());

  it('refuses what the permission guards, naming it, and serves the rest', async () => {
    for (const path of refused) {
      const res = await request(server).get(`/api/opsfolio${path}`).set('Authorization', user);
      expect(res.status, path).toBe(403);
      expect(res.body.error.message, path).toBe(`Not allowed: ${permission.name}`);
    }
    for (const path of served) expect((await request(server).get(`/api/opsfolio${path}`).set('Authorization', user)).status, path).toBe(200);
  });
});

describe('a policy that denies catalog.entity.read', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startOpsfolio>>;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    server = await startOpsfolio({ db, entities: [component('checkout', {}, 'user:default/ann')], features: [denying(catalogEntityReadPermission)] });
  });
  afterAll(async () => db.destroy());

  it('shows the organisation-wide views empty', async () => {
    const get = async (path: string) => (await request(server).get(`/api/opsfolio${path}`).set('Authorization', user)).body;
    expect((await get('/overview/ownership')).problems).toEqual([]);
    expect((await get('/overview/scorecards')).entities).toEqual([]);
    expect((await get('/overview/exemptions')).exemptions).toEqual([]);
    expect((await get('/overview/cost')).rows.filter((r: { key: string }) => r.key !== '')).toEqual([]);
  });
});
