/** Ownership shapes shared by the backend and the frontend. */

/**
 * What can be wrong with who owns an entity: `no-owner`, `owner-missing` (names no catalog entity),
 * `owned-by-user`, `team-without-members`, `codeowners-drift`, `oncall-drift`, `deployer-drift`.
 * @public
 */
export type OwnershipProblemKind =
  | 'no-owner'
  | 'owner-missing'
  | 'owned-by-user'
  | 'team-without-members'
  | 'codeowners-drift'
  | 'oncall-drift'
  | 'deployer-drift';

/**
 * Every ownership problem kind, in the order they are listed.
 * @internal
 */
export const OWNERSHIP_PROBLEM_KINDS = [
  'no-owner',
  'owner-missing',
  'owned-by-user',
  'team-without-members',
  'codeowners-drift',
  'oncall-drift',
  'deployer-drift',
] as const satisfies readonly OwnershipProblemKind[];

/** One ownership problem of an entity, with how to fix it. @public */
export interface OwnershipProblem {
  /** What is wrong. */
  kind: OwnershipProblemKind;
  /** One sentence saying what is wrong with this entity. */
  message: string;
  /** One sentence saying how to fix it. */
  fix: string;
}

/** How to reach an owner: profile email and links of type chat, slack or email. @public */
export interface OwnerContact {
  /** The owner's profile email. */
  email?: string;
  /** The owner's `metadata.links` of type chat, slack or email. */
  links: Array<{ url: string; title?: string; type?: string }>;
}

/** Who owns an entity and whether that ownership holds. @public */
export interface OwnershipFacts {
  /** The entity checked. */
  entityRef: string;
  /** The entity's kind. */
  kind: string;
  /** The entity's `metadata.title`. */
  title?: string;
  /** The owner as a full ref (`group:default/team-a`), resolved against the entity's namespace. */
  ownerRef?: string;
  /** The owner is an entity in the catalog. */
  ownerExists: boolean;
  /** The owner is a Group (not a User). */
  ownerIsGroup: boolean;
  /** The owner's `metadata.title` or `spec.profile.displayName`. */
  ownerTitle?: string;
  /** Members of the owning group that exist in the catalog; 1 for a user owner; null when unknown. */
  memberCount: number | null;
  /** The owning group's parents, nearest first, up to the top of the tree. */
  parentChain: Array<{ ref: string; title?: string }>;
  /** How to reach the owner. */
  contact?: OwnerContact;
  /** Everything wrong with the ownership; empty when it holds. */
  problems: OwnershipProblem[];
}
