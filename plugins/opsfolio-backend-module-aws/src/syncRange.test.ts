import { monthChunks, syncRange } from './syncRange';

const today = '2026-04-12';

describe('syncRange', () => {
  it('backfills whole months on the first run, through today (End exclusive)', () => {
    expect(syncRange({ today, stored: {}, backfillMonths: 6 })).toEqual({ from: '2025-10-01', to: '2026-04-13' });
    expect(syncRange({ today, stored: {}, backfillMonths: 12 })).toEqual({ from: '2025-04-01', to: '2026-04-13' });
    // Never further back than Cost Explorer keeps daily data.
    expect(syncRange({ today, stored: {}, backfillMonths: 20 }).from).toBe('2025-04-01');
  });

  it('then reads from the first estimated day, or at least the last two stored days again', () => {
    expect(syncRange({ today, stored: { first: '2025-10-01', last: today, firstEstimated: '2026-04-01' }, backfillMonths: 6 })).toEqual({
      from: '2026-04-01',
      to: '2026-04-13',
    });
    expect(syncRange({ today, stored: { first: '2025-10-01', last: '2026-04-11' }, backfillMonths: 6 }).from).toBe('2026-04-10');
    // Late in a month with nothing estimated after the 10th? Still the last two days.
    expect(syncRange({ today, stored: { last: today, firstEstimated: today }, backfillMonths: 6 }).from).toBe('2026-04-11');
    // Not run for a long while: from the last stored day, within Cost Explorer's reach.
    expect(syncRange({ today, stored: { last: '2024-01-01' }, backfillMonths: 6 }).from).toBe('2025-04-01');
    // A stored day after today (the clock went back) does not push the start past today.
    expect(syncRange({ today, stored: { last: '2026-05-01' }, backfillMonths: 6 }).from).toBe('2026-04-11');
  });

  it('backfills again when asked (a changed metric or tag key)', () => {
    expect(syncRange({ today, stored: { last: today }, backfillMonths: 3, backfill: true }).from).toBe('2026-01-01');
  });
});

describe('monthChunks', () => {
  it('cuts a range at the first of each month, oldest first, the first and last chunks partial', () => {
    expect(monthChunks({ from: '2025-12-30', to: '2026-03-13' })).toEqual([
      { from: '2025-12-30', to: '2026-01-01' },
      { from: '2026-01-01', to: '2026-02-01' },
      { from: '2026-02-01', to: '2026-03-01' },
      { from: '2026-03-01', to: '2026-03-13' },
    ]);
    expect(monthChunks({ from: '2026-04-01', to: '2026-04-13' })).toEqual([{ from: '2026-04-01', to: '2026-04-13' }]);
    expect(monthChunks({ from: '2026-01-01', to: '2026-03-01' })).toEqual([
      { from: '2026-01-01', to: '2026-02-01' },
      { from: '2026-02-01', to: '2026-03-01' },
    ]);
    expect(monthChunks({ from: '2026-04-12', to: '2026-04-12' })).toEqual([]);
  });
});

describe('syncRange resuming a stopped backfill for a changed query', () => {
  it('goes on from the day it stopped, or an earlier estimated day', () => {
    const stored = { first: '2025-10-01', last: today, firstEstimated: '2026-04-01' };
    expect(syncRange({ today, stored, backfillMonths: 6, backfill: true, resumeFrom: '2026-01-01' })).toEqual({ from: '2026-01-01', to: '2026-04-13' });
    expect(syncRange({ today, stored: { ...stored, firstEstimated: '2025-12-30' }, backfillMonths: 6, backfill: true, resumeFrom: '2026-01-01' }).from).toBe(
      '2025-12-30',
    );
    // A resume day after today (the clock went back) does not push the start past today.
    expect(syncRange({ today, stored: { last: '2026-05-01' }, backfillMonths: 6, backfill: true, resumeFrom: '2026-05-01' }).from).toBe(today);
  });
});
