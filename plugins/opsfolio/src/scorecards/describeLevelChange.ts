import type { CheckTransition, LevelChange, Scorecard } from '@opsfolio/backstage-plugin-common';
import type { OpsfolioText } from '../translation/format';
import { stateLabel } from './checkStates';

const titleOf = (text: OpsfolioText, scorecard: Scorecard, levelId: string | null) =>
  levelId === null
    ? text.t('scorecards.history.change.noLevel')
    : scorecard.levels.find(l => l.id === levelId)?.title ?? levelId;

const describeTransition = (text: OpsfolioText, scorecard: Scorecard, transition: CheckTransition) =>
  text.t('scorecards.history.change.transition', {
    check: scorecard.checks.find(c => c.id === transition.checkId)?.title ?? transition.checkId,
    state: stateLabel(text.t, transition.to),
    reason: transition.reason,
  });

/**
 * "Dropped from Silver to Bronze on 12 Nov because Escalation levels went fail (1 escalation level, needs >= 2)".
 */
export function describeLevelChange(text: OpsfolioText, scorecard: Scorecard, change: LevelChange): string {
  const { t } = text;
  const index = (id: string | null) => (id === null ? -1 : scorecard.levels.findIndex(l => l.id === id));
  const values = {
    from: titleOf(text, scorecard, change.from),
    to: titleOf(text, scorecard, change.to),
    date: text.format.dayMonth(change.at),
  };
  let move: string;
  if (change.from === null) move = t('scorecards.history.change.reached', values);
  else if (index(change.to) < index(change.from)) move = t('scorecards.history.change.dropped', values);
  else move = t('scorecards.history.change.rose', values);
  const causes = change.because
    .map(transition => describeTransition(text, scorecard, transition))
    .join(t('scorecards.history.change.and'));
  return causes ? t('scorecards.history.change.because', { change: move, causes }) : move;
}
