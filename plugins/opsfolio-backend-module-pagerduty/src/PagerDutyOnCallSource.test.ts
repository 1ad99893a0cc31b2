import type { Entity } from '@backstage/catalog-model';
import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';
import {
  finalShifts,
  incidentHistory,
  loadScenario,
  oncallDirectory,
  parseScenario,
  policyOnCalls,
  respondersAt,
  startSimulator,
  type ComponentScenario,
  type EscalationPolicy,
  type LoggedRequest,
  type RunningSimulator,
} from 'simulator';
import request from 'supertest';
import { opsfolioModulePagerduty } from './module';
import { DAY_MS, HOUR_MS } from '@opsfolio/backstage-plugin-common';

const scenario = loadScenario(new URL('../../../examples/scenario.yaml', import.meta.url).pathname);
const NOW = new Date();
const ctx = { scenario, now: () => NOW };

const component = (name: string, annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/team-payments' },
});

const serviceOf = (name: string) => oncallDirectory(scenario).pagerduty.services.find(s => s.component === name)!;

const asList = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/**
 * Checks the `/oncalls` requests against what the simulator holds: policies batched 20 a series, each series
 * over the 12 weeks from a whole-second instant, as many pages (of 100) as the batch has entries in that
 * window. Returns the batches and the pages of each.
 */
function onCallSeries(requests: LoggedRequest[], policies: EscalationPolicy[], simulatorNow: number) {
  const series = new Map<string, LoggedRequest[]>();
  for (const r of requests.filter(r => r.path === '/oncalls')) {
    const key = asList(r.query['escalation_policy_ids[]']).join(',');
    series.set(key, [...(series.get(key) ?? []), r]);
  }
  const batches = [...series.keys()].map(key => key.split(','));
  expect(batches.flat().sort()).toEqual(policies.map(p => p.id).sort());
  expect(batches.length).toBe(Math.ceil(policies.length / 20));
  const pages = [...series.values()].map((pageRequests, i) => {
    const [{ query }] = pageRequests;
    const since = Date.parse(String(query.since));
    const until = Date.parse(String(query.until));
    expect(since % 1000).toBe(0);
    expect(until - since).toBe(84 * DAY_MS);
    expect(asList(query['include[]'])).toContain('users');
    const entries = batches[i]
      .map(id => policies.find(p => p.id === id)!)
      .flatMap(p => policyOnCalls(p, simulatorNow, since, Math.min(until, simulatorNow + 90 * DAY_MS)));
    const expected = Math.max(1, Math.ceil(entries.length / 100));
    expect(pageRequests.map(r => Number(r.query.offset ?? 0))).toEqual(Array.from({ length: expected }, (_, k) => k * 100));
    return expected;
  });
  return { batches, pages };
}

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
    expect(Date.parse(gaps[0].start)).toBeGreaterThan(NOW.getTime() + 3 * DAY_MS);
  });

  it('stores every incident of every page, with acknowledgement times from the log', async () => {
    await backend.runSync('pagerduty');
    expect((await lastRun()).status).toBe('succeeded');
    const expected = incidentHistory(ctx, 'fraud-scoring')!.filter(i => i.createdAt >= NOW.getTime() - 90 * DAY_MS);
    expect(expected.length).toBeGreaterThanOrEqual(60);
    const stored = await api('/entities/component/default/fraud-scoring/incidents?limit=1');
    expect(stored.body.total).toBe(expected.length);
    const oncall = await api('/entities/component/default/fraud-scoring/oncall');
    expect(oncall.body.responseTimes.days90.mtta.sampleSize).toBeGreaterThan(10);
    expect(oncall.body.responseTimes.days90.open).toBe(expected.filter(i => i.status !== 'resolved').length);
  });

  it('batches: one sync reads services, on-calls and incidents in pages, not once per entity, and no schedule on its own', async () => {
    // A live read: the service, then one /oncalls series over the fortnight for its policy.
    const live = await api('/entities/component/default/payments-api/oncall');
    expect(live.status).toBe(200);
    const liveRequests = await simulator.requests('pagerduty');
    expect(liveRequests.filter(r => r.path.startsWith('/schedules'))).toHaveLength(0);
    expect(liveRequests.map(r => r.path).filter(p => p !== '/oncalls')).toEqual(['/services/PPAYAPI']);
    const liveSeries = onCallSeries(liveRequests, [serviceOf('payments-api').policy], NOW.getTime());
    expect(liveRequests.filter(r => r.path === '/oncalls')).toHaveLength(liveSeries.pages[0]);

    await simulator.clearRequests();
    await backend.runSync('pagerduty');
    const requests = await simulator.requests('pagerduty');
    const paths = requests.map(r => r.path);
    expect(paths.filter(p => p === '/services')).toHaveLength(1);
    expect(paths.filter(p => p.startsWith('/services/'))).toHaveLength(0);
    expect(paths.filter(p => p.startsWith('/schedules'))).toHaveLength(0);
    const policies = ['payments-api', 'fraud-scoring', 'checkout-api', 'cart-service'].map(name => serviceOf(name).policy);
    const { batches, pages } = onCallSeries(requests, policies, NOW.getTime());
    // ceil(policies / 20) series × pages: here one of one page.
    expect(paths.filter(p => p === '/oncalls')).toHaveLength(Math.ceil(policies.length / 20) * pages[0]);
    expect(batches).toHaveLength(1);
  });

  it('reads the log of a resolved incident once, also when nobody acknowledged it', async () => {
    const unacknowledged = incidentHistory(ctx, 'fraud-scoring')!.filter(
      i => i.status === 'resolved' && i.acknowledgedAt === undefined && i.createdAt >= NOW.getTime() - 89 * DAY_MS,
    );
    expect(unacknowledged.length).toBeGreaterThan(0);
    await simulator.clearRequests();
    await backend.runSync('pagerduty');
    // One read of the account-wide log, a week at a time from the oldest incident that needs it, not one per incident.
    const logReads = (await simulator.requests('pagerduty')).filter(r => r.path.endsWith('/log_entries'));
    expect(logReads.length).toBeGreaterThan(0);
    expect(logReads.every(r => r.path === '/log_entries')).toBe(true);
    expect(logReads.length).toBeLessThanOrEqual(Math.ceil(90 / 7) * 2);
    // The acknowledgement times are PagerDuty's: resolved incidents, acknowledged, as the simulator made them.
    const acked = incidentHistory(ctx, 'fraud-scoring')!.filter(
      i => i.status === 'resolved' && i.acknowledgedAt !== undefined && i.createdAt >= NOW.getTime() - 89 * DAY_MS,
    );
    const stored = [
      ...(await api('/entities/component/default/fraud-scoring/incidents?limit=100')).body.items,
      ...(await api('/entities/component/default/fraud-scoring/incidents?limit=100&offset=100')).body.items,
    ];
    expect(acked.length).toBeGreaterThan(10);
    for (const incident of acked) {
      const row = stored.find((i: any) => i.externalId === incident.id);
      expect(row && Date.parse(row.acknowledgedAt)).toBe(incident.acknowledgedAt);
    }
    // The next window then covers them all again, as it does when an incident stays open for weeks.
    await backend.knex('opsfolio_source_state').where({ source_id: 'pagerduty', key: 'incidents_since' })
      .update({ value: new Date(NOW.getTime() - 90 * DAY_MS).toISOString() });
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

describe('PagerDuty on-call source with more policies than one batch', () => {
  // 40 services, each with its own policy of 2 levels on daily rotas: 2 batches of 20 policies, each over
  // several pages of on-call entries for the fortnight. Services 0 and 20 have dropped a shift in 3 days.
  const SERVICES = 40;
  const name = (i: number) => `many-svc-${i}`;
  const components: Record<string, ComponentScenario> = {};
  for (let i = 0; i < SERVICES; i++) {
    components[name(i)] = {
      repo: { github: `many/svc-${i}` },
      oncall: {
        vendor: 'pagerduty',
        serviceId: `PM${i.toString(36).toUpperCase().padStart(5, '0')}`,
        rota: Array.from({ length: 5 }, (_, j) => `many-t${Math.floor(i / 5)}-u${j}`),
        rotationDays: 1,
        escalationLevels: 2,
        timeZone: 'UTC',
        gaps: i % 20 === 0 ? [{ inDays: 3, fromHour: 20, hours: 10 }] : [],
      },
    };
  }
  const many = parseScenario(
    JSON.stringify({ seed: 7, historyDays: 30, vendors: { pagerduty: { subdomain: 'many', rateLimitPerMinute: 100_000 } }, components }),
    'many PagerDuty services',
  );
  const directory = oncallDirectory(many).pagerduty;
  const service = (i: number) => directory.services.find(s => s.component === name(i))!;

  let simulator: RunningSimulator;
  let backend: OpsfolioTestBackend;
  const api = (path: string) => request(backend.server).get(`/api/opsfolio${path}`).set('Authorization', backend.userHeader);

  beforeAll(async () => {
    simulator = await startSimulator({ scenario: many, now: () => NOW });
    backend = await startOpsfolioTestBackend({
      features: [opsfolioModulePagerduty],
      entities: Array.from({ length: SERVICES }, (_, i) => component(name(i), { 'pagerduty.com/service-id': service(i).id })),
      config: { opsfolio: { pagerduty: { baseUrl: `${simulator.url}/pagerduty`, token: 'pd-test-token' } } },
    });
  });
  afterAll(async () => {
    await backend?.stop();
    await simulator?.close();
  });
  beforeEach(() => simulator.clearRequests());

  it('syncs with ceil(policies / 20) × pages /oncalls requests and no /schedules request', async () => {
    await backend.runSync('pagerduty');
    const requests = await simulator.requests('pagerduty');
    expect(requests.filter(r => r.path.startsWith('/schedules'))).toHaveLength(0);
    const policies = Array.from({ length: SERVICES }, (_, i) => service(i).policy);
    const { batches, pages } = onCallSeries(requests, policies, NOW.getTime());
    expect(batches).toHaveLength(2);
    expect(pages[0]).toBeGreaterThan(1);
    expect(pages[1]).toBe(pages[0]);
    expect(requests.filter(r => r.path === '/oncalls')).toHaveLength(Math.ceil(SERVICES / 20) * pages[0]);

    // What each entity stored is what the old reads gave: /oncalls at the read's instant and each schedule's
    // final entries over the 12 weeks read (clipped to them), as GET /schedules/{id}?since&until renders them.
    const rows: Array<{ entity_ref: string; snapshot: string }> = await backend
      .knex('opsfolio_oncall_snapshots')
      .where({ source: 'pagerduty' });
    expect(rows).toHaveLength(SERVICES);
    for (let i = 0; i < SERVICES; i++) {
      const row = rows.find(r => r.entity_ref === `component:default/${name(i)}`)!;
      const onCall = JSON.parse(row.snapshot);
      const readAt = Date.parse(onCall.readAt);
      const until = readAt + 84 * DAY_MS;
      // The window read starts at the read's instant exactly, so coverage is measured over what was read.
      expect(new Set(requests.filter(r => r.path === '/oncalls').map(r => Date.parse(String(r.query.since))))).toEqual(new Set([readAt]));
      const now = policyOnCalls(service(i).policy, NOW.getTime(), readAt, readAt);
      expect(onCall.shifts.map((s: any) => [s.level, s.person.id, Date.parse(s.start), Date.parse(s.end)])).toEqual(
        now.map(e => [e.level, e.user.pagerdutyId, e.start, e.end]),
      );
      expect(onCall.schedules.map((s: any) => s.id)).toEqual(service(i).schedules.map(s => s.id));
      for (const [k, schedule] of service(i).schedules.entries()) {
        const stored = onCall.schedules[k];
        expect(stored.name).toBe(schedule.name);
        expect(stored.url).toBe(`https://many.pagerduty.com/schedules/${schedule.id}`);
        const expected = finalShifts(schedule, NOW.getTime(), readAt, until).map(e => [
          Math.max(e.start, readAt),
          Math.min(e.end, until),
          e.user.pagerdutyId,
        ]);
        expect(stored.entries.map((e: any) => [Date.parse(e.start), Date.parse(e.end), e.person.id])).toEqual(expected);
        expect(stored.entries.every((e: any) => e.person.email)).toBe(true);
      }
    }
  });

  it('reads one entity live with its /oncalls series, and shows the gap ahead only where a shift was dropped', async () => {
    const gap = await api(`/entities/component/default/${name(20)}/oncall`);
    const full = await api(`/entities/component/default/${name(21)}/oncall`);
    const requests = await simulator.requests('pagerduty');
    expect(requests.filter(r => r.path.startsWith('/schedules'))).toHaveLength(0);
    // Daily shifts at two levels over 12 weeks are about 170 entries: two pages of 100 per live read.
    expect(requests.filter(r => r.path === '/oncalls')).toHaveLength(4);
    const gaps = gap.body.sources[0].coverage.flatMap((c: any) => c.gaps);
    expect(gaps).toHaveLength(1);
    expect(Date.parse(gaps[0].end) - Date.parse(gaps[0].start)).toBe(10 * HOUR_MS);
    expect(gap.body.sources[0].onCall.shifts.map((s: any) => s.level)).toEqual([1, 2]);
    expect(full.body.sources[0].coverage).toHaveLength(2);
    expect(full.body.sources[0].coverage.every((c: any) => c.gaps.length === 0 && c.coveredShare === 1)).toBe(true);
  });
});
