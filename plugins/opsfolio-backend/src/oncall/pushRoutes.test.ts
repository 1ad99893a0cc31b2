import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { component } from '../testing/testBackend';
import { expectDocumentedResponse } from '../testing/openApi';
import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';

const incident = (externalId: string, over: Record<string, unknown> = {}) => ({
  entityRef: 'component:default/checkout',
  externalId,
  title: 'Checkout errors',
  status: 'triggered',
  createdAt: '2026-11-21T10:00:00Z',
  ...over,
});

describe('POST /incidents', () => {
  let backend: OpsfolioTestBackend;
  const push = (incidents: unknown[], auth = mockCredentials.service.header()) =>
    request(backend.server).post('/api/opsfolio/incidents').set('Authorization', auth).send({ incidents });
  const list = () =>
    request(backend.server).get('/api/opsfolio/entities/component/default/checkout/incidents').set('Authorization', backend.userHeader);

  beforeEach(async () => {
    backend = await startOpsfolioTestBackend({ features: [], entities: [component('checkout')] });
  });
  afterEach(async () => backend.stop());

  it('stores pushed incidents once and updates them as they change', async () => {
    const first = await push([incident('inc-1')]);
    expect(first.status).toBe(200);
    expectDocumentedResponse('POST', '/incidents', first);
    await push([incident('inc-1', { status: 'resolved', acknowledgedAt: '2026-11-21T10:05:00Z', resolvedAt: '2026-11-21T11:00:00Z' })]);
    const { body } = await list();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ status: 'resolved', acknowledgedAt: '2026-11-21T10:05:00.000Z', source: expect.stringMatching(/^push:/) });
  });

  it('rejects a bad batch whole, listing every problem, and refuses users', async () => {
    const res = await push([
      incident('ok'),
      incident('bad', { status: 'resolved', createdAt: 'noon' }),
      incident('gone', { entityRef: 'component:default/nope' }),
    ]);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('incidents.1.createdAt: must be an ISO-8601 date-time');
    expect(res.body.error.message).toContain('incidents.1.resolvedAt: a resolved incident needs resolvedAt');
    const unknown = await push([incident('ok'), incident('gone', { entityRef: 'component:default/nope' })]);
    expect(unknown.body.error.message).toContain('incidents.1.entityRef: no entity component:default/nope in the catalog');
    expect((await list()).body.total).toBe(0);
    expect((await push([incident('ok')], backend.userHeader)).status).toBe(403);
  });
});
