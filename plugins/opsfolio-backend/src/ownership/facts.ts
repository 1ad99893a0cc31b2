import { type OwnershipFacts, type OwnershipProblem, refKey } from '@opsfolio/backstage-plugin-common';
import type { IndexedOwned, OwnershipIndex } from './ownershipIndex';

/** Deeper than any real org chart; stops a cycle in bad catalog data. */
const MAX_DEPTH = 20;

const existingMembers = (index: OwnershipIndex, groupRef: string) =>
  (index.groups.get(groupRef)?.memberRefs ?? []).filter(ref => index.users.has(ref)).length;

function parentChain(index: OwnershipIndex, groupRef: string) {
  const chain: Array<{ ref: string; title?: string }> = [];
  const seen = new Set([groupRef]);
  for (let ref = index.groups.get(groupRef)?.parentRef; ref && !seen.has(ref) && chain.length < MAX_DEPTH; ref = index.groups.get(ref)?.parentRef) {
    seen.add(ref);
    chain.push({ ref, title: index.groups.get(ref)?.title });
  }
  return chain;
}

/** A leaf team (no sub-groups) with nobody in it: nobody can be reached for what it owns. */
const isEmptyTeam = (index: OwnershipIndex, groupRef: string) =>
  existingMembers(index, groupRef) === 0 && (index.groups.get(groupRef)?.childRefs.length ?? 0) === 0;

/**
 * Who owns an entity and what is wrong with it, from the catalog alone; `extra` adds what other pillars
 * found (CODEOWNERS, on-call rota, deployers). Pure. Groups are checked as teams: a leaf group without
 * members is a problem wherever it shows up.
 */
export function ownershipFacts(
  index: OwnershipIndex,
  entityRef: string,
  extra: OwnershipProblem[] = [],
  /** The entity as just read, when the cached index may be a minute old. */
  fresh?: IndexedOwned,
): OwnershipFacts | undefined {
  const ref = refKey(entityRef);
  const group = index.groups.get(ref);
  if (group) {
    return {
      entityRef: ref,
      kind: 'group',
      title: group.title,
      ownerExists: true,
      ownerIsGroup: true,
      memberCount: existingMembers(index, ref),
      parentChain: parentChain(index, ref),
      contact: group.contact,
      problems: isEmptyTeam(index, ref)
        ? [{ kind: 'team-without-members', message: `${group.title ?? ref} has no members in the catalog.`, fix: 'Add its people as Users with spec.memberOf, or merge it into a team that has them.' }, ...extra]
        : extra,
    };
  }
  const owned = fresh ?? index.owned.get(ref);
  if (!owned) return undefined;
  const problems: OwnershipProblem[] = [];
  const base = { entityRef: ref, kind: owned.kind, title: owned.title, parentChain: [] as OwnershipFacts['parentChain'] };
  if (!owned.ownerRef) {
    problems.push({ kind: 'no-owner', message: 'Nobody owns this entity.', fix: 'Set spec.owner to the group that runs it.' });
    return { ...base, ownerExists: false, ownerIsGroup: false, memberCount: null, problems: [...problems, ...extra] };
  }
  const ownerGroup = index.groups.get(owned.ownerRef);
  const ownerUser = index.users.get(owned.ownerRef);
  if (!ownerGroup && !ownerUser) {
    problems.push({
      kind: 'owner-missing',
      message: `Its owner ${owned.ownerRef} does not exist in the catalog.`,
      fix: 'Point spec.owner at an existing group, or add that group to the catalog.',
    });
  } else if (ownerUser) {
    problems.push({
      kind: 'owned-by-user',
      message: `Owned by one person (${ownerUser.title ?? owned.ownerRef}): nobody covers when they are away.`,
      fix: 'Make a team the owner: spec.owner: group:<team>.',
    });
  } else if (isEmptyTeam(index, owned.ownerRef)) {
    problems.push({
      kind: 'team-without-members',
      message: `Its owner ${ownerGroup!.title ?? owned.ownerRef} has no members in the catalog.`,
      fix: "Add the team's people as Users with spec.memberOf, or move the entity to a team that has them.",
    });
  }
  return {
    ...base,
    ownerRef: owned.ownerRef,
    ownerExists: Boolean(ownerGroup || ownerUser),
    ownerIsGroup: Boolean(ownerGroup),
    ownerTitle: ownerGroup?.title ?? ownerUser?.title,
    memberCount: ownerGroup ? existingMembers(index, owned.ownerRef) : ownerUser ? 1 : null,
    parentChain: ownerGroup ? parentChain(index, owned.ownerRef) : [],
    contact: ownerGroup?.contact ?? (ownerUser ? { email: ownerUser.email, links: [] } : undefined),
    problems: [...problems, ...extra],
  };
}
