import { englishText } from './testing/englishText';
import { createFormat } from './format';

const { t, format } = englishText();

describe('English formats', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  it.each([
    ['2026-11-21T11:59:30Z', 'just now'],
    ['2026-11-21T11:55:00Z', '5 minutes ago'],
    ['2026-11-21T09:00:00Z', '3 hours ago'],
    ['2026-11-20T11:00:00Z', 'yesterday'],
    ['2026-10-07T12:00:00Z', '45 days ago'],
    ['2026-06-24T12:00:00Z', '5 months ago'],
    ['2024-01-01T00:00:00Z', '2 years ago'],
  ])('ages %s as %s', (iso, expected) => {
    expect(format.age(iso, now)).toBe(expected);
  });

  it('says never without a time', () => expect(format.age(undefined, now)).toBe('never'));

  it('shows whole units for large amounts, cents for small ones, and keeps currencies apart', () => {
    expect(format.money({ USD: 1234.56 })).toBe('$1,235');
    expect(format.money({ USD: 12.5 })).toBe('$12.50');
    expect(format.money({ USD: 1000, EUR: 250 })).toBe('€250 + $1,000');
    expect(format.money({})).toBe('$0');
    expect(format.money({ USD: 1234.56 }, { cents: true })).toBe('$1,234.56');
  });

  it('names months, days and numbers', () => {
    expect(format.month('2026-06')).toBe('Jun 2026');
    expect(format.month('2026-01-01')).toBe('Jan 2026');
    expect(format.dayMonth('2026-06-05T23:00:00Z')).toBe('Jun 5');
    expect(format.number(1234567)).toBe('1,234,567');
    expect(format.number(3.25, 1)).toBe('3.3');
    expect(format.percent(0.125)).toBe('12.5%');
  });
});

describe('formats in the app language', () => {
  // Worked by hand from CLDR's German and French conventions: dot (de) or narrow space (fr) groups thousands,
  // the comma marks decimals, the currency sign follows the amount.
  const de = createFormat('de', t);
  const fr = createFormat('fr-FR', t);

  it('writes money and numbers as a German or French reader expects', () => {
    expect(de.money({ EUR: 1234.5 }, { cents: true })).toBe('1.234,50\u00a0€');
    expect(de.money({ USD: 1000, EUR: 250 })).toBe('250\u00a0€ + 1.000\u00a0$');
    expect(de.number(1234567)).toBe('1.234.567');
    expect(de.percent(0.125)).toBe('12,5\u00a0%');
    expect(fr.number(1234567)).toBe('1\u202f234\u202f567');
  });

  it('writes dates and ages in the language', () => {
    const now = new Date('2026-11-21T12:00:00Z');
    expect(de.month('2026-06')).toBe('Juni 2026');
    expect(de.dayMonth('2026-06-05T23:00:00Z')).toBe('5. Juni');
    expect(de.age('2026-11-21T11:55:00Z', now)).toBe('vor 5 Minuten');
    expect(de.age('2026-11-20T11:00:00Z', now)).toBe('gestern');
    expect(fr.age('2026-11-21T09:00:00Z', now)).toBe('il y a 3 heures');
  });

  it('falls back to English for a language Intl cannot read', () => {
    expect(createFormat('not a language!', t).number(1234)).toBe('1,234');
  });
});
