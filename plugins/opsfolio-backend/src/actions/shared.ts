import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, type Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { z } from 'zod/v3';
import { loadEntity } from '../platform/catalog/loadEntity';

/** The zod the actions registry hands to schema functions: zod 3's API (`zod/v3`), whatever zod the plugin uses. */
export type Zod = typeof z;

/** Every Opsfolio action only reads, and asking twice gives the same answer. */
export const READ_ONLY = { readOnly: true, idempotent: true, destructive: false };

/** The `entityRef` input of every entity action. */
export const entityRefInput = (zod: Zod) =>
  zod
    .string()
    .min(1)
    .max(255)
    .describe(
      'The catalog entity, as an entity ref `kind:namespace/name`, e.g. `component:default/payments-api`. ' +
        'A bare name (`payments-api`) means a Component in the `default` namespace; `kind:name` means the `default` namespace.'
    );

/** What the errors mean, for every entity action's description. */
export const ENTITY_ERRORS =
  'Fails with NotFoundError when the entity does not exist or the caller may not read it in the catalog, and ' +
  'InputError for a malformed entity ref.';

/**
 * The entity an action asks about, read from the catalog as the caller (so the catalog's permission rules decide
 * whether they may see it, as on the REST routes): short forms are a Component in `default`, as pushes accept them.
 */
export async function readEntity(
  catalog: CatalogService,
  entityRef: string,
  credentials: BackstageCredentials
): Promise<Entity> {
  let name;
  try {
    name = parseEntityRef(entityRef.trim(), { defaultKind: 'component', defaultNamespace: 'default' });
  } catch (error) {
    throw new InputError(`entityRef: ${(error as Error).message}`);
  }
  return loadEntity(catalog, name, credentials, 'entityRef');
}

/** Money as the actions describe it. */
export const money = (zod: Zod) =>
  zod
    .record(zod.number())
    .describe(
      'Amounts by ISO 4217 currency code, e.g. {"USD": 1234.56}; currencies are never converted or added together.'
    );
