import { costFacts } from './facts';

describe('cost facts', () => {
  it('reads known spend, tag coverage and the trends', () => {
    const facts = costFacts({
      figures: { monthToDate: { USD: 400 }, lastMonth: { USD: 1200 }, forecast: { USD: 900 } },
      monthBeforeLast: { USD: 1000 },
      // The organisation: 10,000 USD this month, 1,500 untagged, 500 under values no entity has: 80% reaches an entity.
      organisation: { total: { USD: 10_000, EUR: 300 }, untagged: { USD: 1500, EUR: 300 }, unmapped: { USD: 500 } },
    });
    expect(facts.known).toBe(true);
    expect(facts.taggedShare).toBeCloseTo(0.8, 10);
    // Last month 1,200 against 1,000 before: +20%; forecast 900 against 1,200: -25%.
    expect(facts.monthOverMonth).toBeCloseTo(0.2, 10);
    expect(facts.forecastVsLastMonth).toBeCloseTo(-0.25, 10);
  });

  it('says spend is unknown for an entity nothing is attributed to', () => {
    const facts = costFacts({
      figures: { monthToDate: {}, lastMonth: {}, forecast: {} },
      monthBeforeLast: {},
      organisation: { total: {}, untagged: {}, unmapped: {} },
    });
    expect(facts).toEqual({ known: false, taggedShare: null, monthOverMonth: null, forecastVsLastMonth: null });
  });
});
