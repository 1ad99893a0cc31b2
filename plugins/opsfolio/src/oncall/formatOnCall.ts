import type { OnCallDrift, OnCallSourceAnswer } from '@opsfolio/backstage-plugin-common';

/** When a shift ends; a direct target of a level has no end. */
export const until = (end?: string) => (end ? `until ${new Date(end).toLocaleString()}` : 'always (direct)');

/** A mean response time: minutes below an hour, else hours to one decimal. */
export const hours = (h: number | null) =>
  h === null ? 'not enough data' : h < 1 ? `${Math.round(h * 60)} min` : `${Number(h.toFixed(1))} h`;

/** Warnings a responder would want to see first: gaps ahead, nobody at a level, people outside the team. */
export function onCallWarnings(answer: Pick<OnCallSourceAnswer, 'escalation' | 'coverage'>, drift?: OnCallDrift): string[] {
  const warnings: string[] = [];
  for (const level of answer.escalation?.emptyLevels ?? []) warnings.push(`Nobody is on call at level ${level} right now.`);
  for (const coverage of answer.coverage ?? []) {
    for (const gap of coverage.gaps) {
      warnings.push(`${coverage.scheduleName} has nobody on call from ${new Date(gap.start).toLocaleString()} to ${new Date(gap.end).toLocaleString()}.`);
    }
  }
  if (drift) {
    for (const person of drift.outsiders) warnings.push(`${person.name} is on call but not a member of the owning team.`);
    if (!drift.ownerOnRota) warnings.push('Nobody from the owning team is on the rota.');
  }
  return warnings;
}
