import { coverageGaps } from './coverage';

// The window: the 14 days from Monday 2025-03-03 00:00Z (inclusive) to Monday 2025-03-17 00:00Z
// (exclusive) = 14 × 24 = 336 hours.
const WINDOW = { from: new Date('2025-03-03T00:00:00Z'), to: new Date('2025-03-17T00:00:00Z') };

/** An instant in March 2025, UTC, as the ISO text coverageGaps returns. */
const at = (day: number, hour = 0) => new Date(Date.UTC(2025, 2, day, hour)).toISOString();
const entry = (startDay: number, startHour: number, endDay: number, endHour: number) => ({
  start: at(startDay, startHour),
  end: at(endDay, endHour),
});

describe('coverageGaps', () => {
  it('finds no gap in weekly shifts handed over end to start', () => {
    // 3 Mar 00:00 → 10 Mar 00:00, then 10 Mar 00:00 → 17 Mar 00:00: the handover touches, no gap.
    expect(coverageGaps([entry(3, 0, 10, 0), entry(10, 0, 17, 0)], WINDOW)).toEqual({ gaps: [], coveredShare: 1 });
  });

  it('finds a missing day in next week', () => {
    // Covered 3 Mar 00:00 → 10 Mar 09:00 and 11 Mar 09:00 → 17 Mar 00:00.
    // Gap 10 Mar 09:00 → 11 Mar 09:00 = 24 h; covered (336 − 24) / 336 = 312 / 336 = 13 / 14.
    const result = coverageGaps([entry(3, 0, 10, 9), entry(11, 9, 17, 0)], WINDOW);
    expect(result.gaps).toEqual([{ start: at(10, 9), end: at(11, 9) }]);
    expect(result.coveredShare).toBeCloseTo(13 / 14, 12);
  });

  it('merges overlapping and contained entries given out of order', () => {
    const entries = [
      entry(5, 0, 12, 0), // 5 → 12
      entry(3, 0, 6, 0), // 3 → 6, overlaps the first
      entry(8, 0, 9, 0), // 8 → 9, inside the first
      entry(11, 0, 15, 0), // 11 → 15, overlaps the first
      entry(3, 0, 6, 0), // the same shift twice (two layers)
    ];
    // Merged: 3 Mar 00:00 → 15 Mar 00:00. One gap 15 → 17 Mar = 48 h; covered 288 / 336 = 6 / 7.
    const result = coverageGaps(entries, WINDOW);
    expect(result.gaps).toEqual([{ start: at(15), end: at(17) }]);
    expect(result.coveredShare).toBeCloseTo(6 / 7, 12);
  });

  it('keeps several gaps apart, sorted, with a gap at each end of the window', () => {
    // Covered 3 Mar 06:00 → 8 Mar 00:00 and 9 Mar 00:00 → 16 Mar 18:00, given in reverse.
    // Gaps: 3 Mar 00:00 → 06:00 (6 h), 8 → 9 Mar (24 h), 16 Mar 18:00 → 17 Mar 00:00 (6 h) = 36 h.
    // Covered (336 − 36) / 336 = 300 / 336 = 25 / 28.
    const result = coverageGaps([entry(9, 0, 16, 18), entry(3, 6, 8, 0)], WINDOW);
    expect(result.gaps).toEqual([
      { start: at(3), end: at(3, 6) },
      { start: at(8), end: at(9) },
      { start: at(16, 18), end: at(17) },
    ]);
    expect(result.coveredShare).toBeCloseTo(25 / 28, 12);
  });

  it('compares instants, not the text of the offsets', () => {
    const touching = [
      { start: '2025-03-03T02:00:00+02:00', end: '2025-03-10T10:00:00+02:00' }, // 3 Mar 00:00Z → 10 Mar 08:00Z
      { start: '2025-03-10T08:00:00Z', end: '2025-03-17T01:00:00+01:00' }, // 10 Mar 08:00Z → 17 Mar 00:00Z
    ];
    expect(coverageGaps(touching, WINDOW)).toEqual({ gaps: [], coveredShare: 1 });

    const oneHourShort = [
      // Ends 10 Mar 07:00Z; its text "09:00" reads later than the next start's "08:00".
      { start: '2025-03-03T02:00:00+02:00', end: '2025-03-10T09:00:00+02:00' },
      { start: '2025-03-10T08:00:00Z', end: '2025-03-16T19:00:00-05:00' }, // → 17 Mar 00:00Z
    ];
    // Gap 07:00Z → 08:00Z = 1 h, given in UTC; covered 335 / 336.
    const result = coverageGaps(oneHourShort, WINDOW);
    expect(result.gaps).toEqual([{ start: '2025-03-10T07:00:00.000Z', end: '2025-03-10T08:00:00.000Z' }]);
    expect(result.coveredShare).toBeCloseTo(335 / 336, 12);
  });

  it('makes the whole window one gap when there are no entries', () => {
    expect(coverageGaps([], WINDOW)).toEqual({ gaps: [{ start: at(3), end: at(17) }], coveredShare: 0 });
    // Entries wholly outside the window (before it; after it; ending exactly at its start) cover nothing.
    const outside = [entry(1, 0, 2, 0), entry(17, 0, 20, 0), entry(2, 0, 3, 0)];
    expect(coverageGaps(outside, WINDOW)).toEqual({ gaps: [{ start: at(3), end: at(17) }], coveredShare: 0 });
  });

  it('clips entries to the window', () => {
    // 1 Mar → 4 Mar counts from 3 Mar 00:00 (24 h); 16 Mar → 20 Mar counts up to 17 Mar 00:00 (24 h).
    // Gap 4 → 16 Mar = 12 days = 288 h; covered 48 / 336 = 1 / 7.
    const result = coverageGaps([entry(1, 0, 4, 0), entry(16, 0, 20, 0)], WINDOW);
    expect(result.gaps).toEqual([{ start: at(4), end: at(16) }]);
    expect(result.coveredShare).toBeCloseTo(1 / 7, 12);
    // One entry over the whole window and beyond: fully covered.
    expect(coverageGaps([entry(1, 0, 30, 0)], WINDOW)).toEqual({ gaps: [], coveredShare: 1 });
  });

  it('leaves out entries with unusable times, as if they were missing', () => {
    const entries = [
      entry(3, 0, 10, 0),
      { start: 'soon', end: at(17) }, // unparseable start
      { start: at(10), end: '' }, // unparseable end
      entry(12, 0, 11, 0), // ends before it starts
      entry(12, 0, 12, 0), // empty
    ];
    // Only 3 → 10 Mar counts: gap 10 → 17 Mar = 168 h; covered 168 / 336 = 1 / 2.
    expect(coverageGaps(entries, WINDOW)).toEqual({ gaps: [{ start: at(10), end: at(17) }], coveredShare: 0.5 });
  });

  it('rejects a window with invalid dates or no length', () => {
    expect(() => coverageGaps([], { from: new Date('nope'), to: WINDOW.to })).toThrow(TypeError);
    expect(() => coverageGaps([], { from: WINDOW.to, to: WINDOW.to })).toThrow(RangeError);
    expect(() => coverageGaps([], { from: WINDOW.to, to: WINDOW.from })).toThrow(RangeError);
  });
});
