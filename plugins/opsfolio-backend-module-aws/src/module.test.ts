import type { Entity } from '@backstage/catalog-model';
import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';
import { loadScenario, startSimulator, type RunningSimulator } from 'simulator';
import request from 'supertest';
import { opsfolioModuleAws } from './module';

const scenario = loadScenario(new URL('../../../examples/scenario.yaml', import.meta.url).pathname);

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations: { 'opsfolio.io/cost-tag': `service=${name}` } },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/team-storefront' },
});

describe('AWS module in the Opsfolio backend', () => {
  let simulator: RunningSimulator;
  let backend: OpsfolioTestBackend | undefined;
  const start = async (config: object) => {
    backend = await startOpsfolioTestBackend({ features: [opsfolioModuleAws], entities: [component('search-service')], config });
    return backend;
  };
  // The demo's setup: dummy static keys for the main account (never sent to the browser), the simulator as endpoint.
  const demoConfig = () => ({
    aws: { mainAccount: { accessKeyId: 'simulator', secretAccessKey: 'simulator' } },
    opsfolio: { cost: { aws: { endpoint: `${simulator.url}/aws`, backfillMonths: 1 } } },
  });

  beforeAll(async () => {
    simulator = await startSimulator({ scenario });
  });
  afterAll(() => simulator.close());
  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
  });

  it('syncs Cost Explorer with credentials from the aws block and serves the cost of an entity', async () => {
    const b = await start(demoConfig());
    await b.runSync('aws');
    const health = await request(b.server).get('/api/opsfolio/health').set('Authorization', b.userHeader);
    expect(health.body.sources.find((s: { id: string }) => s.id === 'aws')).toMatchObject({
      pillar: 'cost',
      vendor: 'aws',
      lastRun: { status: 'succeeded' },
    });
    const calls = await simulator.requests('aws');
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.every(c => c.auth.scheme === 'AWS4-HMAC-SHA256')).toBe(true);

    const cost = await request(b.server)
      .get('/api/opsfolio/entities/component/default/search-service/cost')
      .set('Authorization', b.userHeader);
    expect(cost.status).toBe(200);
    expect(cost.body.byCloudService.map((s: { cloudService: string }) => s.cloudService)).toContain('Amazon OpenSearch Service');
    expect(cost.body.notIncluded.untagged.USD).toBeGreaterThan(0);
  });

  it('registers nothing without opsfolio.cost.aws, and refuses a bad value at start-up', async () => {
    const b = await start({});
    const health = await request(b.server).get('/api/opsfolio/health').set('Authorization', b.userHeader);
    expect(health.body.sources.map((s: { id: string }) => s.id)).not.toContain('aws');
    await b.stop();
    backend = undefined;
    await expect(start({ opsfolio: { cost: { aws: { metric: 'UsageQuantity' } } } })).rejects.toThrow(
      /Invalid opsfolio.cost.aws config[\s\S]*metric/,
    );
  });
});
