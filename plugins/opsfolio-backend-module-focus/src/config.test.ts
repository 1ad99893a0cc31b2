import { readFocusSettings } from './config';

describe('readFocusSettings', () => {
  it('is absent when opsfolio.cost.focus is', () => {
    expect(readFocusSettings(undefined)).toBeUndefined();
  });

  it('defaults to EffectiveCost and every charge category', () => {
    expect(readFocusSettings({ exports: [{ location: '../../examples/focus' }] })).toEqual({
      exports: [{ sourceId: 'focus', location: '../../examples/focus' }],
      costColumn: 'EffectiveCost',
      chargeCategories: undefined,
      maxMalformedShare: 0.01,
    });
  });

  it('makes one source per export and reads the options', () => {
    const settings = readFocusSettings({
      exports: [{ id: 'azure', location: '/data/azure' }, { id: 'gcp', location: 'https://storage.googleapis.com/acme/focus.csv.gz' }],
      costColumn: 'BilledCost',
      chargeCategories: ['usage', 'Tax'],
      maxMalformedShare: 0.05,
    });
    expect(settings?.exports.map(e => e.sourceId)).toEqual(['focus-azure', 'focus-gcp']);
    expect(settings).toMatchObject({ costColumn: 'BilledCost', chargeCategories: ['Usage', 'Tax'], maxMalformedShare: 0.05 });
  });

  it('fails at start-up on what would go wrong later', () => {
    expect(() => readFocusSettings({ exports: [] })).toThrow('Invalid opsfolio.cost.focus config');
    expect(() => readFocusSettings({ exports: [{ location: 'a' }, { location: 'b' }] })).toThrow('give each an id');
    expect(() => readFocusSettings({ exports: [{ id: 'x', location: 'a' }, { id: 'x', location: 'b' }] })).toThrow('two exports have the id x');
    expect(() => readFocusSettings({ exports: [{ id: 'a b', location: 'a' }] })).toThrow('letters, digits');
    expect(() => readFocusSettings({ exports: [{ location: 'a' }], chargeCategories: ['Taxes'] })).toThrow('"Taxes" is not a FOCUS ChargeCategory');
  });
});
