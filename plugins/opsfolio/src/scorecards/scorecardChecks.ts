import type { CheckResult, EntityScorecardResult, ScorecardCheck, ScorecardLevel } from '@opsfolio/backstage-plugin-common';
import { byUrgency, countsAsPassing } from './checkStates';

/** A configured check with its result on the entity; no result when the backend sent none for it. */
export interface CheckRow {
  check: ScorecardCheck;
  result?: CheckResult;
}

const levelIndex = (levels: ScorecardLevel[], id: string | undefined) => levels.findIndex(l => l.id === id);

const rowsOf = (card: EntityScorecardResult): CheckRow[] => {
  const results = new Map(card.results.map(r => [r.checkId, r]));
  return card.scorecard.checks.map(check => ({ check, result: results.get(check.id) }));
};

/** Every check under its level, lowest level first, in the order the scorecard lists them. */
export function checksByLevel(card: EntityScorecardResult): Array<{ level: ScorecardLevel; rows: CheckRow[] }> {
  const rows = rowsOf(card);
  return card.scorecard.levels
    .map(level => ({ level, rows: rows.filter(r => r.check.level === level.id) }))
    .filter(group => group.rows.length > 0);
}

/**
 * The checks that keep the entity from its next level: those at or below it that do not count as passing,
 * lowest level first and failures before stale or missing data.
 */
export function blockingChecks(card: EntityScorecardResult): CheckRow[] {
  if (!card.next) return [];
  const { levels } = card.scorecard;
  const ceiling = levelIndex(levels, card.next.level.id);
  return rowsOf(card)
    .filter(r => r.result && !countsAsPassing(r.result.state) && levelIndex(levels, r.check.level) <= ceiling)
    .sort(
      (a, b) =>
        levelIndex(levels, a.check.level) - levelIndex(levels, b.check.level) || byUrgency(a.result!.state, b.result!.state),
    );
}

/** Whether the level reached is at or above the target; undefined when the scorecard sets no target. */
export function targetMet(card: EntityScorecardResult): boolean | undefined {
  if (!card.target) return undefined;
  const { levels } = card.scorecard;
  return card.level !== null && levelIndex(levels, card.level.id) >= levelIndex(levels, card.target.id);
}
