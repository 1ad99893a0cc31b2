import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** Deeper than any real org chart; stops a cycle in bad catalog data. */
const MAX_DEPTH = 12;

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** The group and every group below it (`parentOf`), one catalog call per level, as the caller. */
export async function groupAndDescendants(
  catalog: CatalogService,
  group: Entity,
  credentials: BackstageCredentials,
): Promise<string[]> {
  const seen = new Set([lower(stringifyEntityRef(group))]);
  let level = [group];
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth++) {
    const children = level
      .flatMap(g => (g.relations ?? []).filter(r => r.type === 'parentOf').map(r => lower(r.targetRef)))
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
  const groups = new Set(groupRefs.map(lower));
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
      (entity.relations ?? []).map(r => (r.type === 'ownedBy' ? lower(r.targetRef) : '')).find(ref => groups.has(ref)) ??
      groupRefs[0],
  }));
}
