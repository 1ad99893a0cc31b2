import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend/testUtils';
import type { Entity } from '@backstage/catalog-model';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createSimulator, deployHistoryForRepo, gitlabProjects, loadScenario } from 'simulator';
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
  let simulator: Server;
  let sim: string;
  let backend: OpsfolioTestBackend;

  const control = (path: string, init?: RequestInit) => fetch(`${sim}/_control${path}`, init);
  const requests = async () =>
    (await (await control('/requests?vendor=gitlab')).json()).requests as Array<{ path: string; status: number; query: Record<string, string> }>;
  const api = (path: string) => request(backend.server).get(`/api/opsfolio${path}`).set('Authorization', backend.userHeader);
  const stored = async (name: string) => (await api(`/entities/component/default/${name}/deployments?limit=1`)).body.total as number;
  const lastRun = async () => (await api('/health')).body.sources.find((s: { id: string }) => s.id === 'gitlab').lastRun;
  const modelCount = () =>
    deployHistoryForRepo({ scenario, now: () => NOW }, 'gitlab', SLUG)!.deploys.filter(d => d.createdAt.getTime() <= NOW.getTime()).length;
  const projectId = () => String(gitlabProjects({ scenario, now: () => NOW }).find(p => p.pathWithNamespace === SLUG)!.id);

  beforeAll(async () => {
    simulator = createSimulator({ scenario, now: () => NOW }).listen(0, '127.0.0.1');
    await new Promise(resolve => simulator.once('listening', resolve));
    sim = `http://127.0.0.1:${(simulator.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(resolve => simulator.close(resolve)));

  beforeEach(async () => {
    await control('/faults', { method: 'DELETE' });
    backend = await startOpsfolioTestBackend({
      features: [opsfolioModuleGitlab],
      entities: [
        component('payouts-worker', { 'gitlab.com/project-slug': SLUG }),
        component('payouts-by-id', { 'gitlab.com/project-id': projectId() }),
      ],
      config: { integrations: { gitlab: [{ host: 'gitlab.com', apiBaseUrl: `${sim}/gitlab/api/v4`, token: 'test-token' }] } },
    });
    await control('/requests', { method: 'DELETE' });
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
    await control('/requests', { method: 'DELETE' });
    await backend.runSync('gitlab');
    const second = await requests();
    expect(second).toHaveLength(2); // one page per project
    expect(second.every(r => r.query.updated_after && r.query.order_by === 'updated_at')).toBe(true);
    expect(await stored('payouts-worker')).toBe(modelCount());
  });

  it('keeps page 1 when page 2 fails, and resumes from there on the next run', async () => {
    await control('/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ vendor: 'gitlab', path: '/projects/*/deployments', query: { page: '2' }, status: 502 }),
    });
    await backend.runSync('gitlab');
    const failed = await lastRun();
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/gitlab GET \/projects\/.+\/deployments failed after 4 attempts: 502/);
    expect(await stored('payouts-worker')).toBe(100);

    await control('/faults', { method: 'DELETE' });
    await control('/requests', { method: 'DELETE' });
    await backend.runSync('gitlab');
    expect((await lastRun()).status).toBe('succeeded');
    expect(await stored('payouts-worker')).toBe(modelCount());
    // It resumed after page 1's newest update, so it did not read the first 100 again from the start.
    expect((await requests()).every(r => r.query.updated_after)).toBe(true);
  });
});
