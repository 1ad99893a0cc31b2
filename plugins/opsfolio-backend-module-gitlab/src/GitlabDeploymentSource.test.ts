import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { deployHistoryForRepo, gitlabProjects, loadScenario, startSimulator, type RunningSimulator } from 'simulator';
import request from 'supertest';
import { opsfolioModuleGitlab } from './module';

const scenario = loadScenario(new URL('../../../examples/scenario.yaml', import.meta.url).pathname);
const NOW = new Date();
const SLUG = 'acme/payments/payouts-worker';

const component = (name: string, annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/team-payments' },
});

describe('GitLab deployment source against the simulator', () => {
  let simulator: RunningSimulator;
  let backend: OpsfolioTestBackend;

  const requests = () => simulator.requests('gitlab');
  const api = (path: string) => request(backend.server).get(`/api/opsfolio${path}`).set('Authorization', backend.userHeader);
  const stored = async (name: string) => (await api(`/entities/component/default/${name}/deployments?limit=1`)).body.total as number;
  const lastRun = async () => (await api('/health')).body.sources.find((s: { id: string }) => s.id === 'gitlab').lastRun;
  const modelCount = () =>
    deployHistoryForRepo({ scenario, now: () => NOW }, 'gitlab', SLUG)!.deploys.filter(d => d.createdAt.getTime() <= NOW.getTime()).length;
  const projectId = () => String(gitlabProjects({ scenario, now: () => NOW }).find(p => p.pathWithNamespace === SLUG)!.id);

  beforeAll(async () => {
    simulator = await startSimulator({ scenario, now: () => NOW });
  });
  afterAll(() => simulator.close());

  beforeEach(async () => {
    await simulator.clearFaults();
    backend = await startOpsfolioTestBackend({
      features: [opsfolioModuleGitlab],
      entities: [
        component('payouts-worker', { 'gitlab.com/project-slug': SLUG }),
        component('payouts-by-id', { 'gitlab.com/project-id': projectId() }),
      ],
      config: { integrations: { gitlab: [{ host: 'gitlab.com', apiBaseUrl: `${simulator.url}/gitlab/api/v4`, token: 'test-token' }] } },
    });
    await simulator.clearRequests();
  });
  afterEach(async () => backend.stop());

  it('stores every deployment, by project path or numeric id', async () => {
    await backend.runSync('gitlab');
    expect((await lastRun()).status).toBe('succeeded');
    expect(modelCount()).toBeGreaterThan(100); // more than one page of 100
    expect(await stored('payouts-worker')).toBe(modelCount());
    expect(await stored('payouts-by-id')).toBe(modelCount());
    const dora = (await api('/entities/component/default/payouts-worker/dora?window=90d')).body;
    expect(dora.figures.deploymentFrequency.band).toBe('high'); // two a week
    expect(dora.figures.leadTime.enoughData).toBe(true);
  });

  it('asks only for what changed since the last run', async () => {
    await backend.runSync('gitlab');
    await simulator.clearRequests();
    await backend.runSync('gitlab');
    const second = await requests();
    expect(second).toHaveLength(2); // one page per project
    expect(second.every(r => r.query.updated_after && r.query.order_by === 'updated_at')).toBe(true);
    expect(await stored('payouts-worker')).toBe(modelCount());
  });

  it('keeps page 1 when page 2 fails, and resumes from there on the next run', async () => {
    await simulator.addFault({ vendor: 'gitlab', path: '/projects/*/deployments', query: { page: '2' }, status: 502 });
    await backend.runSync('gitlab');
    const failed = await lastRun();
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/gitlab GET \/projects\/.+\/deployments failed after 4 attempts: 502/);
    expect(await stored('payouts-worker')).toBe(100);

    await simulator.clearFaults();
    await simulator.clearRequests();
    await backend.runSync('gitlab');
    expect((await lastRun()).status).toBe('succeeded');
    expect(await stored('payouts-worker')).toBe(modelCount());
    // It resumed after page 1's newest update, so it did not read the first 100 again from the start.
    expect((await requests()).every(r => r.query.updated_after)).toBe(true);
  });

  it('says in /health how many projects it has read while the first sync runs', async () => {
    // The second project answers slowly, so the run is seen half-way.
    await simulator.addFault({ vendor: 'gitlab', path: `/projects/${projectId()}/deployments`, delayMs: 2500, times: 1 });
    const sync = backend.runSync('gitlab');
    await expect.poll(async () => (await lastRun())?.progress?.done, { timeout: 20_000, interval: 100 }).toBe(1);
    const running = await lastRun();
    expect(running).toMatchObject({ status: 'running', progress: { unit: 'projects', done: 1, total: 2 } });
    expect((await api('/health')).body.sources.find((s: { id: string }) => s.id === 'gitlab').lastSuccessAt).toBeUndefined();
    await sync;
    expect(await lastRun()).toMatchObject({ status: 'succeeded', items: 2 * modelCount() });
    expect((await lastRun()).progress).toBeUndefined();
  });
});
