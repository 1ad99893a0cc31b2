import type { CheckResult, CheckTransition, EntityScorecardResult, LevelChange } from '@opsfolio/backstage-plugin-common';
import { COUNTS_AS_PASSING } from './engine';
import type { StoredEvaluation } from './ScorecardStore';

/**
 * A new evaluation against the stored one. Pure. Checks that keep their state keep their `since`; each
 * check whose state changed is a transition; a changed level is a level change naming the transitions that
 * crossed between passing and not passing. With nothing stored (a first evaluation) there are no
 * transitions: `since` is the evaluation time.
 */
export function compareWithPrevious(
  result: EntityScorecardResult,
  previous: Pick<StoredEvaluation, 'level' | 'results'> | undefined,
): { results: CheckResult[]; transitions: CheckTransition[]; levelChange?: LevelChange } {
  if (!previous) return { results: result.results, transitions: [] };
  const before = new Map(previous.results.map(r => [r.checkId, r]));
  const transitions: CheckTransition[] = [];
  const results = result.results.map(r => {
    const old = before.get(r.checkId);
    if (old && old.state === r.state) return { ...r, since: old.since };
    transitions.push({ at: result.evaluatedAt, checkId: r.checkId, from: old?.state ?? null, to: r.state, ...(r.value === undefined ? {} : { value: r.value }), reason: r.reason });
    return r;
  });
  const level = result.level?.id ?? null;
  if (level === previous.level) return { results, transitions };
  const crossed = transitions.filter(t => (t.from !== null && COUNTS_AS_PASSING.has(t.from)) !== COUNTS_AS_PASSING.has(t.to));
  return { results, transitions, levelChange: { at: result.evaluatedAt, from: previous.level, to: level, because: crossed } };
}
