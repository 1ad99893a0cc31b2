import type { Entity } from '@backstage/catalog-model';
import { entityRefKey, type OwnerContact, refKey, resolveRefKey } from '@opsfolio/backstage-plugin-common';
import { relationTargets } from '../platform/catalog/relations';

/** Kinds that must name an owner (the catalog's own rule for these kinds). */
export const OWNED_KINDS = ['component', 'api', 'resource', 'system', 'domain'];
const CONTACT_LINKS = ['chat', 'slack', 'email'];


interface IndexedGroup {
  ref: string;
  title?: string;
  type?: string;
  parentRef?: string;
  childRefs: string[];
  memberRefs: string[];
  contact: OwnerContact;
}

export interface IndexedOwned {
  ref: string;
  kind: string;
  title?: string;
  /** As written in `spec.owner`, resolved to a full ref; unset when there is none. */
  ownerRef?: string;
}

/** The catalog arranged for ownership checks: groups with members and parents, users, owned entities. */
export interface OwnershipIndex {
  groups: Map<string, IndexedGroup>;
  users: Map<string, { name: string; title?: string; email?: string }>;
  /** A deploy actor (a GitHub login, GitLab username, email) → the user it is, by loose key (see `personKey`). */
  usersByKey: Map<string, string>;
  /** User → the groups it is a member of. */
  groupsOfUser: Map<string, string[]>;
  owned: Map<string, IndexedOwned>;
}

/** Resolves `spec.owner` as the catalog does: kind defaults to group, namespace to the entity's. */
export function ownerRefOf(entity: Entity): string | undefined {
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string' || !owner.trim()) return undefined;
  try {
    return resolveRefKey(owner, { defaultKind: 'group', defaultNamespace: entity.metadata.namespace });
  } catch {
    return refKey(owner.trim());
  }
}

/** Builds the index from one read of the catalog. Pure. */
export function buildOwnershipIndex(entities: Entity[]): OwnershipIndex {
  const index: OwnershipIndex = { groups: new Map(), users: new Map(), owned: new Map(), usersByKey: new Map(), groupsOfUser: new Map() };
  for (const entity of entities) {
    const kind = refKey(entity.kind);
    const ref = entityRefKey(entity);
    const spec = (entity.spec ?? {}) as { type?: string; profile?: { email?: string; displayName?: string } };
    if (kind === 'group') {
      index.groups.set(ref, {
        ref,
        title: entity.metadata.title ?? spec.profile?.displayName,
        type: spec.type,
        parentRef: relationTargets(entity, 'childOf')[0],
        childRefs: relationTargets(entity, 'parentOf'),
        memberRefs: relationTargets(entity, 'hasMember'),
        contact: {
          email: spec.profile?.email,
          links: (entity.metadata.links ?? [])
            .filter(l => CONTACT_LINKS.includes(refKey(l.type ?? '')))
            .map(l => ({ url: l.url, title: l.title, type: l.type })),
        },
      });
    } else if (kind === 'user') {
      index.users.set(ref, { name: entity.metadata.name, title: entity.metadata.title ?? spec.profile?.displayName, email: spec.profile?.email });
      const login = entity.metadata.annotations?.['github.com/user-login'];
      for (const key of [entity.metadata.name, login, spec.profile?.email, spec.profile?.email?.split('@')[0]]) {
        if (key && !index.usersByKey.has(personKey(key))) index.usersByKey.set(personKey(key), ref);
      }
    } else if (OWNED_KINDS.includes(kind)) {
      index.owned.set(ref, { ref, kind, title: entity.metadata.title, ownerRef: ownerRefOf(entity) });
    }
  }
  for (const group of index.groups.values()) {
    for (const member of group.memberRefs) index.groupsOfUser.set(member, [...(index.groupsOfUser.get(member) ?? []), group.ref]);
  }
  return index;
}

/**
 * A loose key for matching a deploy's actor to a catalog user: GitHub logins cannot hold dots, so `ada-okafor`
 * deployed for `ada.okafor`; case and punctuation are ignored.
 */
export const personKey = (value: string) => refKey(value).replace(/[^a-z0-9@]/g, '');
