import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { DatabaseOnCallStore } from '../oncall/DatabaseOnCallStore';
import { expectDocumentedResponse } from '../testing/openApi';
import { component, startOpsfolio } from '../testing/testBackend';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/testDatabases';
import { HOUR_MS } from '@opsfolio/backstage-plugin-common';

const service = mockCredentials.service.header();
const user = mockCredentials.user.header();
const PUSH = '/api/opsfolio/deployments';
const LIST = '/api/opsfolio/entities/component/default/checkout/deployments';

const event = (externalId: string, over: Record<string, unknown> = {}) => ({
  entityRef: 'component:default/checkout',
  environment: 'production',
  version: 'v1',
  status: 'success',
  startedAt: '2026-11-20T10:00:00Z',
  finishedAt: '2026-11-20T10:05:00Z',
  externalId,
  ...over,
});

describe.each(TEST_DATABASES)('deployments API on %s', kind => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startOpsfolio>>;

  beforeEach(async () => {
    db = await createTestDatabase(kind);
    server = await startOpsfolio({ db, entities: [component('checkout'), component('search')] });
  });
  afterEach(async () => db.destroy());

  const push = (deployments: unknown[], auth = service) =>
    request(server).post(PUSH).set('Authorization', auth).send({ deployments });
  const list = (query = '') => request(server).get(`${LIST}${query}`).set('Authorization', user);

  it('stores a pushed batch once, however often it is sent', async () => {
    const batch = [event('run-1'), event('run-2', { version: 'v2', startedAt: '2026-11-20T11:00:00Z', finishedAt: undefined, status: 'in_progress' })];
    const first = await push(batch);
    expect(first.status).toBe(200);
    expectDocumentedResponse('POST', '/deployments', first);
    expect(first.body).toEqual({ accepted: 2, source: expect.stringMatching(/^push:/) });
    await push(batch);
    const res = await list();
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((d: any) => d.externalId)).toEqual(['run-2', 'run-1']);
    expectDocumentedResponse('GET', '/entities/{kind}/{namespace}/{name}/deployments', res);
  });

  it('counts deployments pushed for an entity without annotations as its deploy source', async () => {
    const summary = () =>
      request(server).get('/api/opsfolio/entities/component/default/checkout/summary').set('Authorization', user);
    expect((await summary()).body.pillars.deployments.configured).toBe(false);
    await push([event('run-1')]);
    const after = (await summary()).body.pillars.deployments;
    expect(after.configured).toBe(true);
    expect(after.found).toEqual({ 'data from': expect.stringMatching(/^push:/) });
  });

  it('updates a deployment when a later status arrives, and never turns a finished one back into running', async () => {
    await push([event('run-2', { status: 'in_progress', finishedAt: undefined })]);
    await push([event('run-2', { status: 'failure', finishedAt: '2026-11-20T10:09:00Z' })]);
    await push([event('run-2', { status: 'in_progress', finishedAt: undefined })]);
    const [stored] = (await list()).body.items;
    expect(stored).toMatchObject({ status: 'failure', finishedAt: '2026-11-20T10:09:00.000Z' });
  });

  it('rejects a bad batch whole, listing every problem', async () => {
    const res = await push([
      event('ok-1'),
      event('bad-1', { status: 'done', startedAt: 'yesterday' }),
      event('bad-2', { entityRef: 'component:default/nope' }),
      event('ok-1'),
    ]);
    expect(res.status).toBe(400);
    expectDocumentedResponse('POST', '/deployments', res);
    const message: string = res.body.error.message;
    expect(message).toContain('deployments.1.status');
    expect(message).toContain('deployments.1.startedAt: must be an ISO-8601 date-time');
    expect((await list()).body.total).toBe(0);

    const unknown = await push([event('ok-1'), event('bad-2', { entityRef: 'component:default/nope' }), event('ok-1')]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('deployments.1.entityRef: no entity component:default/nope in the catalog');
    expect(unknown.body.error.message).toContain('deployments.2.externalId: repeats deployments.0.externalId');
    expect((await list()).body.total).toBe(0);
  });

  it('accepts pushes from services only', async () => {
    expect((await push([event('run-1')], user)).status).toBe(403);
    expect((await request(server).post(PUSH).send({ deployments: [event('run-1')] })).status).toBe(401);
  });

  it('marks a redeploy of an older version after a newer one as a rollback', async () => {
    await push([
      event('d1', { version: 'v1', startedAt: '2026-11-18T10:00:00Z', finishedAt: '2026-11-18T10:05:00Z' }),
      event('d2', { version: 'v2', startedAt: '2026-11-19T10:00:00Z', finishedAt: '2026-11-19T10:05:00Z' }),
      event('s1', { version: 'v1', environment: 'staging', startedAt: '2026-11-19T12:00:00Z', finishedAt: '2026-11-19T12:05:00Z' }),
    ]);
    await push([event('d3', { version: 'v1', startedAt: '2026-11-20T10:00:00Z', finishedAt: '2026-11-20T10:05:00Z' })]);
    const items = (await list()).body.items;
    expect(Object.fromEntries(items.map((d: any) => [d.externalId, d.rollback]))).toEqual({ d1: false, d2: false, s1: false, d3: true });
  });

  it('filters and pages the history, and says what runs where', async () => {
    await push([
      event('p1', { version: 'v1', startedAt: '2026-11-18T10:00:00Z', finishedAt: '2026-11-18T10:05:00Z' }),
      event('p2', { version: 'v2', startedAt: '2026-11-19T10:00:00Z', finishedAt: '2026-11-19T10:05:00Z', status: 'failure' }),
      event('s1', { version: 'v3', environment: 'staging', startedAt: '2026-11-19T12:00:00Z', finishedAt: '2026-11-19T12:05:00Z' }),
    ]);
    const production = await list('?environment=production&limit=1&offset=1');
    expect(production.body).toMatchObject({ total: 2, limit: 1, offset: 1, items: [{ externalId: 'p1' }] });
    expect((await list('?status=failure')).body.items.map((d: any) => d.externalId)).toEqual(['p2']);

    const current = await request(server).get(`${LIST}/current`).set('Authorization', user);
    expectDocumentedResponse('GET', '/entities/{kind}/{namespace}/{name}/deployments/current', current);
    expect(current.body.environments).toEqual([
      expect.objectContaining({ environment: 'production', latest: expect.objectContaining({ externalId: 'p2' }), running: expect.objectContaining({ version: 'v1' }) }),
      expect.objectContaining({ environment: 'staging', running: expect.objectContaining({ version: 'v3' }) }),
    ]);
    expect(current.body.lastDeployment.externalId).toBe('s1');

    const weekly = await request(server).get(`${LIST}/weekly?weeks=2`).set('Authorization', user);
    expectDocumentedResponse('GET', '/entities/{kind}/{namespace}/{name}/deployments/weekly', weekly);
    expect(weekly.body.weeks).toHaveLength(2);
  });

  it('counts a production deploy followed by an incident as a failed change', async () => {
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR_MS).toISOString();
    await push([
      event('c1', { version: 'v1', startedAt: at(50), finishedAt: at(49.9) }),
      event('c2', { version: 'v2', startedAt: at(30), finishedAt: at(29.9) }),
      event('c3', { version: 'v3', startedAt: at(10), finishedAt: at(9.9) }),
    ]);
    const cfr = async () =>
      (await request(server).get('/api/opsfolio/entities/component/default/checkout/dora').set('Authorization', user)).body
        .figures.changeFailureRate;
    expect(await cfr()).toMatchObject({ value: 0, sampleSize: 3 });
    // An incident 2 hours after c2 finished, within the 24-hour window and before c3.
    await new DatabaseOnCallStore(db.knex).upsertIncidents('pagerduty', 'component:default/checkout', [
      { externalId: 'Q1', title: 'Errors after deploy', status: 'resolved', createdAt: at(27.9), resolvedAt: at(27) },
    ]);
    // 1 of 3 finished production deploys was followed by an incident: 1/3.
    expect((await cfr()).value).toBeCloseTo(1 / 3, 5);
  });

  it('rejects bad query parameters with what is wrong', async () => {
    const res = await list('?limit=500&status=done');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/limit: .*100/);
    expect(res.body.error.message).toMatch(/status: /);
    const dora = await request(server).get('/api/opsfolio/entities/component/default/checkout/dora?window=abc').set('Authorization', user);
    expect(dora.status).toBe(400);
    expect(dora.body.error.message).toContain('window: must be a number of days such as 30d');
  });

  it('computes DORA figures from stored history, and 404s for an unknown entity', async () => {
    const res = await request(server).get('/api/opsfolio/entities/component/default/search/dora?window=7d').set('Authorization', user);
    expect(res.status).toBe(200);
    expectDocumentedResponse('GET', '/entities/{kind}/{namespace}/{name}/dora', res);
    expect(res.body.window.days).toBe(7);
    expect(res.body.figures.deploymentFrequency).toMatchObject({ value: null, enoughData: false });
    const staging = await request(server).get('/api/opsfolio/entities/component/default/search/dora?environment=staging').set('Authorization', user);
    expect(staging.body.environments).toEqual(['staging']);
    const missing = await request(server).get('/api/opsfolio/entities/component/default/nope/dora').set('Authorization', user);
    expect(missing.status).toBe(404);
  });
});
