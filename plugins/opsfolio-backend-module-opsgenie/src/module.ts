import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { createVendorClient, opsfolioOnCallSourcesExtensionPoint } from '@opsfolio/backstage-plugin-node';
import { OpsgenieOnCallSource } from './OpsgenieOnCallSource';

/**
 * Opsfolio on-call and alerts from Opsgenie (`opsfolio.opsgenie.token`, an API key).
 * @public
 */
export const opsfolioModuleOpsgenie = createBackendModule({
  pluginId: 'opsfolio',
  moduleId: 'opsgenie',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        oncall: opsfolioOnCallSourcesExtensionPoint,
      },
      async init({ config, logger, oncall }) {
        const own = config.getOptionalConfig('opsfolio.opsgenie');
        if (!own) {
          logger.warn('opsfolio.opsgenie is not configured; the Opsgenie module is installed but reads nothing');
          return;
        }
        const client = createVendorClient({
          vendor: 'opsgenie',
          baseUrl: own.getOptionalString('baseUrl') ?? 'https://api.opsgenie.com',
          headers: { authorization: `GenieKey ${own.getString('token')}` },
          logger,
        });
        oncall.addOnCallSource(new OpsgenieOnCallSource(client, { logger, incidentDays: own.getOptionalNumber('incidentDays') ?? 90 }));
      },
    });
  },
});
