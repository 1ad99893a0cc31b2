import { englishText } from '../translation/testing/englishText';
import { formatThreshold, formatValue } from './formatFact';

describe('formatValue', () => {
  it.each([
    [true, 'yes'],
    [false, 'no'],
    [3, '3'],
    [1234.5, '1,235'],
    [22.456, '22.46'],
    [0.12345, '0.123'],
    [null, 'none'],
    [undefined, '—'],
    [['elite', 'high'], 'elite, high'],
    [[], 'none'],
    ['v1.4.2', 'v1.4.2'],
  ])('%s reads %s', (value, expected) => expect(formatValue(englishText(), value)).toBe(expected));
});

describe('formatThreshold', () => {
  it.each([
    [{ operator: '>=' as const, threshold: 2 }, '>= 2'],
    [{ operator: 'in' as const, threshold: ['elite', 'high'] }, 'in elite, high'],
    [{ operator: 'exists' as const }, 'exists'],
    [{ operator: 'matches' as const, threshold: '^v\\d+' }, 'matches /^v\\d+/'],
    [{ operator: '=' as const, threshold: true }, '= yes'],
  ])('%o reads %s', (check, expected) => expect(formatThreshold(englishText(), check)).toBe(expected));
});
