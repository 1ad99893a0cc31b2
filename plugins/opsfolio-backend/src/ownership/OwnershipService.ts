import type { Entity } from '@backstage/catalog-model';
import type { EntityOwnershipResponse, OwnershipOverviewResponse, OwnershipProblemKind } from '@opsfolio/backstage-plugin-common';
import type { ReadableRefs } from '../platform/catalog/CatalogVisibility';
import type { EntityOwnership } from './ownershipFactsLoader';

/**
 * The ownership pillar: who owns each entity and whether that holds up (an owner in the catalog, contacts,
 * CODEOWNERS, the on-call rota and who actually deploys agree).
 */
export interface OwnershipService {
  /**
   * An entity's ownership, read as it is now (a changed owner shows at once), with who is on call for it.
   * Throws a NotFoundError for a kind Opsfolio does not check.
   */
  entityOwnership(entity: Entity): Promise<EntityOwnershipResponse>;
  /** Every ownership problem in the catalog, counted by kind and by team; filtered by problem kind or owner. */
  /** `readable`: only the entities the caller may read in the catalog (undefined for all). */
  overview(filters?: { problem?: OwnershipProblemKind; owner?: string }, readable?: ReadableRefs): Promise<OwnershipOverviewResponse>;
  /** Every entity's ownership facts, by entity ref key: what readiness checks read. */
  all(): Promise<Map<string, EntityOwnership>>;
  /** The title of every group and user in the catalog, by ref key (undefined: it has none). */
  ownerTitles(): Promise<Map<string, string | undefined>>;
  /** Who stands behind owners and entities, from the shared catalog read: what notifications address. */
  people(): Promise<OwnerPeople>;
}

/** Owners and the people they are, by ref key. */
export interface OwnerPeople {
  /** An owned entity's owner, resolved as the catalog does; undefined when it names none. */
  ownerOf(entityRef: string): string | undefined;
  /** A group's, user's or entity's title. */
  titleOf(ref: string): string | undefined;
  /** A group's direct members (user refs); a user is its own; `[]` for an owner not in the catalog. */
  usersOf(ownerRef: string): string[];
}
