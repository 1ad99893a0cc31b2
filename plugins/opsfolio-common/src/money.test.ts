import { addMoney, changeRatio, isZeroMoney, largestAmount, roundMoney, sumMoney } from './money';

describe('money', () => {
  it('sums per currency, never across', () => {
    expect(sumMoney([{ USD: 1, EUR: 2 }, { USD: 3 }])).toEqual({ USD: 4, EUR: 2 });
    expect(sumMoney([])).toEqual({});
    const into = { USD: 1 };
    expect(addMoney(into, 'USD', 2.5)).toBe(into);
    expect(into).toEqual({ USD: 3.5 });
  });

  it('rounds to cents and ranks by the largest currency', () => {
    // 0.1 + 0.2 = 0.30000000000000004 in floats.
    expect(roundMoney({ USD: 0.1 + 0.2, EUR: 1234.565001 })).toEqual({ USD: 0.3, EUR: 1234.57 });
    expect(largestAmount({ USD: 4, EUR: 9 })).toBe(9);
    expect(largestAmount({})).toBe(0);
  });

  it('treats sub-cent amounts as nothing', () => {
    expect(isZeroMoney({ USD: 0.004, EUR: -0.004 })).toBe(true);
    expect(isZeroMoney({ USD: 0.005 })).toBe(false);
    expect(isZeroMoney({})).toBe(true);
  });

  it('compares two amounts only in the one currency they share', () => {
    // 1,150 after 1,000: +15%; 800 after 1,000: −20%.
    expect(changeRatio({ USD: 1150 }, { USD: 1000 })).toBeCloseTo(0.15, 10);
    expect(changeRatio({ USD: 800 }, { USD: 1000 })).toBeCloseTo(-0.2, 10);
    expect(changeRatio({ USD: 800, EUR: 5 }, { USD: 1000 })).toBeNull();
    expect(changeRatio({ USD: 800 }, {})).toBeNull();
  });
});
