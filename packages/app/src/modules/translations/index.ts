import { createFrontendModule, createTranslationResource } from '@backstage/frontend-plugin-api';
import { TranslationBlueprint } from '@backstage/plugin-app-react';
import { opsfolioTranslationRef } from '@opsfolio/backstage-plugin/alpha';

/**
 * A sample German translation of some of Opsfolio's texts, to show (and let the browser test prove) how an
 * adopter translates the plugin: a translation resource for `opsfolioTranslationRef`, and the language listed
 * in `app.extensions: api:app/app-language` in app-config.yaml. Texts it leaves out stay English.
 */
export const translationsModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    TranslationBlueprint.make({
      name: 'opsfolio-de',
      params: {
        resource: createTranslationResource({
          ref: opsfolioTranslationRef,
          translations: { de: () => import('./opsfolioGerman') },
        }),
      },
    }),
  ],
});
