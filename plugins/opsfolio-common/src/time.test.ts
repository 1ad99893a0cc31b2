import {
  DAY_MS,
  addDays,
  addMonths,
  dayOf,
  daysBefore,
  daysBetween,
  daysInMonth,
  eachDay,
  isDay,
  monthStart,
  weekStartOf,
} from './time';

describe('UTC days', () => {
  it('reads the day of an instant in UTC, not local time', () => {
    expect(dayOf(new Date('2026-11-30T23:59:59.999Z'))).toBe('2026-11-30');
    expect(dayOf(Date.parse('2026-12-01T00:00:00Z'))).toBe('2026-12-01');
    // 01:30 in Berlin on 1 Dec is still 30 Nov in UTC.
    expect(dayOf(new Date('2026-12-01T01:30:00+02:00'))).toBe('2026-11-30');
  });

  it('steps over month, year and leap-day ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-11-01', '2026-12-01')).toBe(30);
    expect(daysBetween('2026-12-01', '2026-11-01')).toBe(-30);
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-01');
    expect(addMonths('2026-01-31', -1)).toBe('2025-12-01');
    expect(monthStart('2026-11-15')).toBe('2026-11-01');
    expect(daysInMonth('2028-02-10')).toBe(29);
    expect(daysInMonth('2026-02-10')).toBe(28);
    expect(eachDay('2026-11-29', '2026-12-02')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
    expect(eachDay('2026-12-02', '2026-12-02')).toEqual([]);
  });

  it('accepts only real calendar days', () => {
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-2-3')).toBe(false);
    expect(isDay('nonsense')).toBe(false);
    for (const notADay of ['2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32']) expect(isDay(notADay)).toBe(false);
    expect(isDay('1970-01-01')).toBe(true);
  });

  it('starts weeks on Monday 00:00 UTC', () => {
    // 2026-11-16 is a Monday; Sunday 15 Nov 23:59:59 belongs to the week of Monday 9 Nov.
    expect(new Date(weekStartOf(Date.parse('2026-11-16T00:00:00Z'))).toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(new Date(weekStartOf(Date.parse('2026-11-15T23:59:59Z'))).toISOString()).toBe('2026-11-09T00:00:00.000Z');
    expect(new Date(weekStartOf(Date.parse('2026-12-03T12:00:00Z'))).toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });

  it('counts days back from an instant', () => {
    expect(daysBefore(new Date('2026-12-03T12:00:00Z'), 30).toISOString()).toBe('2026-11-03T12:00:00.000Z');
    expect(DAY_MS).toBe(86_400_000);
  });
});
