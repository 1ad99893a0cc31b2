import { createBackendModule } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { opsfolioOnCallSourcesExtensionPoint, type OnCallRead, type OnCallSource } from '@opsfolio/backstage-plugin-node';
import request from 'supertest';
import { expectDocumentedResponse } from '../testing/openApi';
import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';
import { DAY_MS, HOUR_MS } from '@opsfolio/backstage-plugin-common';

const ONCALL = '/entities/{kind}/{namespace}/{name}/oncall';

const entity = (kind: string, name: string, extra: Partial<Entity> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, ...(extra.metadata ?? {}) },
  spec: extra.spec ?? {},
  relations: extra.relations,
});

const entities: Entity[] = [
  entity('Component', 'payments-api', {
    metadata: { name: 'payments-api', annotations: { 'pagerduty.com/service-id': 'PPAYAPI' } },
    spec: { type: 'service', owner: 'group:default/team-payments' },
  }),
  entity('Component', 'quiet', {
    metadata: { name: 'quiet', annotations: { 'pagerduty.com/service-id': 'PQUIET' } },
    spec: { type: 'service', owner: 'group:default/team-payments' },
  }),
  entity('Group', 'team-payments', {
    spec: { type: 'team', children: [] },
    relations: [{ type: 'hasMember', targetRef: 'user:default/ada.okafor' }],
  }),
  entity('User', 'ada.okafor', { spec: { profile: { displayName: 'Ada Okafor', email: 'ada.okafor@acme.example' } } }),
];

/** A stand-in vendor: the real PagerDuty and Opsgenie modules are tested against the simulator. */
function fakeSource(state: { fail: boolean; reads: number }): OnCallSource {
  // Read a minute ago: coverage is measured over the fortnight after the read, not after the request.
  const readAt = new Date(Date.now() - 60_000);
  const read = (): OnCallRead => ({
    service: { id: 'PPAYAPI', name: 'Payments API' },
    escalationPolicy: { id: 'PEP1', name: 'Payments', levels: 2 },
    shifts: [
      { level: 1, person: { name: 'Ada Okafor', email: 'ada.okafor@acme.example' }, start: '2026-11-20T09:00:00Z', end: '2099-01-01T00:00:00Z' },
      { level: 2, person: { name: 'Victor Nguyen', email: 'victor.nguyen@acme.example' } },
    ],
    // Covered for the next 3 days and from day 4 on: one day without anyone on the primary rota.
    schedules: [
      {
        id: 'PSCHED1',
        name: 'Payments primary',
        entries: [
          { start: readAt.toISOString(), end: new Date(readAt.getTime() + 3 * DAY_MS).toISOString() },
          { start: new Date(readAt.getTime() + 4 * DAY_MS).toISOString(), end: new Date(readAt.getTime() + 14 * DAY_MS).toISOString() },
        ],
      },
    ],
    readAt: readAt.toISOString(),
  });
  return {
    id: 'pagerduty',
    vendor: 'pagerduty',
    annotations: ['pagerduty.com/service-id'],
    async readOnCall() {
      state.reads++;
      if (state.fail) throw new Error('pagerduty GET /oncalls failed after 4 attempts: 503 Service Unavailable');
      return read();
    },
    async sync(context) {
      for (const e of context.entities) {
        if (e.entityRef.endsWith('/payments-api')) await context.saveOnCall(e.entityRef, read());
      }
      await context.saveIncidents('component:default/payments-api', [
        { externalId: 'Q1', title: 'Card auth errors', status: 'resolved', createdAt: new Date(Date.now() - 2 * DAY_MS).toISOString(), acknowledgedAt: new Date(Date.now() - 2 * DAY_MS + 600_000).toISOString(), resolvedAt: new Date(Date.now() - 2 * DAY_MS + HOUR_MS).toISOString() },
        { externalId: 'Q2', title: 'Latency', status: 'triggered', createdAt: new Date(Date.now() - HOUR_MS).toISOString() },
      ]);
      return { items: 2 };
    },
  };
}

describe('on-call routes', () => {
  let backend: OpsfolioTestBackend;
  const state = { fail: false, reads: 0 };
  const get = (path: string) => request(backend.server).get(`/api/opsfolio${path}`).set('Authorization', backend.userHeader);

  beforeEach(async () => {
    state.fail = false;
    state.reads = 0;
    const module = createBackendModule({
      pluginId: 'opsfolio',
      moduleId: 'fake-oncall',
      register(env) {
        env.registerInit({
          deps: { oncall: opsfolioOnCallSourcesExtensionPoint },
          async init({ oncall }) {
            oncall.addOnCallSource(fakeSource(state));
          },
        });
      },
    });
    backend = await startOpsfolioTestBackend({ features: [module], entities });
  });
  afterEach(async () => backend.stop());

  it('reads who is on call at every level live, once per cache period, and checks them against the owning team', async () => {
    const res = await get('/entities/component/default/payments-api/oncall');
    expect(res.status).toBe(200);
    expectDocumentedResponse('GET', ONCALL, res);
    const [answer] = res.body.sources;
    expect(answer).toMatchObject({ source: 'pagerduty', stale: false, escalation: { levels: 2, respondersPerLevel: { 1: 1, 2: 1 }, emptyLevels: [] } });
    expect(answer.onCall.shifts.map((s: any) => s.person.name)).toEqual(['Ada Okafor', 'Victor Nguyen']);
    expect(res.body.drift).toMatchObject({ ownerOnRota: true, outsiders: [{ name: 'Victor Nguyen' }] });
    const [coverage] = answer.coverage;
    expect(coverage.scheduleName).toBe('Payments primary');
    expect(coverage.gaps).toHaveLength(1);
    // One day uncovered in fourteen.
    expect(coverage.coveredShare).toBeCloseTo(13 / 14, 3);
    await get('/entities/component/default/payments-api/oncall');
    expect(state.reads).toBe(1);
  });

  it('serves the last stored read with the error when the vendor is down, and 503 when nothing was ever read', async () => {
    await backend.runSync('pagerduty');
    state.fail = true;
    const res = await get('/entities/component/default/payments-api/oncall');
    expect(res.status).toBe(200);
    expect(res.body.sources[0]).toMatchObject({ stale: true, error: expect.stringContaining('503 Service Unavailable') });
    expect(res.body.sources[0].onCall.readAt).toEqual(expect.any(String));
    // The outage is remembered: the next views serve the stored read without asking the vendor again.
    const reads = state.reads;
    const again = await get('/entities/component/default/payments-api/oncall');
    expect(again.body.sources[0]).toMatchObject({ stale: true, error: expect.stringContaining('503 Service Unavailable') });
    expect(state.reads).toBe(reads);

    const never = await get('/entities/component/default/quiet/oncall');
    expect(never.status).toBe(503);
    expectDocumentedResponse('GET', ONCALL, never);
  });

  it('keeps incidents from the sync, pages them, and computes response times', async () => {
    await backend.runSync('pagerduty');
    const incidents = await get('/entities/component/default/payments-api/incidents?limit=1');
    expectDocumentedResponse('GET', '/entities/{kind}/{namespace}/{name}/incidents', incidents);
    expect(incidents.body).toMatchObject({ total: 2, limit: 1, items: [{ externalId: 'Q2', status: 'triggered' }] });
    const oncall = await get('/entities/component/default/payments-api/oncall');
    // One acknowledged incident (10 min) and one resolved (1 h): below the 3 needed for a mean, one open.
    expect(oncall.body.responseTimes.days30).toMatchObject({ open: 1, mtta: { hours: null, sampleSize: 1 }, mttr: { hours: null, sampleSize: 1 } });
    expect((await get('/entities/component/default/payments-api/incidents?status=done')).status).toBe(400);
  });
});
