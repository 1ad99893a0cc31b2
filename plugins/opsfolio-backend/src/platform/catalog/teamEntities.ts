import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefKey, refKey } from '@opsfolio/backstage-plugin-common';
import { relationTargets } from './relations';

/** Deeper than any real org chart; stops a cycle in bad catalog data. */
const MAX_DEPTH = 12;

/** The group and every group below it (`parentOf`), one catalog call per level, as the caller. */
export async function groupAndDescendants(
  catalog: CatalogService,
  group: Entity,
  credentials: BackstageCredentials,
): Promise<string[]> {
  const seen = new Set([entityRefKey(group)]);
  let level = [group];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const children = level
      .flatMap(g => relationTargets(g, 'parentOf'))
      .filter(ref => !seen.has(ref));
    children.forEach(ref => seen.add(ref));
    if (children.length === 0) break;
    const { items } = await catalog.getEntitiesByRefs({ entityRefs: children }, { credentials });
    level = items.filter((g): g is Entity => Boolean(g));
  }
  return [...seen];
}

/** What these groups own, with the owning group of each, in one catalog call. */
export async function ownedBy(
  catalog: CatalogService,
  groupRefs: string[],
  credentials: BackstageCredentials,
): Promise<Array<{ entity: Entity; ownerRef: string }>> {
  const groups = new Set(groupRefs.map(refKey));
  const { items } = await catalog.getEntities(
    {
      filter: { 'relations.ownedBy': groupRefs },
      fields: ['kind', 'metadata.namespace', 'metadata.name', 'metadata.title', 'metadata.annotations', 'spec.owner', 'relations'],
    },
    { credentials },
  );
  return items.map(entity => ({
    entity,
    ownerRef:
      (entity.relations ?? []).map(r => (r.type === 'ownedBy' ? refKey(r.targetRef) : '')).find(ref => groups.has(ref)) ??
      groupRefs[0],
  }));
}
