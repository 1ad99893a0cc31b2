import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DatabaseDeploymentStore } from '../deployments/DatabaseDeploymentStore';
import { DefaultDeploymentsService } from '../deployments/DefaultDeploymentsService';
import { DEFAULT_DORA_THRESHOLDS } from '../deployments/doraBands';
import { DatabaseOnCallStore } from '../oncall/DatabaseOnCallStore';
import { incidentStartsOf } from '../oncall/incidentStarts';
import type { CatalogSnapshotLoader } from '../platform/catalog/catalogSnapshot';
import { onCallServiceOf } from '../testing/onCallService';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabases';
import { DatabaseCodeownersStore } from './DatabaseCodeownersStore';
import { DefaultOwnershipService } from './DefaultOwnershipService';
import { OwnershipFactsLoader } from './ownershipFactsLoader';

const rel = (type: string, ...refs: string[]) => refs.map(targetRef => ({ type, targetRef }));
const payApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'pay-api', namespace: 'default', annotations: { 'pagerduty.com/service-id': 'PPAY' } },
  spec: { type: 'service', owner: 'payments' },
};
const CATALOG: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments', namespace: 'default', title: 'Payments' },
    spec: { type: 'team', children: [] },
    relations: rel('hasMember', 'user:default/ada'),
  },
  { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'mobile', namespace: 'default' }, spec: { type: 'team', children: [] } },
  { apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name: 'ada', namespace: 'default', title: 'Ada Okafor' }, spec: { profile: { email: 'ada@acme.example' } } },
  payApi,
];
const snapshot = { get: async () => ({ entities: CATALOG, requests: 1, readAt: Date.now() }) } as unknown as CatalogSnapshotLoader;

describe('DefaultOwnershipService', () => {
  let db: TestDatabase;
  let service: DefaultOwnershipService;
  let onCallStore: DatabaseOnCallStore;
  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
    onCallStore = new DatabaseOnCallStore(db.knex);
    const onCall = onCallServiceOf(onCallStore, [{ id: 'pagerduty', annotations: ['pagerduty.com/service-id'] }]);
    const codeowners = new DatabaseCodeownersStore(db.knex);
    const deployments = new DefaultDeploymentsService({
      store: new DatabaseDeploymentStore(db.knex),
      settings: { productionEnvironments: ['production'], windowDays: 30, incidentWindowHours: 24, reworkWindowHours: 24, thresholds: DEFAULT_DORA_THRESHOLDS },
      incidents: incidentStartsOf(onCall),
      catalog: catalogServiceMock(),
      auth: mockServices.auth(),
    });
    service = new DefaultOwnershipService({
      loader: new OwnershipFactsLoader({ snapshot, onCall, codeowners, deployments }),
      onCall,
      codeowners,
      deployments,
    });
  });
  afterEach(() => db.destroy());

  it('gives the owner with its members and who is on call from the last stored read', async () => {
    await onCallStore.saveSnapshot('component:default/pay-api', 'pagerduty', {
      service: { id: 'PPAY', name: 'Payments API' },
      shifts: [{ level: 1, person: { name: 'Ada Okafor', email: 'ada@acme.example' }, end: '2099-01-01T00:00:00Z' }],
      readAt: '2026-11-22T00:00:00Z',
    });
    const ownership = await service.entityOwnership(payApi);
    expect(ownership).toMatchObject({ ownerRef: 'group:default/payments', ownerTitle: 'Payments', memberCount: 1, problems: [] });
    expect(ownership.onCallNow).toEqual([
      { name: 'Ada Okafor', email: 'ada@acme.example', until: '2099-01-01T00:00:00Z', source: 'pagerduty', readAt: '2026-11-22T00:00:00Z' },
    ]);
  });

  it('reads the owner from the entity as just read, before the catalog snapshot catches up', async () => {
    const moved = { ...payApi, spec: { ...payApi.spec, owner: 'mobile' } };
    const ownership = await service.entityOwnership(moved);
    expect(ownership.ownerRef).toBe('group:default/mobile');
    expect(ownership.problems.map(p => p.kind)).toEqual(['team-without-members']);
  });

  it('refuses a kind it does not check', async () => {
    await expect(service.entityOwnership(CATALOG[2])).rejects.toThrow(NotFoundError);
  });

  it('counts problems by kind and by team, and filters by owner', async () => {
    const overview = await service.overview();
    // The empty mobile team is the one problem; pay-api is fine.
    expect(overview.problems.map(p => [p.problem.kind, p.entityRef])).toEqual([['team-without-members', 'group:default/mobile']]);
    expect(overview.counts['team-without-members']).toBe(1);
    expect(overview.byTeam).toEqual([{ ownerRef: 'group:default/payments', title: 'Payments', entities: 1, problems: 0 }]);
    expect((await service.overview({ owner: 'Group:default/Payments' })).problems).toEqual([]);
  });

  it('names every group and user', async () => {
    expect(Object.fromEntries(await service.ownerTitles())).toEqual({
      'group:default/payments': 'Payments',
      'group:default/mobile': undefined,
      'user:default/ada': 'Ada Okafor',
    });
  });
});
