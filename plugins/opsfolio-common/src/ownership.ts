/** Ownership shapes shared by the backend and the frontend. */

/** What can be wrong with who owns an entity. @public */
export const OWNERSHIP_PROBLEM_KINDS = [
  'no-owner',
  'owner-missing',
  'owned-by-user',
  'team-without-members',
  'codeowners-drift',
  'oncall-drift',
  'deployer-drift',
] as const;

/** @public */
export type OwnershipProblemKind = (typeof OWNERSHIP_PROBLEM_KINDS)[number];

/** One ownership problem of an entity, with how to fix it. @public */
export interface OwnershipProblem {
  kind: OwnershipProblemKind;
  message: string;
  fix: string;
}

/** How to reach an owner: profile email and links of type chat, slack or email. @public */
export interface OwnerContact {
  email?: string;
  links: Array<{ url: string; title?: string; type?: string }>;
}

/** Who owns an entity and whether that ownership holds. @public */
export interface OwnershipFacts {
  entityRef: string;
  kind: string;
  title?: string;
  /** The owner as a full ref (`group:default/team-a`), resolved against the entity's namespace. */
  ownerRef?: string;
  ownerExists: boolean;
  ownerIsGroup: boolean;
  ownerTitle?: string;
  /** Members of the owning group that exist in the catalog; 1 for a user owner; null when unknown. */
  memberCount: number | null;
  /** The owning group's parents, nearest first, up to the top of the tree. */
  parentChain: Array<{ ref: string; title?: string }>;
  contact?: OwnerContact;
  problems: OwnershipProblem[];
}
