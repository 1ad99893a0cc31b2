import { createFormat } from '../translation/format';
import { englishText } from '../translation/testing/englishText';
import { formatChange } from './formatMoney';

describe('formatChange', () => {
  const { t, format } = englishText();

  it('gives the change in a shared currency only', () => {
    // 1,100 against 1,000 = +10%; 950 against 1,000 = -5.0%.
    expect(formatChange(format, { USD: 1100 }, { USD: 1000 })).toBe('+10%');
    expect(formatChange(format, { USD: 950 }, { USD: 1000 })).toBe('-5.0%');
    expect(formatChange(format, { USD: 1000 }, { USD: 1000 })).toBe('+0.0%');
    expect(formatChange(format, { USD: 950, EUR: 1 }, { USD: 1000 })).toBeUndefined();
    expect(formatChange(format, { USD: 950 }, {})).toBeUndefined();
  });

  it("writes the change in the app's language", () => {
    expect(formatChange(createFormat('de', t), { USD: 950 }, { USD: 1000 })).toBe('-5,0\u00a0%');
  });
});
