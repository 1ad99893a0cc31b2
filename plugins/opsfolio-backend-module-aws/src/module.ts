import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { opsfolioCostSourcesExtensionPoint } from '@opsfolio/backstage-plugin-node';
import { readAwsCostSettings } from './config';
import { CostExplorerCostSource } from './CostExplorerCostSource';

/**
 * Opsfolio cost from AWS Cost Explorer (`opsfolio.cost.aws`). Credentials come from the `aws` block
 * (`@backstage/integration-aws-node`: main account keys or profile, per-account roles) or the SDK's
 * default chain (environment, profile, instance role); nothing secret lives under `opsfolio`.
 * @public
 */
export const opsfolioModuleAws = createBackendModule({
  pluginId: 'opsfolio',
  moduleId: 'aws',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        cost: opsfolioCostSourcesExtensionPoint,
      },
      async init({ config, logger, cost }) {
        const settings = readAwsCostSettings(config.getOptional('opsfolio.cost.aws'));
        if (!settings) {
          logger.warn('opsfolio.cost.aws is not configured; the AWS module is installed but reads nothing');
          return;
        }
        const credentialsManager = DefaultAwsCredentialsManager.fromConfig(config);
        const account = settings.accountId ? { accountId: settings.accountId } : undefined;
        const client = new CostExplorerClient({
          region: settings.region,
          ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
          maxAttempts: settings.maxAttempts,
          // Resolved on first use, so a missing credential fails the sync (and shows on /health), not start-up.
          credentials: async props => {
            const { sdkCredentialProvider } = await credentialsManager.getCredentialProvider(account);
            return sdkCredentialProvider(props);
          },
          requestHandler: { requestTimeout: 60_000 },
        });
        cost.addCostSource(
          new CostExplorerCostSource({
            client,
            metric: settings.metric,
            backfillMonths: settings.backfillMonths,
            excludeRecordTypes: settings.excludeRecordTypes,
            maxPagesPerMonth: settings.maxPagesPerMonth,
          }),
        );
      },
    });
  },
});
