import type { AuditorServiceCreateEventOptions } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import request from 'supertest';
import { component, startOpsfolio } from '../testing/testBackend';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabases';

describe('audit events for every write', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startOpsfolio>>;
  const auditor = mockServices.auditor.mock();

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    server = await startOpsfolio({ db, entities: [component('checkout', { 'opsfolio.io/tier': '1' })], features: [auditor.factory] });
  });
  afterAll(async () => db.destroy());
  beforeEach(() => auditor.createEvent.mockClear());

  /** The events created since the last clear, each with how it ended. */
  async function events() {
    return Promise.all(
      (auditor.createEvent.mock.calls as Array<[AuditorServiceCreateEventOptions]>).map(async ([options], i: number) => {
        const event = await auditor.createEvent.mock.results[i].value;
        const outcome = event.success.mock.calls.length ? 'succeeded' : event.fail.mock.calls.length ? 'failed' : 'open';
        return { eventId: options.eventId, severityLevel: options.severityLevel, meta: options.meta, outcome, success: event.success.mock.calls[0]?.[0]?.meta, error: event.fail.mock.calls[0]?.[0]?.error?.message };
      }),
    );
  }

  const deployment = (externalId: string) => ({
    entityRef: 'component:default/checkout',
    environment: 'production',
    version: 'v1',
    status: 'success',
    startedAt: new Date(Date.now() - 3_600_000).toISOString(),
    finishedAt: new Date(Date.now() - 3_000_000).toISOString(),
    externalId,
  });

  it('records a push with its source and entities, and a refused push with why', async () => {
    const service = mockCredentials.service.header();
    expect((await request(server).post('/api/opsfolio/deployments').set('Authorization', service).send({ deployments: [deployment('a')] })).status).toBe(200);
    expect((await request(server).post('/api/opsfolio/deployments').set('Authorization', service).send({ deployments: [{ ...deployment('b'), url: 'javascript:x' }] })).status).toBe(400);
    const [ok, refused] = await events();
    expect(ok).toMatchObject({ eventId: 'deployments-push', severityLevel: 'medium', meta: { source: 'push:external:test-service' }, outcome: 'succeeded', success: { accepted: 1, entityRefs: ['component:default/checkout'] } });
    expect(refused).toMatchObject({ eventId: 'deployments-push', outcome: 'failed', error: expect.stringContaining('url: must be an http(s) URL') });

    const incident = { entityRef: 'component:default/checkout', externalId: 'i-1', title: 'Down', status: 'triggered', createdAt: new Date(Date.now() - 60_000).toISOString() };
    expect((await request(server).post('/api/opsfolio/incidents').set('Authorization', service).send({ incidents: [incident] })).status).toBe(200);
    expect((await events())[2]).toMatchObject({ eventId: 'incidents-push', outcome: 'succeeded', success: { accepted: 1 } });
  });

  it('records a refresh and a gate decision with the entity and the answer', async () => {
    const user = mockCredentials.user.header();
    expect((await request(server).post('/api/opsfolio/entities/component/default/checkout/scorecards/refresh').set('Authorization', user)).status).toBe(200);
    const gate = await request(server).get('/api/opsfolio/entities/component/default/checkout/scorecards/production-readiness/gate?level=bronze').set('Authorization', user);
    expect([200, 412]).toContain(gate.status);
    const [refresh, decision] = await events();
    expect(refresh).toMatchObject({ eventId: 'scorecards-refresh', meta: { entityRef: 'component:default/checkout' }, outcome: 'succeeded', success: { levels: expect.any(Object) } });
    expect(decision).toMatchObject({ eventId: 'scorecard-gate', meta: { entityRef: 'component:default/checkout', scorecardId: 'production-readiness', level: 'bronze' }, outcome: 'succeeded', success: { pass: gate.status === 200, required: 'bronze' } });
  });

  it('records nothing for an anonymous caller, who is refused before anything is read', async () => {
    expect((await request(server).post('/api/opsfolio/deployments').send({ deployments: [deployment('c')] })).status).toBe(401);
    expect(await events()).toEqual([]);
  });
});
