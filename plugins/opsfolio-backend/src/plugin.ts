import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  opsfolioDeploymentSourcesExtensionPoint,
  type DeploymentSource,
} from '@opsfolio/backstage-plugin-node';
import { readDoraSettings } from './deployments/doraSettings';
import { DeploymentStore } from './deployments/store';
import { deploymentSyncJob } from './deployments/sync';
import { readSourceSettings } from './platform/config';
import { migrate } from './platform/migrate';
import { SyncRunner } from './platform/sync/syncRunner';
import { SyncRunStore } from './platform/sync/syncRunStore';
import { createRouter, UNAUTHENTICATED_PATHS } from './router';

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

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ config, logger, database, scheduler, httpRouter, httpAuth, auth, catalog }) {
        const db = await database.getClient();
        if (!database.migrations?.skip) await migrate(db);
        const runs = new SyncRunStore(db);
        const runner = new SyncRunner({ scheduler, logger, runs, settings: readSourceSettings(config) });
        const deployments = new DeploymentStore(db);
        for (const source of deploymentSources) {
          await runner.register(deploymentSyncJob(source, { catalog, auth, store: deployments, db }));
        }
        httpRouter.use(
          createRouter({ httpAuth, auth, catalog, runner, runs, deployments, dora: readDoraSettings(config) }),
        );
        for (const path of UNAUTHENTICATED_PATHS) {
          httpRouter.addAuthPolicy({ path, allow: 'unauthenticated' });
        }
      },
    });
  },
});
