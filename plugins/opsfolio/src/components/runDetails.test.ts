import { englishText } from '../translation/testing/englishText';
import { runDetailsLine as line } from './runDetails';

const runDetailsLine = (...args: [string, Parameters<typeof line>[2]]) => line(englishText(), ...args);

describe('runDetailsLine', () => {
  it('says what the last run read, left out (with where) and replaced', () => {
    expect(
      runDetailsLine('focus', {
        read: 1234,
        leftOut: 3,
        problems: [{ file: 'nov.csv', line: 5, message: 'EffectiveCost is NULL; FOCUS requires a value' }],
        days: [{ from: '2026-11-01', to: '2026-11-21' }],
      }),
    ).toBe(
      'focus: 1,234 rows read, 3 left out (first: nov.csv line 5: EffectiveCost is NULL; FOCUS requires a value), days 2026-11-01 to 2026-11-20 replaced.',
    );
    expect(runDetailsLine('focus', { read: 10, leftOut: 0, days: [] })).toBe('focus: 10 rows read, none left out.');
  });

  it('says when the figures are an earlier import\'s', () => {
    const readAt = new Date(Date.now() - 3 * 3600_000).toISOString();
    expect(runDetailsLine('focus', { read: 10, leftOut: 0, readAt })).toBe('focus: 10 rows read 3 hours ago (nothing changed since), none left out.');
  });

  it('says what waits for a later run', () => {
    expect(runDetailsLine('github', { pending: { count: 12, description: 'deploys waiting for their lead time (compare budget)' } })).toBe(
      'github: 12 deploys waiting for their lead time (compare budget).',
    );
    expect(runDetailsLine('github', { pending: { count: 0, description: 'deploys waiting' } })).toBeUndefined();
  });

  it('says nothing for a source that reports nothing or read nothing', () => {
    expect(runDetailsLine('aws', undefined)).toBeUndefined();
    expect(runDetailsLine('focus', { read: 0, leftOut: 0, days: [] })).toBeUndefined();
  });
});
