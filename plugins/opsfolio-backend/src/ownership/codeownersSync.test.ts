import type { Entity } from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, startSimulator, type RunningSimulator } from 'simulator';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { expectDocumentedResponse } from '../testing/openApi';
import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';

// The demo organisation, read as the catalog would serve it (the test catalog does not compute relations).
const examples = fileURLToPath(new URL('../../../../examples/', import.meta.url));
const index = resolve(examples, 'catalog/index.yaml');
const read = (file: string): Entity[] => parseAllDocuments(readFileSync(file, 'utf8')).map(d => d.toJS());
const entities = (read(index)[0]!.spec!.targets as string[]).flatMap(t => read(resolve(dirname(index), t)));

describe('CODEOWNERS sync through the GitHub UrlReader against the simulator', () => {
  let simulator: RunningSimulator;
  let backend: OpsfolioTestBackend;
  const get = (path: string) => request(backend.server).get(`/api/opsfolio${path}`).set('Authorization', backend.userHeader);
  const contents = async () => (await simulator.requests('github')).filter(r => r.path.includes('/contents/'));

  beforeAll(async () => {
    simulator = await startSimulator({ scenario: loadScenario(resolve(examples, 'scenario.yaml')) });
    backend = await startOpsfolioTestBackend({
      features: [],
      entities,
      config: {
        integrations: { github: [{ host: 'github.com', apiBaseUrl: `${simulator.url}/github`, token: 'demo-github-token' }] },
        opsfolio: { ownership: { codeowners: { hosts: ['github.com'] } } },
      },
    });
  });
  afterAll(async () => {
    await backend?.stop();
    await simulator?.close();
  });

  it('flags the service whose CODEOWNERS names another team, and agrees for the others', async () => {
    await backend.runSync('codeowners');
    const drift = await get('/entities/component/default/storefront-web/ownership');
    expectDocumentedResponse('GET', '/entities/{kind}/{namespace}/{name}/ownership', drift);
    expect(drift.body.codeowners).toMatchObject({ status: 'drift', owners: ['@acme/team-checkout'] });
    expect(drift.body.problems.map((p: { kind: string }) => p.kind)).toContain('codeowners-drift');
    const agrees = await get('/entities/component/default/payments-api/ownership');
    expect(agrees.body.codeowners).toMatchObject({ status: 'agrees' });
    expect(agrees.body.problems.filter((p: { kind: string }) => p.kind === 'codeowners-drift')).toEqual([]);
    const overview = await get('/overview/ownership?problem=codeowners-drift');
    expect(overview.body.problems.map((p: { entityRef: string }) => p.entityRef)).toEqual(['component:default/storefront-web']);
  });

  it('re-reads with ETags, and keeps the file read before when a read fails', async () => {
    await simulator.clearRequests();
    await backend.runSync('codeowners');
    const again = await contents();
    // Every file that exists is asked conditionally and answered 304; no GitLab host is read.
    expect(again.filter(r => r.status === 200)).toEqual([]);
    expect(again.filter(r => r.status === 304).length).toBeGreaterThan(10);

    await simulator.addFault({ vendor: 'github', path: '/repos/acme/storefront-web/contents/.github/CODEOWNERS', status: 502, times: 10 });
    await backend.runSync('codeowners');
    await simulator.clearFaults();
    const drift = await get('/entities/component/default/storefront-web/ownership');
    expect(drift.body.codeowners).toMatchObject({ status: 'drift', error: expect.stringContaining('502') });
    const health = await get('/health');
    expect(health.body.sources.find((s: { id: string }) => s.id === 'codeowners').lastRun.status).toBe('succeeded');
  });
});
