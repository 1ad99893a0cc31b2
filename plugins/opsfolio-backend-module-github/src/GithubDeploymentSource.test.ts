import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { deployHistoryForRepo, loadScenario, startSimulator, type RunningSimulator } from 'simulator';
import request from 'supertest';
import { opsfolioModuleGithub } from './module';

// Two months of history keeps each run quick while still spanning several pages per repository.
const scenario = { ...loadScenario(new URL('../../../examples/scenario.yaml', import.meta.url).pathname), historyDays: 60 };
// Fixed for the whole file, so the simulator's data cannot move under a test at midnight.
const NOW = new Date();

const component = (name: string, slug: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations: { 'github.com/project-slug': slug } },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/team-payments' },
});

describe('GitHub deployment source against the simulator', () => {
  let simulator: RunningSimulator;
  let backend: OpsfolioTestBackend;

  const requests = () => simulator.requests('github');
  const fault = (rule: { path: string } & Record<string, unknown>) => simulator.addFault({ vendor: 'github', ...rule });
  const api = (path: string) => request(backend.server).get(`/api/opsfolio${path}`).set('Authorization', backend.userHeader);
  const stored = async (name: string) => (await api(`/entities/component/default/${name}/deployments?limit=1`)).body.total as number;
  const lastRun = async () => (await api('/health')).body.sources.find((s: { id: string }) => s.id === 'github').lastRun;
  const modelCount = (slug: string) =>
    deployHistoryForRepo({ scenario, now: () => NOW }, 'github', slug)!.deploys.filter(d => d.createdAt.getTime() <= NOW.getTime()).length;

  beforeAll(async () => {
    simulator = await startSimulator({ scenario, now: () => NOW });
  });
  afterAll(() => simulator.close());

  beforeEach(async () => {
    await simulator.clearFaults();
    backend = await startOpsfolioTestBackend({
      features: [opsfolioModuleGithub],
      entities: [component('payments-api', 'acme/payments-api'), component('fraud-scoring', 'acme/fraud-scoring'), component('ui-kit', 'acme/ui-kit')],
      config: {
        integrations: { github: [{ host: 'github.com', apiBaseUrl: `${simulator.url}/github`, token: 'test-token' }] },
        opsfolio: { deployments: { github: { maxCompareCallsPerRun: 40, maxDeploymentsPerRepo: 5000 } } },
      },
    });
    await simulator.clearRequests();
  });
  afterEach(async () => backend.stop());

  it('stores every deployment of every page, with statuses, rollbacks and lead time', async () => {
    await backend.runSync('github');
    expect((await lastRun()).status).toBe('succeeded');
    expect(await stored('payments-api')).toBe(modelCount('acme/payments-api'));
    expect(await stored('fraud-scoring')).toBe(modelCount('acme/fraud-scoring'));
    expect(await stored('ui-kit')).toBe(0);

    const rollbacks = await api('/entities/component/default/fraud-scoring/deployments?limit=100&environment=production');
    expect(rollbacks.body.items.some((d: { rollback: boolean }) => d.rollback)).toBe(true);

    const dora = (await api('/entities/component/default/payments-api/dora')).body;
    expect(dora.figures.deploymentFrequency.band).toBe('elite');
    expect(dora.figures.leadTime.enoughData).toBe(true);
    // The page the tab reads, paged from the store: never from GitHub.
    const before = (await requests()).length;
    await api('/entities/component/default/payments-api/deployments?limit=50&offset=50');
    expect((await requests()).length).toBe(before);
  });

  const pendingLeadTime = async () => (await lastRun()).details.pending.count as number;
  const withLeadTime = async () => Number((await backend.knex('opsfolio_deployments').whereNotNull('commit_timestamps').count({ n: '*' }))[0].n);

  it('fills the lead time the compare budget left out on later runs, and says in /health how many wait', async () => {
    await backend.runSync('github');
    const waiting = await pendingLeadTime();
    // 60 days of deploys, 40 compare calls a run: some wait.
    expect(waiting).toBeGreaterThan(40);
    const filled = await withLeadTime();
    await simulator.clearRequests();
    await backend.runSync('github');
    // Nothing new in the repositories (304), but 40 more deploys get their commits.
    const second = await requests();
    expect(second.filter(r => r.path.includes('/compare/'))).toHaveLength(40);
    expect(second.filter(r => r.path.endsWith('/deployments')).map(r => r.status)).toEqual([304, 304, 304]);
    expect(await pendingLeadTime()).toBe(waiting - 40);
    expect(await withLeadTime()).toBeGreaterThan(filled);
    for (let run = 0; run < 10 && (await pendingLeadTime()) > 0; run++) await backend.runSync('github');
    expect(await pendingLeadTime()).toBe(0);
    // Each waiting deploy compared exactly once over the later runs (a rollback's compare finds no new commits).
    const compares = (await requests()).filter(r => r.path.includes('/compare/')).map(r => r.path);
    expect(compares).toHaveLength(waiting);
    expect(new Set(compares).size).toBe(waiting);
  });

  it('costs only conditional requests answered 304 when nothing changed', async () => {
    await backend.runSync('github');
    for (let run = 0; run < 10 && (await pendingLeadTime()) > 0; run++) await backend.runSync('github');
    await simulator.clearRequests();
    await backend.runSync('github');
    const second = await requests();
    expect(second.map(r => `${r.path} ${r.status}`)).toEqual([
      '/repos/acme/payments-api/deployments 304',
      '/repos/acme/fraud-scoring/deployments 304',
      '/repos/acme/ui-kit/deployments 304',
    ]);
    expect(second.every(r => r.headers['if-none-match'])).toBe(true);
    expect((await lastRun()).status).toBe('succeeded');
  });

  it('waits out a 429 with Retry-After in the middle of the pages and completes', async () => {
    await fault({ path: '/repos/acme/payments-api/deployments', query: { page: '2' }, status: 429, retryAfter: 1, times: 1 });
    const started = Date.now();
    await backend.runSync('github');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect((await lastRun()).status).toBe('succeeded');
    expect(await stored('payments-api')).toBe(modelCount('acme/payments-api'));
    const page2 = (await requests()).filter(r => r.path === '/repos/acme/payments-api/deployments' && r.query.page === '2');
    expect(page2.map(r => r.status)).toEqual([429, 200]);
  });

  it('stops at an exhausted rate limit instead of trying every other repository, and resumes next run', async () => {
    const reset = String(Math.ceil(Date.now() / 1000) + 3600);
    await fault({
      path: '/repos/acme/fraud-scoring/deployments',
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      times: 1,
    });
    await backend.runSync('github');
    const failed = await lastRun();
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/rate limit exhausted at acme\/fraud-scoring/);
    // /health says degraded and names the source to a signed-in caller.
    expect((await api('/health')).body).toMatchObject({ status: 'degraded', degraded: ['github'] });
    // payments-api came first and is stored; ui-kit, after the limit, was not even asked for.
    expect(await stored('payments-api')).toBe(modelCount('acme/payments-api'));
    expect((await requests()).some(r => r.path.startsWith('/repos/acme/ui-kit'))).toBe(false);
    await backend.runSync('github');
    expect((await lastRun()).status).toBe('succeeded');
    expect(await stored('fraud-scoring')).toBe(modelCount('acme/fraud-scoring'));
  });

  it('keeps pages 1-2 when page 3 fails, reports the failure, and completes on the next run', async () => {
    await fault({ path: '/repos/acme/payments-api/deployments', query: { page: '3' }, status: 500 });
    await backend.runSync('github');
    const failed = await lastRun();
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('acme/payments-api');
    expect(modelCount('acme/payments-api')).toBeGreaterThan(200);
    expect(await stored('payments-api')).toBe(200);
    expect(await stored('fraud-scoring')).toBe(modelCount('acme/fraud-scoring'));

    await simulator.clearFaults();
    await backend.runSync('github');
    expect((await lastRun()).status).toBe('succeeded');
    expect(await stored('payments-api')).toBe(modelCount('acme/payments-api'));
  });
});
