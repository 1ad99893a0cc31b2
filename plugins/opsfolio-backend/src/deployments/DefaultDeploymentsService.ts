import type { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DAY_MS,
  productionEnvironmentsOf,
  WEEK_MS,
  weekStartOf,
  type CurrentDeploymentsResponse,
  type Deployment,
  type DeploymentsPage,
  type DoraResult,
  type WeeklyDeploymentsResponse,
} from '@opsfolio/backstage-plugin-common';
import type { DeploymentRecord } from '@opsfolio/backstage-plugin-node';
import { checkBatch } from '../platform/push/checkBatch';
import { computeDora } from './dora';
import type { DoraSettings } from './doraSettings';
import type { DeploymentHistory, DeploymentsService, IncidentStarts } from './DeploymentsService';
import type { DeploymentQuery, DeploymentStore } from './DeploymentStore';
import { deploysPerWeek } from './weekly';

/** {@link DeploymentsService} over the deployment store, with incidents from the on-call pillar. */
export class DefaultDeploymentsService implements DeploymentsService {
  constructor(
    private readonly deps: {
      store: DeploymentStore;
      settings: DoraSettings;
      incidents: IncidentStarts;
      catalog: CatalogService;
      auth: AuthService;
      now?: () => Date;
    },
  ) {}

  get settings() {
    return this.deps.settings;
  }

  private now() {
    return this.deps.now?.() ?? new Date();
  }

  private productionOf(entity: Pick<Entity, 'metadata'>) {
    return productionEnvironmentsOf(entity.metadata.annotations, this.deps.settings.productionEnvironments);
  }

  async list(entityRef: string, query: DeploymentQuery): Promise<DeploymentsPage> {
    const { items, total } = await this.deps.store.list(entityRef, query);
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async current(entity: Entity): Promise<CurrentDeploymentsResponse> {
    const entityRef = stringifyEntityRef(entity);
    const [environments, last] = await Promise.all([this.deps.store.current(entityRef), this.deps.store.last(entityRef)]);
    return { productionEnvironments: this.productionOf(entity), environments, lastDeployment: last };
  }

  async weekly(entity: Entity, weeks: number): Promise<WeeklyDeploymentsResponse> {
    const to = this.now();
    const from = new Date(weekStartOf(to.getTime()) - (weeks - 1) * WEEK_MS);
    const environments = this.productionOf(entity);
    const deployments = await this.deps.store.between(stringifyEntityRef(entity), from, to);
    return { environments, weeks: deploysPerWeek(deployments, environments, weeks, to) };
  }

  async dora(entity: Entity, options: { windowDays?: number; environment?: string } = {}): Promise<DoraResult> {
    const days = options.windowDays ?? this.deps.settings.windowDays;
    const to = this.now();
    const from = new Date(to.getTime() - days * DAY_MS);
    // One more window of history before `from`, so commits shipped earlier are not credited to a redeploy.
    const history = new Date(from.getTime() - days * DAY_MS);
    const ref = stringifyEntityRef(entity);
    let deployments = await this.deps.store.between(ref, history, to);
    if (deployments.length === 0) {
      // A service that shipped long ago has a real 0/day, not "not enough data": hand over its last deploy.
      const last = await this.deps.store.last(ref);
      if (last && Date.parse(last.startedAt) < to.getTime()) deployments = [last];
    }
    const production = this.productionOf(entity);
    const asked = options.environment?.trim();
    // Another environment's figures (staging) are not "production deploys" in what they say.
    const isProduction = !asked || production.some(e => e.trim().toLowerCase() === asked.toLowerCase());
    return computeDora({
      deployments,
      productionEnvironments: asked ? [asked] : production,
      scope: isProduction ? 'production' : asked,
      window: { from, to },
      thresholds: this.deps.settings.thresholds,
      incidentWindowHours: this.deps.settings.incidentWindowHours,
      reworkWindowHours: this.deps.settings.reworkWindowHours,
      incidents: await this.deps.incidents.ofEntity(ref, history),
    });
  }

  async acceptPush(source: string, events: Array<DeploymentRecord & { entityRef: string }>): Promise<void> {
    const byEntity = await checkBatch({ kind: 'deployments', events, catalog: this.deps.catalog, auth: this.deps.auth });
    await this.deps.store.upsertMany(source, byEntity);
  }

  last(entityRef: string): Promise<Deployment | undefined> {
    return this.deps.store.last(entityRef);
  }

  deployersSince(from: Date, entityRef?: string) {
    return this.deps.store.deployersSince(from, entityRef);
  }

  async histories(
    entities: Array<{ entityRef: string; entity: Pick<Entity, 'metadata'> }>,
    { asOf, lookbackDays }: { asOf: Date; lookbackDays: number },
  ): Promise<Map<string, DeploymentHistory>> {
    const { settings } = this.deps;
    const since = new Date(asOf.getTime() - lookbackDays * DAY_MS);
    const [deploys, incidents] = await Promise.all([
      this.deps.store.allBetween(since, asOf, entities.map(e => e.entityRef)),
      this.deps.incidents.all(since),
    ]);
    const window = { from: new Date(asOf.getTime() - settings.windowDays * DAY_MS), to: asOf };
    return new Map(
      entities.map(({ entityRef, entity }) => {
        const deployments = deploys.get(entityRef) ?? [];
        const productionEnvironments = this.productionOf(entity);
        const dora = computeDora({
          deployments,
          productionEnvironments,
          window,
          thresholds: settings.thresholds,
          incidentWindowHours: settings.incidentWindowHours,
          reworkWindowHours: settings.reworkWindowHours,
          incidents: incidents.get(entityRef) ?? [],
        });
        return [entityRef, { deployments, productionEnvironments, dora }];
      }),
    );
  }
}
