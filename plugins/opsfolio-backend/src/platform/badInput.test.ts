import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { expectDocumentedResponse } from '../testing/openApi';
import { component, startOpsfolio } from '../testing/testBackend';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/testDatabases';

const service = mockCredentials.service.header();
const user = mockCredentials.user.header();
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

const deployment = (externalId: string, over: Record<string, unknown> = {}) => ({
  entityRef: 'component:default/checkout',
  environment: 'production',
  version: 'v1',
  status: 'success',
  startedAt: hoursAgo(3),
  finishedAt: hoursAgo(2.9),
  externalId,
  ...over,
});
const incident = (externalId: string, over: Record<string, unknown> = {}) => ({
  entityRef: 'component:default/checkout',
  externalId,
  title: 'Checkout errors',
  status: 'triggered',
  createdAt: hoursAgo(5),
  ...over,
});

describe.each(TEST_DATABASES)('bad input on %s: a 400 that names the value, and nothing stored', kind => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startOpsfolio>>;
  beforeEach(async () => {
    db = await createTestDatabase(kind);
    server = await startOpsfolio({
      db,
      entities: [component('checkout'), { apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: 'ann' }, spec: {} }],
    });
  });
  afterEach(async () => db.destroy());

  const get = (path: string) => request(server).get(`/api/opsfolio${path}`).set('Authorization', user);
  const pushDeployments = (deployments: unknown[]) =>
    request(server).post('/api/opsfolio/deployments').set('Authorization', service).send({ deployments });
  const pushIncidents = (incidents: unknown[]) =>
    request(server).post('/api/opsfolio/incidents').set('Authorization', service).send({ incidents });
  const stored = async () => ({
    deployments: (await get('/entities/component/default/checkout/deployments')).body.total,
    incidents: (await get('/entities/component/default/checkout/incidents')).body.total,
  });

  it('refuses dates that are not calendar days in cost queries', async () => {
    for (const day of ['2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32', '2026-02-30']) {
      const res = await get(`/entities/component/default/checkout/cost?from=${day}`);
      expect(res.status, day).toBe(400);
      expect(res.body.error.message).toContain('from: must be a day, YYYY-MM-DD');
      expectDocumentedResponse('GET', '/entities/{kind}/{namespace}/{name}/cost', res);
    }
  });

  it('refuses an entity the catalog could never hold, naming the part of the path', async () => {
    const cases: Array<[string, string]> = [
      ['/entities/a%2Fb/default/checkout/summary', 'kind:'],
      ['/entities/component/default/-bad-/deployments', 'name:'],
      [`/entities/component/default/${'x'.repeat(64)}/ownership`, 'name:'],
      ['/entities/component/na%20me/checkout/oncall', 'namespace:'],
      ['/entities/com%00ponent/default/checkout/scorecards/production-readiness/gate', 'kind:'],
      ['/groups/default/a%2Fb/portfolio', 'name:'],
    ];
    for (const [path, part] of cases) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.message, path).toContain(part);
    }
  });

  it('reads whole numbers in queries as digits only', async () => {
    for (const query of ['limit[]=1', 'offset[]=1', 'offset=', 'limit=1e1', 'limit=%201', 'limit=0x10', 'limit=2.5']) {
      const res = await get(`/entities/component/default/checkout/deployments?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.message, query).toMatch(/^(limit|offset)/);
    }
    expect((await get('/entities/component/default/checkout/deployments?limit=10&offset=0')).status).toBe(200);
  });

  it('refuses control characters in text filters on both databases', async () => {
    const res = await get('/entities/component/default/checkout/deployments?environment=prod%00uction');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('environment: must not contain control characters');
  });

  it('holds pushed deployments to the documented bounds, with one error per bad value', async () => {
    const res = await pushDeployments([
      deployment('ok'),
      deployment('js', { url: 'javascript:alert(1)' }),
      deployment('data', { url: 'data:text/html,<script>alert(1)</script>' }),
      deployment('file', { url: 'file:///etc/passwd' }),
      deployment('future', { startedAt: '9999-01-01T00:00:00Z', finishedAt: undefined, status: 'in_progress' }),
      deployment('ancient', { startedAt: '1999-01-01T00:00:00Z', finishedAt: '1999-01-01T00:10:00Z' }),
      deployment('nul', { version: 'v1\u0000' }),
      deployment('newline', { environment: 'prod\nuction' }),
      deployment('blank', { environment: '   ' }),
      deployment('user', { entityRef: 'user:default/ann' }),
      deployment('long', { actor: 'a'.repeat(256) }),
      deployment('bad-start', { startedAt: 'yesterday' }),
      deployment('running-finished', { status: 'in_progress' }),
    ]);
    expect(res.status).toBe(400);
    expectDocumentedResponse('POST', '/deployments', res);
    const message: string = res.body.error.message;
    const expected: Array<[number, string]> = [
      [1, 'url: must be an http(s) URL'],
      [2, 'url: must be an http(s) URL'],
      [3, 'url: must be an http(s) URL'],
      [4, 'startedAt: must lie between 5 years ago and 1 hour from now'],
      [5, 'startedAt: must lie between 5 years ago and 1 hour from now'],
      [6, 'version: must be one line without control characters'],
      [7, 'environment: must be one line without control characters'],
      [8, 'environment: must not be blank'],
      [9, 'entityRef: kind user cannot deploy or have incidents'],
      [10, 'actor: Too big'],
      [11, 'startedAt: must be an ISO-8601 date-time'],
      [12, 'finishedAt: a pending or in_progress deployment has no finishedAt'],
    ];
    for (const [i, text] of expected) expect(message, `deployments.${i}`).toContain(`deployments.${i}.${text}`);
    // A bad startedAt is one error, not also "finishedAt is before startedAt".
    expect(message).not.toContain('deployments.11.finishedAt');
    expect(message).not.toContain('deployments.0.');
    expect(await stored()).toMatchObject({ deployments: 0 });
  });

  it('holds pushed incidents to the documented bounds', async () => {
    const res = await pushIncidents([
      incident('ok'),
      incident('early', { status: 'resolved', resolvedAt: hoursAgo(6) }),
      incident('open-resolved', { status: 'triggered', resolvedAt: hoursAgo(1) }),
      incident('js', { url: 'javascript:alert(1)' }),
      incident('title', { title: 'two\nlines' }),
      incident('location', { entityRef: 'location:default/here' }),
      incident('future', { createdAt: '9999-12-31T00:00:00Z' }),
      incident('ack-after-resolve', { status: 'resolved', acknowledgedAt: hoursAgo(1), resolvedAt: hoursAgo(2) }),
    ]);
    expect(res.status).toBe(400);
    const message: string = res.body.error.message;
    const expected: Array<[number, string]> = [
      [1, 'resolvedAt: resolvedAt is before createdAt'],
      [2, 'resolvedAt: an incident that is not resolved has no resolvedAt'],
      [3, 'url: must be an http(s) URL'],
      [4, 'title: must be one line without control characters'],
      [5, 'entityRef: kind location cannot deploy or have incidents'],
      [6, 'createdAt: must lie between 5 years ago and 1 hour from now'],
      [7, 'resolvedAt: resolvedAt is before acknowledgedAt'],
    ];
    for (const [i, text] of expected) expect(message, `incidents.${i}`).toContain(`incidents.${i}.${text}`);
    expect(message).not.toContain('incidents.0.');
    expect(await stored()).toMatchObject({ incidents: 0 });
  });

  it('says what to send when the body is not JSON', async () => {
    const text = await request(server).post('/api/opsfolio/deployments').set('Authorization', service).set('Content-Type', 'text/plain').send('{"deployments":[]}');
    expect(text.status).toBe(415);
    expect(text.body.error.message).toContain('Content-Type: application/json');
    const broken = await request(server).post('/api/opsfolio/incidents').set('Authorization', service).set('Content-Type', 'application/json').send('{"incidents": [');
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/^The body is not valid JSON/);
    const latin1 = await request(server)
      .post('/api/opsfolio/deployments')
      .set('Authorization', service)
      .set('Content-Type', 'application/json; charset=latin1')
      .send('{"deployments":[]}');
    expect(latin1.status).toBe(415);
    expect(latin1.body.error.message).toContain('UTF-8');
    // Authentication comes first: an anonymous caller learns nothing about the body's rules.
    expect((await request(server).post('/api/opsfolio/deployments').set('Content-Type', 'text/plain').send('x')).status).toBe(401);
  });

  it('never replaces a known value with a missing one when a later report leaves it out', async () => {
    const full = deployment('run-1', {
      commitSha: 'abc1234',
      url: 'https://ci.example.com/run/1',
      actor: 'ann',
      incidentId: 'PD-42',
      commitTimestamps: [hoursAgo(30), hoursAgo(20), hoursAgo(10)],
    });
    expect((await pushDeployments([full])).status).toBe(200);
    const late = { ...deployment('run-1', { status: 'in_progress', finishedAt: undefined }) };
    expect((await pushDeployments([late])).status).toBe(200);
    const [item] = (await get('/entities/component/default/checkout/deployments')).body.items;
    expect(item).toMatchObject({ status: 'success', commitSha: 'abc1234', url: 'https://ci.example.com/run/1', actor: 'ann', incidentId: 'PD-42' });
    expect(item.commitTimestamps).toHaveLength(3);
    // Lead time still counts the three commits: 30, 20 and 10 h old, shipped 2.9 h ago: median 20 - 2.9 = 17.1 h.
    const { leadTime } = (await get('/entities/component/default/checkout/dora')).body.figures;
    expect(leadTime.value).toBeCloseTo(17.1, 2);

    // Rework rate: two earlier deploys, neither naming an incident → 1 of 3 (run-1 names PD-42); no DORA 2024 band.
    await pushDeployments([
      deployment('run-2', { version: 'v0', startedAt: hoursAgo(50), finishedAt: hoursAgo(49.9) }),
      deployment('run-3', { version: 'v0.5', startedAt: hoursAgo(40), finishedAt: hoursAgo(39.9) }),
    ]);
    const named = (await get('/entities/component/default/checkout/dora')).body;
    expect(named).toMatchObject({ thresholdsSource: 'DORA 2024', unbanded: ['reworkRate'] });
    expect(named.figures.reworkRate).toMatchObject({ value: 1 / 3, sampleSize: 3 });
    expect(named.figures.reworkRate.band).toBeUndefined();
    // An incident that started 41 h ago: run-3 started 1 h later → rework too, 2 of 3.
    await pushIncidents([incident('inc-0', { createdAt: hoursAgo(41) })]);
    const after = (await get('/entities/component/default/checkout/dora')).body.figures.reworkRate;
    expect(after.value).toBeCloseTo(2 / 3, 10);
    expect(after.explanation).toMatch(/^2 of 3 finished production deploys were made for an incident: 1 named one, 1 started within 24 h/);

    await pushIncidents([incident('inc-1', { status: 'resolved', urgency: 'high', acknowledgedAt: hoursAgo(4), resolvedAt: hoursAgo(3), url: 'https://pd.example.com/1' })]);
    await pushIncidents([incident('inc-1', { status: 'acknowledged' })]);
    const [inc] = (await get('/entities/component/default/checkout/incidents')).body.items;
    expect(inc).toMatchObject({ status: 'resolved', urgency: 'high', url: 'https://pd.example.com/1' });
    expect(Date.parse(inc.resolvedAt)).toBeGreaterThan(0);
  });
});
