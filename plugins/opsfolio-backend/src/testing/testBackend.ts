import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { opsfolioPlugin } from '../plugin';
import type { TestDatabase } from './testDatabases';

/** The plugin in a test backend on the given database, with an in-memory catalog and no default caller. */
export async function startOpsfolio(options: {
  db: TestDatabase;
  entities: Entity[];
  config?: object;
  features?: any[];
}): Promise<Awaited<ReturnType<typeof startTestBackend>>['server']> {
  const { server } = await startTestBackend({
    features: [
      opsfolioPlugin,
      mockServices.database.factory({ knex: options.db.knex }),
      catalogServiceMock.factory({ entities: options.entities }),
      // Without this the test backend treats a request with no token as a signed-in user.
      mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      ...(options.features ?? []),
    ],
  });
  return server;
}

/** A component entity with the given name and annotations. */
export const component = (name: string, annotations: Record<string, string> = {}, owner = 'group:default/team-a'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: { type: 'service', lifecycle: 'production', owner },
});
