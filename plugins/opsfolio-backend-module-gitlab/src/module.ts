import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { opsfolioDeploymentSourcesExtensionPoint } from '@opsfolio/backstage-plugin-node';
import { GitlabDeploymentSource } from './GitlabDeploymentSource';

/**
 * Opsfolio deploy history from GitLab: API base URL and token from `integrations.gitlab`.
 * @public
 */
export const opsfolioModuleGitlab = createBackendModule({
  pluginId: 'opsfolio',
  moduleId: 'gitlab',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        deployments: opsfolioDeploymentSourcesExtensionPoint,
      },
      async init({ config, logger, deployments }) {
        deployments.addDeploymentSource(
          new GitlabDeploymentSource({ integrations: ScmIntegrations.fromConfig(config), logger }),
        );
      },
    });
  },
});
