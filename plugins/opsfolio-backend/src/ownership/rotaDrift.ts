import type { OnCallNow, OwnershipProblem } from '@opsfolio/backstage-plugin-common';
import { onCallDrift, rotaOf } from '../oncall/drift';
import type { OwnershipIndex } from './ownershipIndex';

/**
 * The on-call rota (stored reads) against the owning group's members, as an ownership problem. Only for a
 * group owner that exists and has members: the other cases are already problems of their own.
 */
export function rotaDriftProblems(index: OwnershipIndex, ownerRef: string | undefined, reads: OnCallNow[]): OwnershipProblem[] {
  const group = ownerRef ? index.groups.get(ownerRef) : undefined;
  const rota = rotaOf(reads);
  if (!ownerRef || !group || rota.length === 0) return [];
  const members = group.memberRefs
    .map(ref => index.users.get(ref))
    .filter((u): u is NonNullable<typeof u> => Boolean(u))
    .map(u => ({ name: u.title ?? u.name, email: u.email }));
  if (members.length === 0) return [];
  const drift = onCallDrift({ rota, ownerMembers: members, ownerRef });
  const team = group.title ?? ownerRef;
  if (!drift.ownerOnRota) {
    return [{ kind: 'oncall-drift', message: `Nobody from ${team} is on its on-call rota.`, fix: `Put ${team}'s people on the rota, or make the rota's team the owner.` }];
  }
  if (drift.outsiders.length > 0) {
    const names = drift.outsiders.map(p => p.name).join(', ');
    return [{ kind: 'oncall-drift', message: `On its rota but not in ${team}: ${names}.`, fix: `Add them to ${team} in the catalog, or take them off the rota.` }];
  }
  return [];
}
