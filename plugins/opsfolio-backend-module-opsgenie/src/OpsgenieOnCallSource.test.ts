import type { Entity } from '@backstage/catalog-model';
import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';
import { incidentHistory, loadScenario, startSimulator, type RunningSimulator } from 'simulator';
import request from 'supertest';
import { opsfolioModuleOpsgenie } from './module';
import { DAY_MS } from '@opsfolio/backstage-plugin-common';

const scenario = loadScenario(new URL('../../../examples/scenario.yaml', import.meta.url).pathname);
const NOW = new Date();

const component = (name: string, annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/team-identity' },
});

describe('Opsgenie on-call source against the simulator', () => {
  let simulator: RunningSimulator;
  let backend: OpsfolioTestBackend;
  const api = (path: string) => request(backend.server).get(`/api/opsfolio${path}`).set('Authorization', backend.userHeader);

  beforeAll(async () => {
    simulator = await startSimulator({ scenario, now: () => NOW });
  });
  afterAll(() => simulator.close());

  beforeEach(async () => {
    await simulator.clearFaults();
    backend = await startOpsfolioTestBackend({
      features: [opsfolioModuleOpsgenie],
      entities: [
        component('auth-service', { 'opsgenie.com/team': 'identity', 'opsgenie.com/component-selector': 'tag:"service:auth-service"' }),
        component('user-profile', { 'opsgenie.com/team': 'identity', 'opsgenie.com/component-selector': 'tag:"service:user-profile"' }),
      ],
      config: { opsfolio: { opsgenie: { baseUrl: `${simulator.url}/opsgenie`, token: 'og-test-key' } } },
    });
    await simulator.clearRequests();
  });
  afterEach(async () => backend.stop());

  it("reads who is on call on the team's schedule, with its escalation levels and the next two weeks", async () => {
    const res = await api('/entities/component/default/auth-service/oncall');
    expect(res.status).toBe(200);
    const [answer] = res.body.sources;
    expect(answer).toMatchObject({ source: 'opsgenie', stale: false });
    expect(answer.onCall.shifts.find((s: any) => s.level === 1).person.email).toMatch(/@acme\.example$/);
    // A full rota: covered for the whole fortnight, with no sliver of a gap at either end.
    expect(answer.coverage[0]).toMatchObject({ gaps: [], coveredShare: 1 });
  });

  it("stores the component's alerts as incidents, reading the team's schedule once for both components", async () => {
    await backend.runSync('opsgenie');
    const health = (await api('/health')).body.sources.find((s: { id: string }) => s.id === 'opsgenie');
    expect(health.lastRun.status).toBe('succeeded');
    const expected = incidentHistory({ scenario, now: () => NOW }, 'auth-service')!.filter(i => i.createdAt >= NOW.getTime() - 90 * DAY_MS);
    expect((await api('/entities/component/default/auth-service/incidents?limit=1')).body.total).toBe(expected.length);
    const onCalls = (await simulator.requests('opsgenie')).filter(r => r.path.endsWith('/on-calls'));
    expect(onCalls).toHaveLength(1);
  });

  it('serves the last stored read with the error when Opsgenie is down', async () => {
    await backend.runSync('opsgenie');
    await simulator.addFault({ vendor: 'opsgenie', path: '/v2/schedules', status: 503 });
    const res = await api('/entities/component/default/user-profile/oncall');
    expect(res.body.sources[0]).toMatchObject({ stale: true, error: expect.stringContaining('503') });
    expect(res.body.sources[0].onCall.shifts.length).toBeGreaterThan(0);
  });
});
