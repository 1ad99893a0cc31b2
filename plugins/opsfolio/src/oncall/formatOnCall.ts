import type { OnCallDrift, OnCallSourceAnswer } from '@opsfolio/backstage-plugin-common';
import type { OpsfolioText } from '../translation/format';

/** When a shift ends; a direct target of a level has no end. */
export const until = ({ t, format }: OpsfolioText, end?: string) =>
  end ? t('oncall.shift.until', { date: format.dateTime(end) }) : t('oncall.shift.direct');

/** A mean response time: minutes below an hour, else hours to one decimal. */
export const hours = ({ t, format }: OpsfolioText, h: number | null) => {
  if (h === null) return t('oncall.duration.notEnoughData');
  if (h < 1) return t('oncall.duration.minutes', { value: format.number(Math.round(h * 60)) });
  return t('oncall.duration.hours', { value: format.number(h, 1) });
};

/** Warnings a responder would want to see first: gaps ahead, nobody at a level, people outside the team. */
export function onCallWarnings(
  { t, format }: OpsfolioText,
  answer: Pick<OnCallSourceAnswer, 'escalation' | 'coverage'>,
  drift?: OnCallDrift
): string[] {
  const warnings: string[] = [];
  for (const level of answer.escalation?.emptyLevels ?? [])
    warnings.push(t('oncall.warning.emptyLevel', { level: format.number(level) }));
  for (const coverage of answer.coverage ?? []) {
    for (const gap of coverage.gaps) {
      warnings.push(
        t('oncall.warning.gap', {
          schedule: coverage.scheduleName,
          start: format.dateTime(gap.start),
          end: format.dateTime(gap.end),
        })
      );
    }
  }
  if (drift) {
    for (const person of drift.outsiders) warnings.push(t('oncall.warning.outsider', { name: person.name }));
    if (!drift.ownerOnRota) warnings.push(t('oncall.warning.ownerNotOnRota'));
  }
  return warnings;
}
