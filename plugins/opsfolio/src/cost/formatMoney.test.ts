import { formatChange, formatMoney } from './formatMoney';

describe('formatMoney', () => {
  it('shows whole units for large amounts, cents for small ones, and keeps currencies apart', () => {
    expect(formatMoney({ USD: 1234.56 })).toBe('$1,235');
    expect(formatMoney({ USD: 12.5 })).toBe('$12.50');
    expect(formatMoney({ USD: 1000, EUR: 250 })).toBe('€250 + $1,000');
    expect(formatMoney({})).toBe('$0');
  });

  it('gives the change in a shared currency only', () => {
    // 1,100 against 1,000 = +10%; 950 against 1,000 = -5.0%.
    expect(formatChange({ USD: 1100 }, { USD: 1000 })).toBe('+10%');
    expect(formatChange({ USD: 950 }, { USD: 1000 })).toBe('-5.0%');
    expect(formatChange({ USD: 950, EUR: 1 }, { USD: 1000 })).toBeUndefined();
    expect(formatChange({ USD: 950 }, {})).toBeUndefined();
  });
});
