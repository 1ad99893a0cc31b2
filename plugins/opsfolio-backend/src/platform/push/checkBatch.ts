import type { AuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * What every push route checks beyond the schema: each event's entity exists in the catalog, and no
 * externalId repeats within the batch. Throws one 400 listing every problem, so a batch is all-or-nothing.
 * Returns the events grouped by their full entity ref.
 */
export async function checkBatch<E extends { entityRef: string; externalId: string }>(options: {
  kind: string;
  events: E[];
  catalog: CatalogService;
  auth: AuthService;
}): Promise<Map<string, E[]>> {
  const { kind, events } = options;
  const problems: string[] = [];
  const refs = events.map((event, i) => {
    try {
      return stringifyEntityRef(parseEntityRef(event.entityRef, { defaultKind: 'component', defaultNamespace: 'default' }));
    } catch (error) {
      problems.push(`${kind}.${i}.entityRef: ${(error as Error).message}`);
      return undefined;
    }
  });
  const unique = [...new Set(refs.filter((r): r is string => !!r))];
  const found = await options.catalog.getEntitiesByRefs(
    { entityRefs: unique, fields: ['kind', 'metadata.namespace', 'metadata.name'] },
    { credentials: await options.auth.getOwnServiceCredentials() },
  );
  const known = new Set(unique.filter((_, i) => found.items[i]));
  refs.forEach((ref, i) => {
    if (ref && !known.has(ref)) problems.push(`${kind}.${i}.entityRef: no entity ${ref} in the catalog`);
  });
  const seen = new Map<string, number>();
  events.forEach((event, i) => {
    const first = seen.get(event.externalId);
    if (first !== undefined) problems.push(`${kind}.${i}.externalId: repeats ${kind}.${first}.externalId`);
    else seen.set(event.externalId, i);
  });
  if (problems.length) throw new InputError(`Invalid ${kind} batch: ${problems.join('; ')}`);
  const byEntity = new Map<string, E[]>();
  events.forEach((event, i) => byEntity.set(refs[i]!, [...(byEntity.get(refs[i]!) ?? []), event]));
  return byEntity;
}
