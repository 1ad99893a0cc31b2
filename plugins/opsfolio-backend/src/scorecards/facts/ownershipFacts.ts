import type { FactDescription } from '@opsfolio/backstage-plugin-common';
import type { FactAnswer, FactProvider } from '@opsfolio/backstage-plugin-node';
import type { OwnershipService } from '../../ownership/OwnershipService';

export const OWNERSHIP_FACTS: FactDescription[] = [
  { id: 'ownership.ownerExists', pillar: 'ownership', title: 'Owner exists', type: 'boolean', description: 'spec.owner names a group or user in the catalog.' },
  { id: 'ownership.ownerIsGroup', pillar: 'ownership', title: 'Owned by a team', type: 'boolean', description: 'spec.owner names a group that exists.' },
  { id: 'ownership.ownerMembers', pillar: 'ownership', title: 'Owner members', type: 'number', description: 'Users of the owning group that exist in the catalog (1 for a user owner).' },
  { id: 'ownership.codeownersAgree', pillar: 'ownership', title: 'CODEOWNERS agree', type: 'boolean', description: "The repository's CODEOWNERS names the owning team for the entity's path." },
  { id: 'ownership.problems', pillar: 'ownership', title: 'Ownership problems', type: 'number', description: 'Ownership problems found (missing owner, drift, …).' },
];

/** Ownership facts from the shared ownership computation (catalog, CODEOWNERS, rotas, deployers). */
export function ownershipFactProvider(
  ownership: Pick<OwnershipService, 'all'>,
  /** How old a CODEOWNERS read may get before its verdict is stale (its sync's schedule). */
  codeownersMaxAgeMs?: number,
): FactProvider {
  return {
    id: 'ownership',
    facts: OWNERSHIP_FACTS,
    async collect(subjects) {
      const all = await ownership.all();
      const result = new Map<string, Record<string, FactAnswer>>();
      for (const { entityRef } of subjects) {
        const found = all.get(entityRef);
        if (!found) continue;
        const { facts, codeowners } = found;
        const status = codeowners?.status;
        result.set(entityRef, {
          'ownership.ownerExists': { value: facts.ownerExists },
          'ownership.ownerIsGroup': { value: facts.ownerIsGroup },
          'ownership.ownerMembers': { value: facts.memberCount },
          'ownership.codeownersAgree':
            !codeowners || status === 'no-file'
              ? { notReported: codeowners ? 'the repository has no CODEOWNERS file' : 'no CODEOWNERS read for this entity' }
              : status === 'no-owner'
                ? { notReported: 'the entity has no owner to compare with' }
                : { value: status === 'agrees', observedAt: codeowners.readAt, maxAgeMs: codeownersMaxAgeMs },
          'ownership.problems': { value: facts.problems.length },
        });
      }
      return result;
    },
  };
}
