import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { opsfolioPlugin } from './plugin';
import { expectDocumentedResponse } from './testing/openApi';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from './testing/testDatabases';

const SUMMARY = '/entities/{kind}/{namespace}/{name}/summary';

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments-api',
      annotations: { 'github.com/project-slug': 'acme/payments-api', 'pagerduty.com/service-id': 'PPAYAPI', 'opsfolio.io/tier': '1' },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:default/team-payments' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'bare' },
    spec: { type: 'service', lifecycle: 'production', owner: 'user:default/ada' },
  },
];

describe.each(TEST_DATABASES)('opsfolio backend plugin on %s', kind => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    ({ server } = await startTestBackend({
      features: [
        opsfolioPlugin,
        mockServices.database.factory({ knex: db.knex }),
        catalogServiceMock.factory({ entities }),
        // Without this the test backend treats a request with no token as a signed-in user.
        mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
      ],
    }));
  });
  afterAll(async () => db.destroy());

  it('answers /health without a token with liveness only', async () => {
    const res = await request(server).get('/api/opsfolio/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    expectDocumentedResponse('GET', '/health', res);
    expect((await request(server).get('/api/opsfolio/health').set('Authorization', 'Bearer bogus')).status).toBe(401);
  });

  it('lists the built-in CODEOWNERS check and scorecard evaluation, and no vendor sources, to a signed-in user', async () => {
    const res = await request(server).get('/api/opsfolio/health').set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', degraded: [], sources: [
        { id: 'codeowners', pillar: 'ownership', vendor: 'scm' },
        { id: 'scorecards', pillar: 'scorecards', vendor: 'opsfolio' },
        { id: 'notifications', pillar: 'scorecards', vendor: 'backstage' },
      ],
    });
    expectDocumentedResponse('GET', '/health', res);
  });

  it('says which pillars an entity is set up for', async () => {
    const res = await request(server)
      .get('/api/opsfolio/entities/component/default/payments-api/summary')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('component:default/payments-api');
    expectDocumentedResponse('GET', SUMMARY, res);
    expect(res.body.pillars.deployments).toMatchObject({ configured: true, found: { 'github.com/project-slug': 'acme/payments-api' }, sources: [] });
    expect(res.body.pillars.oncall).toMatchObject({ configured: true, found: { 'pagerduty.com/service-id': 'PPAYAPI' } });
    expect(res.body.pillars.cost).toMatchObject({ configured: false, fix: ['opsfolio.io/cost-tag'] });
    expect(res.body.pillars.scorecards).toMatchObject({ configured: true, found: { 'opsfolio.io/tier': '1' } });
    expect(res.body.pillars.ownership.found).toEqual({ 'spec.owner': 'group:default/team-payments' });
  });

  it('names the missing annotation for an entity without any', async () => {
    const res = await request(server)
      .get('/api/opsfolio/entities/Component/default/bare/summary')
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    expect(res.body.pillars.deployments).toMatchObject({ configured: false, fix: ['github.com/project-slug', 'gitlab.com/project-slug'] });
    expect(res.body.pillars.oncall.configured).toBe(false);
  });

  it('answers 404 with a message for an unknown entity', async () => {
    const res = await request(server)
      .get('/api/opsfolio/entities/component/default/nope/summary')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(404);
    expectDocumentedResponse('GET', SUMMARY, res);
    expect(res.body.error).toMatchObject({ name: 'NotFoundError', message: 'No entity component:default/nope in the catalog' });
  });

  it('refuses an entity route without credentials', async () => {
    const res = await request(server).get('/api/opsfolio/entities/component/default/payments-api/summary');
    expect(res.status).toBe(401);
    expectDocumentedResponse('GET', SUMMARY, res);
  });

  it('created the run log table', async () => {
    expect(await db.knex.schema.hasTable('opsfolio_sync_runs')).toBe(true);
  });
});
