import { finalShifts, onCallAt } from './rotation';
import type { EscalationPolicy, OnCallEntry, OnCallUser } from './types';

/**
 * Who is on call for a policy over [since, until] (one instant when they are equal), at every level: one
 * entry per shift of each schedule target (whole shifts, gaps cut out as of `now`), and one entry without
 * start and end for a user targeted directly. Level order, then start.
 */
export function policyOnCalls(policy: EscalationPolicy, now: number, since: number, until: number): OnCallEntry[] {
  const entries: OnCallEntry[] = [];
  for (const level of policy.levels) {
    for (const target of level.targets) {
      if (target.type === 'user') {
        entries.push({ policy, level: level.level, user: target.user });
        continue;
      }
      for (const shift of finalShifts(target.schedule, now, since, until)) {
        entries.push({
          policy,
          level: level.level,
          schedule: target.schedule,
          user: shift.user,
          start: shift.start,
          end: shift.end,
        });
      }
    }
  }
  return entries;
}

/** The first responder of each level at `at` (ignoring gaps, which only ever lie ahead of now). */
export function respondersAt(policy: EscalationPolicy, at: number): OnCallUser[] {
  return policy.levels.map((level) => {
    const target = level.targets[0]!;
    return target.type === 'user' ? target.user : onCallAt(target.schedule, at);
  });
}
