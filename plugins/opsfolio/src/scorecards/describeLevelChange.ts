import type { CheckTransition, LevelChange, Scorecard } from '@opsfolio/backstage-plugin-common';
import { STATE_LABEL } from './checkStates';

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

const titleOf = (scorecard: Scorecard, levelId: string | null) =>
  levelId === null ? 'no level' : scorecard.levels.find(l => l.id === levelId)?.title ?? levelId;

const describeTransition = (scorecard: Scorecard, t: CheckTransition) => {
  const title = scorecard.checks.find(c => c.id === t.checkId)?.title ?? t.checkId;
  return `${title} went ${STATE_LABEL[t.to]} (${t.reason})`;
};

/**
 * "Dropped from Silver to Bronze on 12 Nov because Escalation levels went fail (1 escalation level, needs >= 2)".
 */
export function describeLevelChange(scorecard: Scorecard, change: LevelChange): string {
  const index = (id: string | null) => (id === null ? -1 : scorecard.levels.findIndex(l => l.id === id));
  const from = titleOf(scorecard, change.from);
  const to = titleOf(scorecard, change.to);
  let move: string;
  if (change.from === null) move = `Reached ${to}`;
  else if (index(change.to) < index(change.from)) move = `Dropped from ${from} to ${to}`;
  else move = `Rose from ${from} to ${to}`;
  const because = change.because.map(t => describeTransition(scorecard, t)).join(' and ');
  return `${move} on ${dayMonth.format(new Date(change.at))}${because ? ` because ${because}` : ''}`;
}
