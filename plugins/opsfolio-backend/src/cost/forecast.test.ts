import { forecastMonthEnd, forecastPlan } from './forecast';

describe('month-end forecast', () => {
  it('counts the known days and runs the last 7 complete days forward over the rest of the month', () => {
    // 21 November (30 days), data through the 20th: known 1st-20th, window 14th-20th.
    const plan = forecastPlan('2026-11-21', { firstDay: '2026-05-01', lastDay: '2026-11-20' })!;
    expect(plan).toEqual({ monthStart: '2026-11-01', through: '2026-11-21', windowFrom: '2026-11-14', windowDays: 7, remainingDays: 10 });
    // Known 2,000 USD; the window spent 700 USD = 100 a day; 10 days left: 2,000 + 1,000 = 3,000.
    expect(forecastMonthEnd(plan, { USD: 2000 }, { USD: 700 })).toEqual({ USD: 3000 });
  });

  it("leaves today's partial day out, and treats days after the last data as unknown, not zero", () => {
    // Cost Explorer already has a partial 21st: the 21st is not complete, so `through` stays the 21st.
    expect(forecastPlan('2026-11-21', { firstDay: '2026-05-01', lastDay: '2026-11-21' })!.through).toBe('2026-11-21');
    // Billing lags: data through the 18th only. Known 1st-18th (18 days), window 12th-18th, 12 days left.
    const lagging = forecastPlan('2026-11-21', { firstDay: '2026-05-01', lastDay: '2026-11-18' })!;
    expect(lagging).toMatchObject({ through: '2026-11-19', windowFrom: '2026-11-12', windowDays: 7, remainingDays: 12 });
    // 1,800 known + 12 × (630 / 7 = 90) = 1,800 + 1,080 = 2,880.
    expect(forecastMonthEnd(lagging, { EUR: 1800 }, { EUR: 630 })).toEqual({ EUR: 2880 });
  });

  it('reaches back into last month on the first days of a month', () => {
    // 3 December: known 1st-2nd, window 26 November-2 December, 29 days left of 31.
    const plan = forecastPlan('2026-12-03', { firstDay: '2026-05-01', lastDay: '2026-12-02' })!;
    expect(plan).toEqual({ monthStart: '2026-12-01', through: '2026-12-03', windowFrom: '2026-11-26', windowDays: 7, remainingDays: 29 });
    // 200 known + 29 × (840 / 7 = 120) = 200 + 3,480 = 3,680.
    expect(forecastMonthEnd(plan, { USD: 200 }, { USD: 840 })).toEqual({ USD: 3680 });
    // On the 1st with data through yesterday: nothing known this month, all 31 days at the run rate.
    const first = forecastPlan('2026-12-01', { firstDay: '2026-05-01', lastDay: '2026-11-30' })!;
    expect(first).toMatchObject({ through: '2026-12-01', windowFrom: '2026-11-24', remainingDays: 31 });
    expect(forecastMonthEnd(first, {}, { USD: 700 })).toEqual({ USD: 3100 });
  });

  it('uses fewer days on a fresh install and keeps currencies apart', () => {
    // Data only since the 18th: window 18th-20th, 3 days.
    const plan = forecastPlan('2026-11-21', { firstDay: '2026-11-18', lastDay: '2026-11-20' })!;
    expect(plan).toMatchObject({ windowFrom: '2026-11-18', windowDays: 3, remainingDays: 10 });
    // USD: 300 + 10 × (300 / 3) = 1,300. EUR has no known spend this month but a window: 0 + 10 × 20 = 200.
    expect(forecastMonthEnd(plan, { USD: 300 }, { USD: 300, EUR: 60 })).toEqual({ USD: 1300, EUR: 200 });
  });

  it('forecasts nothing more for a source whose last day is more than 7 days back', () => {
    // 21 November, last day the 13th (8 days back): stopped. Its known days count; no run rate, no days left.
    const stopped = forecastPlan('2026-11-21', { firstDay: '2026-05-01', lastDay: '2026-11-13' })!;
    expect(stopped).toMatchObject({ through: '2026-11-14', windowDays: 0, remainingDays: 0 });
    expect(forecastMonthEnd(stopped, { USD: 650 }, { USD: 350 })).toEqual({ USD: 650 });
    // The 14th (7 days back) is still a lagging source: forecast at its rate.
    expect(forecastPlan('2026-11-21', { firstDay: '2026-05-01', lastDay: '2026-11-14' })).toMatchObject({ windowDays: 7, remainingDays: 16 });
  });

  it('has nothing to say before any data is stored', () => {
    expect(forecastPlan('2026-11-21', {})).toBeUndefined();
  });
});
