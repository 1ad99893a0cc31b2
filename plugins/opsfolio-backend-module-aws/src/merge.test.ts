import { toCostRecords, tagValueOf } from './merge';

const money = (Amount: string, Unit = 'USD') => ({ AmortizedCost: { Amount, Unit } });
const GROUPS = [
  { Type: 'TAG' as const, Key: 'service' },
  { Type: 'DIMENSION' as const, Key: 'SERVICE' },
];
const day = (Start: string, Groups: { Keys: string[]; Metrics: ReturnType<typeof money> }[], Estimated = false) => ({
  TimePeriod: { Start, End: `${Start.slice(0, 8)}${String(Number(Start.slice(8)) + 1).padStart(2, '0')}` },
  Total: {},
  Groups,
  Estimated,
});

describe('toCostRecords', () => {
  it('splits the tag key on the first $, untagged `service$` being the empty value', () => {
    expect(tagValueOf('service$payments-api')).toBe('payments-api');
    expect(tagValueOf('service$')).toBe('');
    expect(tagValueOf('service$a$b')).toBe('a$b');
    expect(tagValueOf('Team$Checkout')).toBe('Checkout');
  });

  it('merges a day split across pages by (day, tag value, service, currency), parsing the amounts', () => {
    const page1 = {
      GroupDefinitions: GROUPS,
      ResultsByTime: [
        day('2026-04-01', [{ Keys: ['service$payments-api', 'AWS Lambda'], Metrics: money('10.25') }]),
        day('2026-04-02', [{ Keys: ['service$', 'AWS Lambda'], Metrics: money('1.5') }], true),
      ],
    };
    const page2 = {
      GroupDefinitions: GROUPS,
      ResultsByTime: [
        day(
          '2026-04-02',
          [
            { Keys: ['service$', 'AWS Lambda'], Metrics: money('0.25') },
            { Keys: ['service$', 'AWS Lambda'], Metrics: money('2', 'EUR') },
            { Keys: ['service$payments-api', 'Amazon Simple Storage Service'], Metrics: money('0') },
          ],
          false,
        ),
      ],
    };
    expect(toCostRecords([page1, page2], 'AmortizedCost')).toEqual([
      { day: '2026-04-01', tagValue: 'payments-api', cloudService: 'AWS Lambda', currency: 'USD', amount: 10.25, estimated: false },
      { day: '2026-04-02', tagValue: '', cloudService: 'AWS Lambda', currency: 'USD', amount: 1.75, estimated: true },
      { day: '2026-04-02', tagValue: '', cloudService: 'AWS Lambda', currency: 'EUR', amount: 2, estimated: false },
    ]);
  });

  it('reads the keys in the order of GroupDefinitions', () => {
    const page = {
      GroupDefinitions: [GROUPS[1]!, GROUPS[0]!],
      ResultsByTime: [day('2026-04-01', [{ Keys: ['AWS Lambda', 'service$cart'], Metrics: money('3') }])],
    };
    expect(toCostRecords([page], 'AmortizedCost')[0]).toMatchObject({ tagValue: 'cart', cloudService: 'AWS Lambda' });
  });

  it('refuses what it cannot store faithfully: a missing metric, a non-number, a missing currency', () => {
    const withMetrics = (Metrics: any) => [{ GroupDefinitions: GROUPS, ResultsByTime: [day('2026-04-01', [{ Keys: ['service$a', 'x'], Metrics }])] }];
    expect(() => toCostRecords(withMetrics(money('1')), 'UnblendedCost')).toThrow(/without the UnblendedCost metric/);
    expect(() => toCostRecords(withMetrics(money('1,5')), 'AmortizedCost')).toThrow(/not a number .*"1,5"/);
    expect(() => toCostRecords(withMetrics(money('')), 'AmortizedCost')).toThrow(/not a number/);
    expect(() => toCostRecords(withMetrics({ AmortizedCost: { Amount: '1' } }), 'AmortizedCost')).toThrow(/currency/);
  });
});
