import type { CostRecord } from '@opsfolio/backstage-plugin-node';

/** A billed amount as a cost source reports it: USD on EC2, final, unless `over` says otherwise. */
export const costRecord = (day: string, tagValue: string, amount: number, over: Partial<CostRecord> = {}): CostRecord => ({
  day,
  tagValue,
  cloudService: 'Amazon EC2',
  currency: 'USD',
  amount,
  estimated: false,
  ...over,
});
