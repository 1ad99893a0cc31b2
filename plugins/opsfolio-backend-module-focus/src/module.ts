import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { opsfolioCostSourcesExtensionPoint } from '@opsfolio/backstage-plugin-node';
import { readFocusSettings } from './config';
import { FocusCostSource } from './FocusCostSource';

/**
 * Opsfolio daily cost from FOCUS 1.x exports (`opsfolio.cost.focus`): one cost source per export.
 * @public
 */
export const opsfolioModuleFocus = createBackendModule({
  pluginId: 'opsfolio',
  moduleId: 'focus',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        urlReader: coreServices.urlReader,
        cost: opsfolioCostSourcesExtensionPoint,
      },
      async init({ config, logger, urlReader, cost }) {
        const settings = readFocusSettings(config.getOptional('opsfolio.cost.focus'));
        if (!settings) {
          logger.warn('opsfolio.cost.focus is not configured; the FOCUS module is installed but reads nothing');
          return;
        }
        for (const { sourceId, location } of settings.exports) {
          cost.addCostSource(
            new FocusCostSource({
              id: sourceId,
              location,
              urlReader,
              costColumn: settings.costColumn,
              chargeCategories: settings.chargeCategories,
              maxMalformedShare: settings.maxMalformedShare,
            }),
          );
        }
      },
    });
  },
});
