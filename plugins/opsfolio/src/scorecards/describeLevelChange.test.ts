import { englishText } from '../translation/testing/englishText';
import { describeLevelChange } from './describeLevelChange';
import { productionReadiness } from './testing/scorecardTestData';

const transition = { at: '2025-11-20T06:00:00Z', checkId: 'has-owner', from: 'pass' as const, to: 'fail' as const, reason: 'No owner' };

describe('describeLevelChange', () => {
  it('tells a first level reached', () => {
    expect(describeLevelChange(englishText(), productionReadiness, { at: '2025-11-01T06:00:00Z', from: null, to: 'bronze', because: [] })).toBe(
      'Reached Bronze on Nov 1',
    );
  });

  it('tells a drop below every level, with every check that caused it', () => {
    const second = { ...transition, checkId: 'runbook', reason: 'No runbook link' };
    expect(describeLevelChange(englishText(), productionReadiness, { at: transition.at, from: 'bronze', to: null, because: [transition, second] })).toBe(
      'Dropped from Bronze to no level on Nov 20 because Has an owner went fail (No owner) and Runbook went fail (No runbook link)',
    );
  });
});
