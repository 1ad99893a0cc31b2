import { addMoney, changeRatio, isZeroMoney, largestAmount, roundMoney, roundToWhole, sumMoney } from './money';

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

  it('rounds parts so that they add up to their rounded whole, by the largest remainder', () => {
    // Three teams of 10.004 each: the whole is 30.012 → 30.01. One by one each rounds to 10.00 (sum 30.00, a cent
    // short); by largest remainder the first of the tied parts takes the missing cent.
    const thirds = roundToWhole([{ USD: 10.004 }, { USD: 10.004 }, { USD: 10.004 }]);
    expect(thirds).toEqual([{ USD: 10.01 }, { USD: 10 }, { USD: 10 }]);
    // 1.235 + 2.335 + 3.435 = 7.005 → 7.01 (7.00 rounded one by one: 1.24 + 2.34 + 3.44 = 7.02, a cent over).
    // Remainders .5, .5, .5 in cents (123.5, 233.5, 343.5): floors 123 + 233 + 343 = 699; 701 - 699 = 2 cents to the first two.
    expect(roundToWhole([{ USD: 1.235 }, { USD: 2.335 }, { USD: 3.435 }])).toEqual([{ USD: 1.24 }, { USD: 2.34 }, { USD: 3.43 }]);
    // Negatives (credits) and currencies apart; a part without a currency gets none. USD: -0.333 + 0.666 = 0.333
    // → 0.33 = -0.33 + 0.66 (one by one -0.33 + 0.67 = 0.34). EUR: 1.332 → 1.33 = 0.67 + 0.66.
    expect(roundToWhole([{ USD: -0.333, EUR: 0.666 }, { USD: 0.666 }, { EUR: 0.666 }])).toEqual([
      { USD: -0.33, EUR: 0.67 },
      { USD: 0.66 },
      { EUR: 0.66 },
    ]);
    // Sum check on an awkward spread: every part within a cent, the parts add up to the rounded whole.
    const parts = Array.from({ length: 37 }, (_, i) => ({ USD: (i * 7.123457) % 13 }));
    const whole = Math.round(parts.reduce((a, p) => a + p.USD, 0) * 100);
    const rounded = roundToWhole(parts);
    expect(Math.round(rounded.reduce((a, p) => a + p.USD!, 0) * 100)).toBe(whole);
    rounded.forEach((p, i) => expect(Math.abs(p.USD! - parts[i].USD)).toBeLessThan(0.01));
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
