import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { isKind } from '@opsfolio/backstage-plugin-common';

export interface Member {
  name: string;
  email?: string;
}

const asMember = (user: Entity): Member => {
  const profile = (user.spec?.profile ?? {}) as { displayName?: string; email?: string };
  return { name: profile.displayName ?? user.metadata.name, email: profile.email };
};

/**
 * The people who own an entity: the members of its owning group, or the owning user alone. Two catalog
 * calls whatever the group's size.
 */
export async function ownerMembers(
  catalog: CatalogService,
  entity: Entity,
  credentials: BackstageCredentials,
): Promise<{ ownerRef?: string; members: Member[]; ownerFound: boolean }> {
  const owner = (entity.spec as { owner?: string } | undefined)?.owner;
  if (!owner) return { members: [], ownerFound: false };
  const ownerRef = stringifyEntityRef(parseEntityRef(owner, { defaultKind: 'group', defaultNamespace: entity.metadata.namespace }));
  return { ownerRef, ...(await membersOf(catalog, ownerRef, credentials)) };
}

/** The members of a group, or the user alone when the owner is a user. */
export async function membersOf(
  catalog: CatalogService,
  ownerRef: string,
  credentials: BackstageCredentials,
): Promise<{ members: Member[]; ownerFound: boolean }> {
  const ownerEntity = await catalog.getEntityByRef(ownerRef, { credentials });
  if (!ownerEntity) return { members: [], ownerFound: false };
  if (isKind(ownerEntity.kind, 'user')) return { members: [asMember(ownerEntity)], ownerFound: true };
  const memberRefs = (ownerEntity.relations ?? []).filter(r => r.type === 'hasMember').map(r => r.targetRef);
  if (memberRefs.length === 0) return { members: [], ownerFound: true };
  const { items } = await catalog.getEntitiesByRefs({ entityRefs: memberRefs }, { credentials });
  return { members: items.filter((u): u is Entity => Boolean(u)).map(asMember), ownerFound: true };
}
