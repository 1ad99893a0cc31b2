import type { CheckResult, EntityScorecardResult } from '@opsfolio/backstage-plugin-common';
import { PRODUCTION_READINESS } from './productionReadiness';
import { compareWithPrevious } from './transitions';

const at = '2026-11-22T12:00:00.000Z';
const result = (level: string | null, results: CheckResult[]): EntityScorecardResult => ({
  scorecard: PRODUCTION_READINESS,
  entityRef: 'component:default/a',
  applicable: true,
  level: level ? { id: level, title: level } : null,
  results,
  exemptionProblems: [],
  evaluatedAt: at,
});
const r = (checkId: string, state: CheckResult['state'], since = at, value?: number): CheckResult => ({ checkId, state, reason: `${checkId} ${state}`, since, ...(value === undefined ? {} : { value }) });

describe('compareWithPrevious', () => {
  it('records nothing on a first evaluation', () => {
    expect(compareWithPrevious(result('bronze', [r('a', 'pass')]), undefined)).toEqual({ results: [r('a', 'pass')], transitions: [] });
  });

  it('keeps since while a state holds, and records each change with the value that caused it', () => {
    const before = { level: 'silver', results: [r('a', 'pass', '2026-11-01T00:00:00.000Z'), r('b', 'pass', '2026-11-02T00:00:00.000Z'), r('c', 'not-reported', '2026-11-03T00:00:00.000Z')] };
    const now = result('bronze', [r('a', 'pass'), r('b', 'fail', at, 1), r('c', 'stale')]);
    const compared = compareWithPrevious(now, before);
    expect(compared.results.map(x => x.since)).toEqual(['2026-11-01T00:00:00.000Z', at, at]);
    expect(compared.transitions).toEqual([
      { at, checkId: 'b', from: 'pass', to: 'fail', value: 1, reason: 'b fail' },
      { at, checkId: 'c', from: 'not-reported', to: 'stale', reason: 'c stale' },
    ]);
    // Only b crossed from passing to not passing: that is why the level dropped.
    expect(compared.levelChange).toEqual({ at, from: 'silver', to: 'bronze', because: [compared.transitions[0]] });
  });

  it('records no level change when the level holds', () => {
    const compared = compareWithPrevious(result('gold', [r('a', 'exempt')]), { level: 'gold', results: [r('a', 'pass')] });
    expect(compared.transitions).toHaveLength(1);
    expect(compared.levelChange).toBeUndefined();
  });
});
