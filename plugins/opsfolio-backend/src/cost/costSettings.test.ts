import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { readCostAllocation } from './costSettings';

describe('readCostAllocation', () => {
  const read = (cost: JsonObject | undefined) => readCostAllocation(new ConfigReader(cost ? { opsfolio: { cost } } : {}));

  it('allocates by the tag service unless told otherwise', () => {
    expect(read(undefined)).toEqual({ allocation: 'tag', key: 'service' });
    expect(read({ tagKey: 'app' })).toEqual({ allocation: 'tag', key: 'app' });
  });

  it('allocates by a Cost Category when one is named', () => {
    expect(read({ costCategory: 'Team' })).toEqual({ allocation: 'costCategory', key: 'Team' });
  });

  it('fails start-up when both are set, rather than follow one of them silently', () => {
    expect(() => read({ tagKey: 'service', costCategory: 'Team' })).toThrow(
      'opsfolio.cost.tagKey and opsfolio.cost.costCategory are both set',
    );
  });
});
