import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { opsfolioPermissions, type Scorecard } from '@opsfolio/backstage-plugin-common';
import {
  opsfolioCostSourcesExtensionPoint,
  opsfolioDeploymentSourcesExtensionPoint,
  opsfolioOnCallSourcesExtensionPoint,
  opsfolioScorecardsExtensionPoint,
  type CostSource,
  type FactProvider,
  type DeploymentSource,
  type OnCallSource,
} from '@opsfolio/backstage-plugin-node';
import { readCampaignDefinitions } from './campaigns/config';
import { DatabaseCampaignStore } from './campaigns/DatabaseCampaignStore';
import { DefaultCampaignsService } from './campaigns/DefaultCampaignsService';
import { CostIndexLoader } from './cost/costIndexLoader';
import { DefaultCostService } from './cost/DefaultCostService';
import { CatalogSnapshotLoader } from './platform/catalog/catalogSnapshot';
import { DatabaseCostStore } from './cost/DatabaseCostStore';
import { DatabaseCodeownersStore } from './ownership/DatabaseCodeownersStore';
import { codeownersSyncJob } from './ownership/codeownersSync';
import { providerOfUrl } from './ownership/codeowners/sourceLocation';
import { costSyncJob } from './cost/sync';
import { readDoraSettings } from './deployments/doraSettings';
import { DatabaseDeploymentStore } from './deployments/DatabaseDeploymentStore';
import { DefaultDeploymentsService } from './deployments/DefaultDeploymentsService';
import { deploymentSyncJob } from './deployments/sync';
import { DatabaseOnCallStore } from './oncall/DatabaseOnCallStore';
import { DefaultOnCallService } from './oncall/DefaultOnCallService';
import { onCallSyncJob } from './oncall/sync';
import { incidentStartsOf } from './oncall/incidentStarts';
import { readCostAllocation } from './cost/costSettings';
import { gitlabApiFileReader } from './ownership/codeowners/gitlabFiles';
import { ownTagKeys } from './cost/costIndex';
import { readSourceSettings } from './platform/config';
import { DataGenerations } from './platform/dataGenerations';
import { migrate } from './platform/migrate';
import { SyncRunner } from './platform/sync/syncRunner';
import { DatabaseSyncRunStore } from './platform/sync/DatabaseSyncRunStore';
import { DefaultOwnershipService } from './ownership/DefaultOwnershipService';
import { OwnershipFactsLoader } from './ownership/ownershipFactsLoader';
import { readScorecardSettings } from './scorecards/config';
import { DefaultScorecardsService } from './scorecards/DefaultScorecardsService';
import { ScorecardEvaluator } from './scorecards/evaluator';
import { catalogFactProvider } from './scorecards/facts/catalogFacts';
import { costFactProvider } from './scorecards/facts/costFacts';
import { deploymentFactProvider } from './scorecards/facts/deploymentFacts';
import { onCallFactProvider } from './scorecards/facts/onCallFacts';
import { ownershipFactProvider } from './scorecards/facts/ownershipFacts';
import { sourceFreshness } from './scorecards/facts/sourceFreshness';
import { scorecardJob } from './scorecards/job';
import { OverviewDataLoader } from './scorecards/overviewData';
import { PRODUCTION_READINESS } from './scorecards/productionReadiness';
import { DatabaseScorecardStore } from './scorecards/DatabaseScorecardStore';
import { createRouter, UNAUTHENTICATED_PATHS } from './router';
import { registerActions } from './actions/registerActions';
import { notificationCollectors } from './notifications/collectors';
import { DatabaseNotificationOutbox } from './notifications/DatabaseNotificationOutbox';
import { notificationJob } from './notifications/job';
import { NotificationRun } from './notifications/notificationRun';
import { readNotificationSettings } from './notifications/settings';
import { CatalogVisibility } from './platform/catalog/CatalogVisibility';

/**
 * The Opsfolio backend plugin: store, scheduled sync, facts, scorecards and the REST API at `/api/opsfolio`.
 * @public
 */
export const opsfolioPlugin = createBackendPlugin({
  pluginId: 'opsfolio',
  register(env) {
    const deploymentSources: DeploymentSource[] = [];
    env.registerExtensionPoint(opsfolioDeploymentSourcesExtensionPoint, {
      addDeploymentSource: source => void deploymentSources.push(source),
    });
    const onCallSources: OnCallSource[] = [];
    env.registerExtensionPoint(opsfolioOnCallSourcesExtensionPoint, {
      addOnCallSource: source => void onCallSources.push(source),
    });
    const costSources: CostSource[] = [];
    env.registerExtensionPoint(opsfolioCostSourcesExtensionPoint, {
      addCostSource: source => void costSources.push(source),
    });
    const factProviders: FactProvider[] = [];
    const moduleScorecards: Scorecard[] = [];
    env.registerExtensionPoint(opsfolioScorecardsExtensionPoint, {
      addFactProvider: provider => void factProviders.push(provider),
      addScorecard: scorecard => void moduleScorecards.push(scorecard),
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        auditor: coreServices.auditor,
        cache: coreServices.cache,
        catalog: catalogServiceRef,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        urlReader: coreServices.urlReader,
        actionsRegistry: actionsRegistryServiceRef,
        notifications: notificationService,
      },
      async init({ config, logger, database, scheduler, httpRouter, httpAuth, auth, auditor, cache, catalog, permissions, permissionsRegistry, urlReader, notifications, actionsRegistry }) {
        permissionsRegistry.addPermissions(opsfolioPermissions);
        const db = await database.getClient();
        if (!database.migrations?.skip) await migrate(db);
        // What every replica's caches compare with: another replica's writes show here within GENERATION_CHECK_MS.
        const generations = new DataGenerations(db);
        const runs = new DatabaseSyncRunStore(db);
        const runner = new SyncRunner({ scheduler, logger, runs, settings: readSourceSettings(config) });
        const deploymentStore = new DatabaseDeploymentStore(db);
        for (const source of deploymentSources) {
          await runner.register(deploymentSyncJob(source, { catalog, auth, store: deploymentStore, db }));
        }
        const onCallStore = new DatabaseOnCallStore(db);
        const onCall = new DefaultOnCallService({
          store: onCallStore,
          sources: onCallSources,
          catalog,
          auth,
          cache,
          logger,
          cacheTtlMs: (config.getOptionalNumber('opsfolio.oncall.cacheTtlSeconds') ?? 60) * 1000,
        });
        const deployments = new DefaultDeploymentsService({
          store: deploymentStore,
          settings: readDoraSettings(config),
          incidents: incidentStartsOf(onCall),
          catalog,
          auth,
        });
        for (const source of onCallSources) {
          await runner.register(onCallSyncJob(source, { catalog, auth, store: onCallStore, db }));
        }
        // The org-wide views (cost roll-ups, ownership) share one paged, cached read of the catalog.
        const catalogSnapshot = new CatalogSnapshotLoader({ catalog, auth });
        const cost = new DatabaseCostStore(db, generations);
        const allocation = readCostAllocation(config);
        const costIndex = new CostIndexLoader({ catalog: catalogSnapshot, tagKey: allocation.key });
        const entityTagKeys = async () => ownTagKeys(await costIndex.get());
        for (const source of costSources) {
          await runner.register(costSyncJob(source, { catalog, auth, store: cost, db, allocation, entityTagKeys }));
        }
        const codeowners = new DatabaseCodeownersStore(db);
        const integrations = ScmIntegrations.fromConfig(config);
        await runner.register(
          codeownersSyncJob({
            snapshot: catalogSnapshot,
            reader: gitlabApiFileReader(integrations, urlReader),
            store: codeowners,
            hosts: config.getOptionalStringArray('opsfolio.ownership.codeowners.hosts'),
            providerOf: providerOfUrl(integrations),
          }),
        );
        const ownership = new DefaultOwnershipService({
          loader: new OwnershipFactsLoader({ snapshot: catalogSnapshot, onCall, codeowners, deployments }),
          onCall,
          codeowners,
          deployments,
        });
        const costService = new DefaultCostService({ store: cost, index: costIndex, generations });
        const freshness = (ids: string[]) => sourceFreshness({ runs, runner }, ids);
        const providers: FactProvider[] = [
          catalogFactProvider,
          ownershipFactProvider(ownership, runner.maxAgeMs('codeowners')),
          deploymentFactProvider({ deployments, sources: deploymentSources, freshness }),
          onCallFactProvider({ onCall, ownership, freshness }),
          costFactProvider({ cost: costService, sourceIds: costSources.map(s => s.id), freshness }),
          ...factProviders,
        ];
        const facts = providers.flatMap(p => p.facts);
        const scorecardSettings = readScorecardSettings(
          config,
          { builtIn: PRODUCTION_READINESS, fromModules: moduleScorecards },
          new Set(facts.map(f => f.id)),
        );
        // Scorecards may be filtered to any kind: the shared catalog read must hold those entities too.
        catalogSnapshot.includeKinds(scorecardSettings.scorecards.flatMap(sc => [...(sc.filter?.kind ?? []), ...sc.checks.flatMap(c => c.filter?.kind ?? [])]));
        const scorecardStore = new DatabaseScorecardStore(db, generations);
        const campaigns = new DefaultCampaignsService({
          store: new DatabaseCampaignStore(db, generations),
          configured: readCampaignDefinitions(config, scorecardSettings.scorecards),
          scorecards: scorecardSettings.scorecards,
          scorecardStore,
          origins: scorecardSettings.origins,
          groupTitles: () => ownership.ownerTitles(),
          generation: kind => generations.current(kind),
        });
        const evaluator = new ScorecardEvaluator({ settings: scorecardSettings, providers, snapshot: catalogSnapshot, store: scorecardStore, logger });
        const notSyncedYet = async () => {
          const ids = runner.registered().map(j => j.id).filter(id => id !== 'scorecards' && id !== 'notifications' && runner.enabled(id));
          const fresh = await runs.freshness(ids);
          return ids.filter(id => !fresh.get(id)?.lastSuccessAt);
        };
        await runner.register(scorecardJob(evaluator, notSyncedYet));
        const notificationSettings = readNotificationSettings(config);
        await runner.register(
          notificationJob(
            new NotificationRun({
              outbox: new DatabaseNotificationOutbox(db),
              notifications,
              collectors: notificationCollectors({ scorecardStore, scorecards: scorecardSettings.scorecards, campaigns, onCall, ownership, settings: notificationSettings }),
              people: () => ownership.people(),
              settings: notificationSettings,
              logger,
            }),
          ),
        );
        const visibility = new CatalogVisibility({ auth, permissions, catalog });
        const scorecards = new DefaultScorecardsService({
          evaluator,
          store: scorecardStore,
          overview: new OverviewDataLoader({ store: scorecardStore, ownership, generation: () => generations.current('scorecards') }),
          facts,
          catalog,
          onCall,
          deployments,
          cost: costService,
        });
        httpRouter.use(
          createRouter({
            httpAuth,
            auth,
            auditor,
            permissions,
            catalog,
            visibility,
            runner,
            runs,
            deployments,
            onCall,
            cost: costService,
            ownership,
            scorecards,
            campaigns,
          }),
        );
        // The same answers for AI agents, through Backstage's actions registry (served over MCP by mcp-actions-backend).
        registerActions(actionsRegistry, { catalog, permissions, visibility, ownership, onCall, deployments, cost: costService, scorecards, campaigns });
        for (const path of UNAUTHENTICATED_PATHS) {
          httpRouter.addAuthPolicy({ path, allow: 'unauthenticated' });
        }
      },
    });
  },
});
