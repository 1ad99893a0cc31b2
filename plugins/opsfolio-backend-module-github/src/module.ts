import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { opsfolioDeploymentSourcesExtensionPoint } from '@opsfolio/backstage-plugin-node';
import { GithubDeploymentSource } from './GithubDeploymentSource';

/**
 * Opsfolio deploy history from GitHub: credentials and API base URL from `integrations.github`
 * (token or GitHub App, github.com or GitHub Enterprise).
 * @public
 */
export const opsfolioModuleGithub = createBackendModule({
  pluginId: 'opsfolio',
  moduleId: 'github',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        deployments: opsfolioDeploymentSourcesExtensionPoint,
      },
      async init({ config, logger, deployments }) {
        const own = config.getOptionalConfig('opsfolio.deployments.github');
        deployments.addDeploymentSource(
          new GithubDeploymentSource({
            integrations: ScmIntegrations.fromConfig(config),
            logger,
            productionEnvironments: config.getOptionalStringArray('opsfolio.deployments.productionEnvironments') ?? [
              'production',
            ],
            maxCompareCallsPerRun: own?.getOptionalNumber('maxCompareCallsPerRun') ?? 1000,
            leadTimeDays: own?.getOptionalNumber('leadTimeDays') ?? 90,
            maxDeploymentsPerRepo: own?.getOptionalNumber('maxDeploymentsPerRepo') ?? 1000,
          }),
        );
      },
    });
  },
});
