import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { createVendorClient, opsfolioOnCallSourcesExtensionPoint } from '@opsfolio/backstage-plugin-node';
import { PagerDutyOnCallSource } from './PagerDutyOnCallSource';

/**
 * Opsfolio on-call and incidents from PagerDuty (`opsfolio.pagerduty.token`, a REST API key).
 * @public
 */
export const opsfolioModulePagerduty = createBackendModule({
  pluginId: 'opsfolio',
  moduleId: 'pagerduty',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        oncall: opsfolioOnCallSourcesExtensionPoint,
      },
      async init({ config, logger, oncall }) {
        const own = config.getOptionalConfig('opsfolio.pagerduty');
        if (!own) {
          logger.warn('opsfolio.pagerduty is not configured; the PagerDuty module is installed but reads nothing');
          return;
        }
        const client = createVendorClient({
          vendor: 'pagerduty',
          baseUrl: own.getOptionalString('baseUrl') ?? 'https://api.pagerduty.com',
          headers: {
            authorization: `Token token=${own.getString('token')}`,
            accept: 'application/vnd.pagerduty+json;version=2',
          },
          logger,
        });
        oncall.addOnCallSource(
          new PagerDutyOnCallSource(client, { logger, incidentDays: own.getOptionalNumber('incidentDays') ?? 90 }),
        );
      },
    });
  },
});
