import { formatAge } from './age';

describe('formatAge', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  it.each([
    ['2026-11-21T11:59:30Z', 'just now'],
    ['2026-11-21T11:55:00Z', '5 minutes ago'],
    ['2026-11-21T09:00:00Z', '3 hours ago'],
    ['2026-11-20T11:00:00Z', 'yesterday'],
    ['2026-10-07T12:00:00Z', '45 days ago'],
    ['2026-06-24T12:00:00Z', '5 months ago'],
    ['2024-01-01T00:00:00Z', '2 years ago'],
  ])('%s is %s', (iso, expected) => {
    expect(formatAge(iso, now)).toBe(expected);
  });
  it('says never without a time', () => expect(formatAge(undefined, now)).toBe('never'));
});
