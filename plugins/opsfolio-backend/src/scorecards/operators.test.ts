import { formatCondition, meets } from './operators';

describe('meets', () => {
  it.each([
    [3, '>=', 2, true],
    [2, '>=', 2, true],
    [1, '>=', 2, false],
    [0, '<=', 0, true],
    [0.5, '<=', 0, false],
    [5, '<', 5, false],
    [6, '>', 5, true],
    [null, '>=', 2, false],
    ['x', '>', 1, false],
    [true, '=', true, true],
    [false, '=', true, false],
    ['1', '=', 1, true],
    ['Team-A', '=', 'team-a', true],
    [null, '=', null, true],
    [null, '!=', 'x', true],
    ['a', '!=', 'a', false],
    ['high', 'in', ['elite', 'high'], true],
    ['medium', 'in', ['elite', 'high'], false],
    [['a', 'b'], 'in', ['a', 'b', 'c'], true],
    [['a', 'd'], 'in', ['a', 'b', 'c'], false],
    [null, 'in', ['a'], false],
    ['https://runbooks/x', 'matches', '^https://', true],
    ['http://runbooks/x', 'matches', '^https://', false],
    ['x', 'exists', undefined, true],
    ['', 'exists', undefined, false],
    [null, 'exists', undefined, false],
    [[], 'exists', undefined, false],
    [false, 'exists', undefined, true],
  ] as const)('%j %s %j is %s', (value, operator, threshold, expected) => {
    expect(meets(value as never, operator, threshold as never)).toBe(expected);
  });

  it('writes the condition as people read it', () => {
    expect(formatCondition('in', ['elite', 'high'])).toBe('in elite, high');
    expect(formatCondition('>=', 2)).toBe('>= 2');
    expect(formatCondition('exists', undefined)).toBe('a value');
    expect(formatCondition('=', true)).toBe('yes');
  });
});
