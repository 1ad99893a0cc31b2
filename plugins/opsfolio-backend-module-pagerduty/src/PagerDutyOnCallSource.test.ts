import type { Entity } from '@backstage/catalog-model';
import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend/testUtils';
import { incidentHistory, loadScenario, oncallDirectory, respondersAt, startSimulator, type RunningSimulator } from 'simulator';
import request from 'supertest';
import { opsfolioModulePagerduty } from './module';

const scenario = loadScenario(new URL('../../../examples/scenario.yaml', import.meta.url).pathname);
const NOW = new Date();
const ctx = { scenario, now: () => NOW };
const DAY = 86_400_000;

const component = (name: string, annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/team-payments' },
});

const serviceOf = (name: string) => oncallDirectory(scenario).pagerduty.services.find(s => s.component === name)!;

describe('PagerDuty on-call source against the simulator', () => {
  let simulator: RunningSimulator;
  let backend: OpsfolioTestBackend;
  const api = (path: string) => request(backend.server).get(`/api/opsfolio${path}`).set('Authorization', backend.userHeader);
  const lastRun = async () => (await api('/health')).body.sources.find((s: { id: string }) => s.id === 'pagerduty').lastRun;

  beforeAll(async () => {
    simulator = await startSimulator({ scenario, now: () => NOW });
  });
  afterAll(() => simulator.close());

  beforeEach(async () => {
    await simulator.clearFaults();
    backend = await startOpsfolioTestBackend({
      features: [opsfolioModulePagerduty],
      entities: [
        component('payments-api', { 'pagerduty.com/service-id': 'PPAYAPI' }),
        component('fraud-scoring', { 'pagerduty.com/service-id': 'PFRAUDS' }),
        component('checkout-api', { 'pagerduty.com/service-id': 'PCHKOUT' }),
        component('cart-service', { 'pagerduty.com/integration-key': 'c4a7e2b9f03d4e6a8b1c5d7e9f2a4b6c' }),
      ],
      config: { opsfolio: { pagerduty: { baseUrl: `${simulator.url}/pagerduty`, token: 'pd-test-token' } } },
    });
    await simulator.clearRequests();
  });
  afterEach(async () => backend.stop());

  it('reads who is on call at every level of the escalation policy', async () => {
    const res = await api('/entities/component/default/payments-api/oncall');
    expect(res.status).toBe(200);
    const [answer] = res.body.sources;
    expect(answer.stale).toBe(false);
    const expected = respondersAt(serviceOf('payments-api').policy, NOW.getTime());
    expect(answer.escalation.levels).toBe(expected.length);
    for (const [i, person] of expected.entries()) {
      const names = answer.onCall.shifts.filter((s: any) => s.level === i + 1).map((s: any) => s.person.email);
      expect(names).toContain(person.email);
    }
    // A direct target has no end: permanently on call.
    expect(answer.onCall.shifts.some((s: any) => s.end === undefined)).toBe(true);
    // A full rota has no gap, not even a sliver at the end of the fortnight read.
    expect(answer.coverage.flatMap((c: any) => c.gaps)).toEqual([]);
    expect(answer.coverage.every((c: any) => c.coveredShare === 1)).toBe(true);
  });

  it('finds a service by integration key through the services list, and shows a schedule gap ahead', async () => {
    const cart = await api('/entities/component/default/cart-service/oncall');
    expect(cart.body.sources[0].onCall.service.id).toBe(serviceOf('cart-service').id);
    const checkout = await api('/entities/component/default/checkout-api/oncall');
    const gaps = checkout.body.sources[0].coverage.flatMap((c: any) => c.gaps);
    expect(gaps.length).toBeGreaterThan(0);
    expect(Date.parse(gaps[0].start)).toBeGreaterThan(NOW.getTime() + 3 * DAY);
  });

  it('stores every incident of every page, with acknowledgement times from the log', async () => {
    await backend.runSync('pagerduty');
    expect((await lastRun()).status).toBe('succeeded');
    const expected = incidentHistory(ctx, 'fraud-scoring')!.filter(i => i.createdAt >= NOW.getTime() - 90 * DAY);
    expect(expected.length).toBeGreaterThanOrEqual(60);
    const stored = await api('/entities/component/default/fraud-scoring/incidents?limit=1');
    expect(stored.body.total).toBe(expected.length);
    const oncall = await api('/entities/component/default/fraud-scoring/oncall');
    expect(oncall.body.responseTimes.days90.mtta.sampleSize).toBeGreaterThan(10);
    expect(oncall.body.responseTimes.days90.open).toBe(expected.filter(i => i.status !== 'resolved').length);
  });

  it('batches: one sync reads services, on-calls and incidents in pages, not once per entity', async () => {
    await backend.runSync('pagerduty');
    const paths = (await simulator.requests('pagerduty')).map(r => r.path);
    expect(paths.filter(p => p === '/services')).toHaveLength(1);
    expect(paths.filter(p => p === '/oncalls')).toHaveLength(1);
    expect(paths.filter(p => p.startsWith('/services/'))).toHaveLength(0);
  });

  it('reads the log of a resolved incident once, also when nobody acknowledged it', async () => {
    const unacknowledged = incidentHistory(ctx, 'fraud-scoring')!.filter(
      i => i.status === 'resolved' && i.acknowledgedAt === undefined && i.createdAt >= NOW.getTime() - 89 * DAY,
    );
    expect(unacknowledged.length).toBeGreaterThan(0);
    await backend.runSync('pagerduty');
    expect((await simulator.requests('pagerduty')).filter(r => r.path.endsWith('/log_entries')).length).toBeGreaterThan(0);
    // The next window then covers them all again, as it does when an incident stays open for weeks.
    await backend.knex('opsfolio_source_state').where({ source_id: 'pagerduty', key: 'incidents_since' })
      .update({ value: new Date(NOW.getTime() - 90 * DAY).toISOString() });
    await simulator.clearRequests();
    await backend.runSync('pagerduty');
    expect((await simulator.requests('pagerduty')).filter(r => r.path.endsWith('/log_entries'))).toHaveLength(0);
  });

  it('serves the last snapshot with its age and the error when PagerDuty is down, and waits out a 429', async () => {
    await backend.runSync('pagerduty');
    await simulator.addFault({ vendor: 'pagerduty', path: '/services/*', status: 503 });
    const res = await api('/entities/component/default/payments-api/oncall');
    expect(res.status).toBe(200);
    expect(res.body.sources[0]).toMatchObject({ stale: true, error: expect.stringContaining('503') });
    expect(res.body.sources[0].onCall.shifts.length).toBeGreaterThan(0);

    await simulator.clearFaults();
    await simulator.addFault({ vendor: 'pagerduty', path: '/incidents', status: 429, retryAfter: 1, times: 1 });
    const started = Date.now();
    await backend.runSync('pagerduty');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect((await lastRun()).status).toBe('succeeded');
  });
});
