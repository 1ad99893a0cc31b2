import type { OwnershipProblem } from '@opsfolio/backstage-plugin-common';
import { personKey, type OwnershipIndex } from './ownershipIndex';

/** Fewer recognised deploys than this say nothing about who ships the code. */
const MIN_DEPLOYS = 5;

/**
 * Who actually ships an entity, against its owner: when most deploys (of those by people the catalog knows)
 * come from members of one other team and not the owner's, that team runs it in practice. Pure.
 */
export function deployerDriftProblems(
  index: OwnershipIndex,
  ownerRef: string | undefined,
  deployers: Array<{ actor: string; deploys: number }>,
  days: number,
): OwnershipProblem[] {
  const owner = ownerRef ? index.groups.get(ownerRef) : undefined;
  if (!owner) return [];
  let recognised = 0;
  let byOwner = 0;
  const byTeam = new Map<string, number>();
  for (const { actor, deploys } of deployers) {
    const user = index.usersByKey.get(personKey(actor));
    if (!user) continue;
    recognised += deploys;
    const groups = index.groupsOfUser.get(user) ?? [];
    if (groups.includes(owner.ref)) byOwner += deploys;
    else for (const g of groups) byTeam.set(g, (byTeam.get(g) ?? 0) + deploys);
  }
  if (recognised < MIN_DEPLOYS || byOwner * 2 >= recognised) return [];
  const [team, count] = [...byTeam].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!team || count * 2 <= recognised) return [];
  const name = index.groups.get(team)?.title ?? team;
  return [
    {
      kind: 'deployer-drift',
      message: `Mostly deployed by ${name}: ${count} of ${recognised} deploys in the last ${days} days (${byOwner} by ${owner.title ?? owner.ref}).`,
      fix: `Make ${name} the owner if it runs the service, or hand the deploys back to ${owner.title ?? owner.ref}.`,
    },
  ];
}
