import { createBackendModule } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { startOpsfolioTestBackend, type OpsfolioTestBackend } from '@opsfolio/backstage-plugin-backend-test-utils';
import { opsfolioDeploymentSourcesExtensionPoint, type DeploymentSource } from '@opsfolio/backstage-plugin-node';
import request from 'supertest';

const component = (name: string, annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: { type: 'service', owner: 'group:default/team-payments' },
});

const source = (id: string, annotation: string): DeploymentSource => ({
  id,
  vendor: id,
  annotations: [annotation],
  sync: async () => ({ items: 0 }),
});

describe("an entity's summary", () => {
  let backend: OpsfolioTestBackend;

  beforeAll(async () => {
    const module = createBackendModule({
      pluginId: 'opsfolio',
      moduleId: 'two-deployment-sources',
      register(env) {
        env.registerInit({
          deps: { deployments: opsfolioDeploymentSourcesExtensionPoint },
          async init({ deployments }) {
            deployments.addDeploymentSource(source('github', 'github.com/project-slug'));
            deployments.addDeploymentSource(source('gitlab', 'gitlab.com/project-slug'));
          },
        });
      },
    });
    backend = await startOpsfolioTestBackend({
      features: [module],
      entities: [
        component('on-gitlab', { 'gitlab.com/project-slug': 'acme/platform/feature-flags' }),
        component('on-both', { 'gitlab.com/project-slug': 'acme/mirror', 'github.com/project-slug': 'acme/mirror' }),
      ],
    });
  });
  afterAll(async () => backend.stop());

  const sourcesOf = async (name: string) => {
    const res = await request(backend.server).get(`/api/opsfolio/entities/component/default/${name}/summary`).set('Authorization', backend.userHeader);
    expect(res.status).toBe(200);
    return res.body.pillars.deployments.sources.map((s: { id: string }) => s.id);
  };

  it("lists only the sources that read one of the entity's annotations", async () => {
    // A GitLab project's card waits for GitLab, not for GitHub's sync.
    expect(await sourcesOf('on-gitlab')).toEqual(['gitlab']);
    expect(await sourcesOf('on-both')).toEqual(['github', 'gitlab']);
    const health = await request(backend.server).get('/api/opsfolio/health').set('Authorization', backend.userHeader);
    expect(health.body.sources.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['github', 'gitlab']));
  });
});
