import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { makeValidator, stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { CATALOG_ACCESS_ADVICE } from './catalogAccess';

export interface EntityName {
  kind: string;
  namespace: string;
  name: string;
}

const validator = makeValidator();

/**
 * A kind, namespace and name from a URL path, held to the catalog's own rules, so a value the catalog
 * could never hold (a kind with `/`, a name over 63 characters) is a 400 naming the parameter, not a
 * failed catalog call. Namespaces compare without case, as the catalog compares refs.
 */
function checkEntityName(name: EntityName, from: string): EntityName {
  const problems = [
    validator.isValidKind(name.kind) ? undefined : `kind: ${JSON.stringify(name.kind)} is not a catalog kind`,
    validator.isValidNamespace(name.namespace.toLowerCase()) ? undefined : `namespace: ${JSON.stringify(name.namespace)} is not a catalog namespace`,
    validator.isValidEntityName(name.name) ? undefined : `name: ${JSON.stringify(name.name)} is not a catalog entity name`,
  ].filter(Boolean);
  if (problems.length) throw new InputError(`Invalid entity in ${from}: ${problems.join('; ')}`);
  return name;
}

/** Looks an entity up as the caller, so the catalog's own permissions decide what they may see. */
export async function loadEntity(
  catalog: CatalogService,
  name: EntityName,
  credentials: BackstageCredentials,
  /** Where the name came from, for the 400: the URL path, or an action's input. */
  from = 'the path',
): Promise<Entity> {
  const ref = stringifyEntityRef(checkEntityName({ kind: name.kind, namespace: name.namespace, name: name.name }, from));
  let entity: Entity | undefined;
  try {
    entity = await catalog.getEntityByRef(ref, { credentials });
  } catch (error) {
    // A token restricted to Opsfolio cannot be passed on to the catalog: say which token it needs.
    if ((error as Error).name === 'NotAllowedError') throw new NotAllowedError(`Not allowed to read ${ref}: ${CATALOG_ACCESS_ADVICE}`);
    throw error;
  }
  if (!entity) throw new NotFoundError(`No entity ${ref} in the catalog`);
  return entity;
}
