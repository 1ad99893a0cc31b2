import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { oncallDirectory } from '../../data/oncall';
import { parseScenario } from '../../scenario/load';
import { createSimulator } from '../../server';
import { oncallScenario, ONCALL_SCENARIO_YAML, TEST_NOW } from '../../testing/fixtures';

const scenario = oncallScenario();
const HOST = 'sim.test:7081';
const app = () => createSimulator({ scenario, now: () => TEST_NOW });
const get = (simulator: ReturnType<typeof app>, path: string) =>
  request(simulator).get(`/pagerduty${path}`).set('Host', HOST).set('Authorization', 'Token token=test-key');
const directory = oncallDirectory(scenario);
const service = (component: string) => directory.pagerduty.services.find((s) => s.component === component)!;

describe('PagerDuty services', () => {
  it('answers GET /services/{id} in PagerDuty shape, references pointing back at the simulator', async () => {
    const res = await get(app(), '/services/PPAYAPI').expect(200).expect('Content-Type', /json/);
    const s = res.body.service;
    expect(s).toMatchObject({
      id: 'PPAYAPI',
      type: 'service',
      name: 'payments-api',
      summary: 'payments-api',
      self: `http://${HOST}/pagerduty/services/PPAYAPI`,
      html_url: 'https://acme.pagerduty.com/service-directory/PPAYAPI',
      status: expect.stringMatching(/^(active|warning|critical)$/),
      escalation_policy: { id: service('payments-api').policy.id, type: 'escalation_policy_reference' },
      teams: [],
    });
    expect(s.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(s.escalation_policy.escalation_rules).toBeUndefined();
    expect(s.integrations[0]).toMatchObject({ type: 'events_api_v2_inbound_integration_reference' });
    expect(s.integrations[0].integration_key).toBeUndefined();
  });

  it('expands escalation_policies and integrations with include[]', async () => {
    const res = await get(app(), '/services/PPAYAPI?include[]=escalation_policies&include[]=integrations').expect(200);
    const { escalation_policy: policy, integrations } = res.body.service;
    expect(policy).toMatchObject({ type: 'escalation_policy', name: 'payments-api escalation', num_loops: 1 });
    expect(policy.escalation_rules.map((r: any) => r.targets.map((t: any) => t.type))).toEqual([
      ['schedule_reference'],
      ['schedule_reference'],
      ['user_reference'],
    ]);
    expect(integrations[0]).toMatchObject({
      type: 'events_api_v2_inbound_integration',
      integration_key: expect.stringMatching(/^[0-9a-f]{32}$/),
      service: { id: 'PPAYAPI' },
    });
  });

  it('lists services with classic pagination; query matches names only', async () => {
    const simulator = app();
    const all = await get(simulator, '/services?total=true').expect(200);
    expect(all.body).toMatchObject({ limit: 25, offset: 0, more: false, total: 4 });
    expect(all.body.services.map((s: any) => s.name)).toEqual(['busy-service', 'gap-service', 'payments-api', 'solo-service']);
    const page = await get(simulator, '/services?limit=3&offset=3').expect(200);
    expect(page.body).toMatchObject({ limit: 3, offset: 3, more: false, total: null });
    expect(page.body.services.map((s: any) => s.id)).toEqual(['PSOLO01']);
    expect((await get(simulator, '/services?limit=3').expect(200)).body.more).toBe(true);
    expect((await get(simulator, '/services?query=PAY').expect(200)).body.services.map((s: any) => s.id)).toEqual(['PPAYAPI']);
    // Not a way to find a service by integration key: PagerDuty's query is a name filter.
    const byKey = await get(simulator, '/services?query=0123456789abcdef0123456789abcdef').expect(200);
    expect(byKey.body.services).toEqual([]);
    expect((await get(simulator, '/services?sort_by=name:desc&limit=1').expect(200)).body.services[0].id).toBe('PSOLO01');
    expect((await get(simulator, '/services?sort_by=id').expect(400)).body.error.code).toBe(2001);
  });

  it('finds a service by integration key by listing every page with include[]=integrations', async () => {
    const simulator = app();
    const key = '0123456789abcdef0123456789abcdef';
    let found: string | undefined;
    let requests = 0;
    for (let offset = 0, more = true; more && !found; ) {
      const res = await get(simulator, `/services?include[]=integrations&limit=2&offset=${offset}`).expect(200);
      requests++;
      for (const s of res.body.services) {
        if (s.integrations.some((i: any) => i.integration_key === key)) found = s.id;
      }
      ({ more } = res.body);
      offset += res.body.limit;
    }
    expect(found).toBe('PBUSY01');
    expect(requests).toBe(1); // busy-service sorts first
    const last = await get(simulator, '/services?include[]=integrations&limit=2&offset=2').expect(200);
    expect(last.body.services.flatMap((s: any) => s.integrations).every((i: any) => /^[0-9a-f]{32}$/.test(i.integration_key))).toBe(true);
  });

  it('answers GET /services/{id}/integrations/{integration_id}', async () => {
    const busy = service('busy-service');
    const integration = busy.integrations[0]!;
    const res = await get(app(), `/services/PBUSY01/integrations/${integration.id}`).expect(200);
    expect(res.body.integration).toMatchObject({
      id: integration.id,
      type: 'events_api_v2_inbound_integration',
      name: 'Events API V2',
      integration_key: '0123456789abcdef0123456789abcdef',
      service: { id: 'PBUSY01', type: 'service_reference' },
      self: `http://${HOST}/pagerduty/services/PBUSY01/integrations/${integration.id}`,
    });
    await get(app(), '/services/PBUSY01/integrations/PNOPE00').expect(404);
  });

  it('answers unknown ids with PagerDuty\'s 404 and renders times in time_zone', async () => {
    expect((await get(app(), '/services/PNOPE00').expect(404)).body).toEqual({
      error: { message: 'Not Found', code: 2100, errors: [] },
    });
    const london = await get(app(), '/services/PPAYAPI?time_zone=Asia/Tokyo').expect(200);
    expect(london.body.service.created_at).toMatch(/\+09:00$/);
    expect((await get(app(), '/services/PPAYAPI?time_zone=Mars/Olympus').expect(400)).body.error).toMatchObject({
      message: 'Invalid Input Provided',
      code: 2001,
    });
  });

  it('needs Authorization: Token token=… (or Bearer)', async () => {
    const simulator = app();
    const none = await request(simulator).get('/pagerduty/services/PPAYAPI').expect(401);
    expect(none.body).toEqual({ error: { message: 'Unauthorized', code: 2006, errors: [] } });
    await request(simulator).get('/pagerduty/oncalls').set('Authorization', 'GenieKey x').expect(401);
    await request(simulator).get('/pagerduty/incidents').set('Authorization', 'Token token=').expect(401);
    await request(simulator).get('/pagerduty/services/PPAYAPI').set('Authorization', 'Bearer oauth-token').expect(200);
  });

  it('sends ratelimit-* headers and answers 429 past the limit, per key', async () => {
    const limited = parseScenario(ONCALL_SCENARIO_YAML.replace('seed: 11', 'seed: 11\nvendors: { pagerduty: { subdomain: acme, rateLimitPerMinute: 3 } }'));
    const simulator = createSimulator({ scenario: limited, now: () => TEST_NOW });
    const first = await get(simulator, '/services/PPAYAPI').expect(200);
    expect(first.headers).toMatchObject({ 'ratelimit-limit': '3', 'ratelimit-remaining': '2' });
    expect(Number(first.headers['ratelimit-reset'])).toBeGreaterThan(0);
    expect(Number(first.headers['ratelimit-reset'])).toBeLessThanOrEqual(60);
    await get(simulator, '/oncalls').expect(200);
    const third = await get(simulator, '/oncalls').expect(200);
    expect(third.headers['ratelimit-remaining']).toBe('0');
    const over = await get(simulator, '/oncalls').expect(429);
    expect(over.body.error.message).toBe('Rate Limit Exceeded');
    expect(over.headers['ratelimit-remaining']).toBe('0');
    await request(simulator).get('/pagerduty/oncalls').set('Authorization', 'Token token=another-key').expect(200);
  });

  it('applies fault rules before anything else', async () => {
    const simulator = app();
    await request(simulator)
      .post('/_control/faults')
      .send({ vendor: 'pagerduty', path: '/services', status: 429, retryAfter: 2, times: 1 })
      .expect(201);
    await request(simulator)
      .post('/_control/faults')
      .send({ vendor: 'pagerduty', path: '/services/*', malformedBody: true, times: 1 })
      .expect(201);
    const throttled = await get(simulator, '/services').expect(429);
    expect(throttled.headers['retry-after']).toBe('2');
    expect(throttled.body).toEqual({ error: { message: 'Rate Limit Exceeded', errors: [] } });
    await get(simulator, '/services').expect(200);
    const cut = await get(simulator, '/services/PPAYAPI').buffer(true).parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => done(null, text));
    });
    expect(cut.status).toBe(200);
    expect(() => JSON.parse(cut.body as string)).toThrow();
    const log = await request(simulator).get('/_control/requests?vendor=pagerduty').expect(200);
    expect(log.body.requests.map((r: any) => [r.status, r.faultId !== undefined, r.auth.scheme])).toEqual([
      [429, true, 'Token'],
      [200, false, 'Token'],
      [200, true, 'Token'],
    ]);
  });
});
