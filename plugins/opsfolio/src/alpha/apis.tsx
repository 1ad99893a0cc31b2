import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import { OpsfolioClient } from '@opsfolio/backstage-plugin-common';
import { opsfolioApiRef } from '../api/OpsfolioApi';

/** The Opsfolio backend client, as the app's `opsfolioApiRef`. */
export const opsfolioApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: opsfolioApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new OpsfolioClient(deps),
    }),
});
