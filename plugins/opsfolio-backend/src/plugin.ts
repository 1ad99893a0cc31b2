import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
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
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        catalog: catalogServiceRef,
      },
      async init({ config, logger, database, scheduler, httpRouter, httpAuth, catalog }) {
        const db = await database.getClient();
        if (!database.migrations?.skip) {
          await migrate(db);
        }
        const runs = new SyncRunStore(db);
        const runner = new SyncRunner({ scheduler, logger, runs, settings: readSourceSettings(config) });
        httpRouter.use(createRouter({ httpAuth, catalog, runner, runs }));
        for (const path of UNAUTHENTICATED_PATHS) {
          httpRouter.addAuthPolicy({ path, allow: 'unauthenticated' });
        }
      },
    });
  },
});
