import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';

export interface EntityName {
  kind: string;
  namespace: string;
  name: string;
}

/** Looks an entity up as the caller, so the catalog's own permissions decide what they may see. */
export async function loadEntity(
  catalog: CatalogService,
  name: EntityName,
  credentials: BackstageCredentials,
): Promise<Entity> {
  const ref = stringifyEntityRef(name);
  const entity = await catalog.getEntityByRef(ref, { credentials });
  if (!entity) throw new NotFoundError(`No entity ${ref} in the catalog`);
  return entity;
}
