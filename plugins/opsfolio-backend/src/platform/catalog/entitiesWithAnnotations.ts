import type { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { SourceEntity } from '@opsfolio/backstage-plugin-node';

/** Every entity that carries any of the annotations, read once per sync run as the plugin itself. */
export async function entitiesWithAnnotations(
  catalog: CatalogService,
  auth: AuthService,
  annotations: string[],
): Promise<SourceEntity[]> {
  if (annotations.length === 0) return [];
  const { items } = await catalog.getEntities(
    {
      // An array of filters is an OR in the catalog API.
      filter: annotations.map(a => ({ [`metadata.annotations.${a}`]: CATALOG_FILTER_EXISTS })),
      fields: ['kind', 'metadata.namespace', 'metadata.name', 'metadata.annotations'],
    },
    { credentials: await auth.getOwnServiceCredentials() },
  );
  return items.map(entity => ({
    entityRef: stringifyEntityRef(entity),
    annotations: entity.metadata.annotations ?? {},
  }));
}
