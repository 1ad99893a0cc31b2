import { isEmptyFigures, sameFigures, spendByEntity } from './costMoney';
import { paymentsCost } from './testing/costTestData';

describe('costMoney', () => {
  it('treats sub-cent amounts as nothing', () => {
    expect(isEmptyFigures({ monthToDate: { USD: 0.001 }, lastMonth: {}, forecast: {} })).toBe(true);
    expect(isEmptyFigures({ monthToDate: {}, lastMonth: { USD: 3 }, forecast: {} })).toBe(false);
    const f = { monthToDate: { USD: 1 }, lastMonth: {}, forecast: {} };
    expect(sameFigures(f, { ...f, monthToDate: { USD: 1.001 } })).toBe(true);
    expect(sameFigures(f, { ...f, lastMonth: { USD: 1 } })).toBe(false);
  });

  it('lists spend per service, or the one tagged service with its series summed', () => {
    expect(spendByEntity(paymentsCost)).toBe(paymentsCost.byEntity);
    const single = { ...paymentsCost, tags: paymentsCost.tags.slice(0, 1), byEntity: undefined };
    expect(spendByEntity(single)).toEqual([
      { entityRef: 'component:default/payments-api', amounts: { USD: 4370, EUR: 40 }, tag: 'team=payments-api' },
    ]);
    expect(spendByEntity({ ...single, tags: [] })).toEqual([]);
  });
});
