import { readAwsCostSettings } from './config';

describe('readAwsCostSettings', () => {
  it('reads maxPagesPerMonth, 5000 by default, a positive whole number', () => {
    expect(readAwsCostSettings({})?.maxPagesPerMonth).toBe(5000);
    expect(readAwsCostSettings({ maxPagesPerMonth: 20_000 })?.maxPagesPerMonth).toBe(20_000);
    expect(() => readAwsCostSettings({ maxPagesPerMonth: 0 })).toThrow(/Invalid opsfolio.cost.aws config[\s\S]*maxPagesPerMonth/);
    expect(() => readAwsCostSettings({ maxPagesPerMonth: 1.5 })).toThrow(/maxPagesPerMonth/);
  });
});
