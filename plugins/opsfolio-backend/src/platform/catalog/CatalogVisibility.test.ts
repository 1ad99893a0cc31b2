import { createServiceFactory, type SchedulerServiceTaskInvocationDefinition, type SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { opsfolioPlugin } from '../../plugin';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from '../../testing/testDatabases';
import { CatalogVisibility } from './CatalogVisibility';

const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations: { 'opsfolio.io/exemptions': '- check: runbook\n  reason: Pilot\n  until: 2099-01-01\n' } },
  spec: { type: 'service', lifecycle: 'production', owner },
  relations: [{ type: 'ownedBy', targetRef: owner.includes(':') ? owner : `group:default/${owner}` }],
});
const group = (name: string): Entity => ({ apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name }, spec: { type: 'team', children: [] } });
const entities = [group('team-a'), group('team-b'), component('mine', 'team-a'), component('theirs', 'team-b'), component('nobodys', 'group:default/ghost')];
// What the catalog lets ann read under the policy below: her team and what it owns.
const ANN_READS = new Set(['group:default/team-a', 'component:default/mine']);
const ann = mockCredentials.user('user:default/ann');

describe.each(TEST_DATABASES)('organisation-wide views under a conditional catalog policy, on %s', kind => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    const inMemory = catalogServiceMock({ entities });
    // The catalog applies the policy's conditions itself: as ann it returns what she may read.
    const catalog = Object.assign(Object.create(inMemory), {
      async queryEntities(req: any, options: any) {
        const page = await inMemory.queryEntities(req, options);
        const isAnn = options.credentials.principal.userEntityRef === 'user:default/ann';
        return { ...page, items: page.items.filter(e => !isAnn || ANN_READS.has(`${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`.toLowerCase())) };
      },
    });
    const scheduler = mockServices.scheduler.mock();
    ({ server } = await startTestBackend({
      features: [
        opsfolioPlugin,
        mockServices.database.factory({ knex: db.knex }),
        createServiceFactory({ service: catalogServiceRef, deps: {}, factory: () => catalog }),
        mockServices.permissions.mock({
          // ann: catalog.entity.read is conditional (her teams' entities); everyone else is allowed everything.
          authorizeConditional: async (requests, { credentials }: any) =>
            requests.map(() =>
              credentials.principal.userEntityRef === 'user:default/ann'
                ? ({ result: AuthorizeResult.CONDITIONAL, pluginId: 'catalog', resourceType: 'catalog-entity', conditions: { rule: 'IS_ENTITY_OWNER', resourceType: 'catalog-entity', params: { claims: ['group:default/team-a'] } } } as any)
                : { result: AuthorizeResult.ALLOW },
            ),
          authorize: async requests => requests.map(() => ({ result: AuthorizeResult.ALLOW })),
        }).factory,
        scheduler.factory,
        mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
      ],
    }));
    type Task = SchedulerServiceTaskScheduleDefinition & SchedulerServiceTaskInvocationDefinition;
    const job = (scheduler.scheduleTask.mock.calls as Array<[Task]>).map(([t]) => t).find(t => t.id === 'opsfolio-sync:scorecards')!;
    await job.fn(new AbortController().signal);
  });
  afterAll(async () => db.destroy());

  const get = (path: string, who = ann) => request(server).get(`/api/opsfolio${path}`).set('Authorization', mockCredentials.user.header(who.principal.userEntityRef));
  const everyone = mockCredentials.user('user:default/boss');

  it('lists only the entities the caller may read in each overview', async () => {
    const scorecards = await get('/overview/scorecards');
    expect(scorecards.status).toBe(200);
    expect(scorecards.body.entities.map((e: { entityRef: string }) => e.entityRef)).toEqual(['component:default/mine']);
    expect((await get('/overview/scorecards', everyone)).body.entities).toHaveLength(3);

    const ownership = (await get('/overview/ownership')).body;
    expect(ownership.problems.map((p: { entityRef: string }) => p.entityRef)).not.toContain('component:default/nobodys');
    expect((await get('/overview/ownership', everyone)).body.problems.map((p: { entityRef: string }) => p.entityRef)).toContain('component:default/nobodys');

    const exemptions = (await get('/overview/exemptions')).body;
    expect(exemptions.exemptions.map((e: { entityRef: string }) => e.entityRef)).toEqual(['component:default/mine']);
    expect((await get('/overview/exemptions', everyone)).body.exemptions).toHaveLength(3);
  });
});

describe('CatalogVisibility for services', () => {
  const permissions = mockServices.permissions();
  const catalog = catalogServiceMock({ entities });
  const authWith = (restricted: boolean) =>
    ({
      isPrincipal: (c: any, type: string) => c.principal.type === type,
      async getPluginRequestToken() {
        if (restricted) throw new NotAllowedError("Access to target plugin 'catalog' is not included in token's access restrictions");
        return { token: 'x' };
      },
    }) as any;

  it('lets a service that may reach the catalog read every entity', async () => {
    const visibility = new CatalogVisibility({ auth: authWith(false), permissions, catalog });
    await expect(visibility.readableBy(mockCredentials.service('external:ci'))).resolves.toBeUndefined();
  });

  it('refuses a token restricted to Opsfolio, naming the restriction it needs', async () => {
    const visibility = new CatalogVisibility({ auth: authWith(true), permissions, catalog });
    await expect(visibility.readableBy(mockCredentials.service('external:ci'))).rejects.toThrow(/add `- plugin: catalog` to the token's accessRestrictions/);
  });
});
