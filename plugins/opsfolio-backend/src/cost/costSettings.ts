import type { Config } from '@backstage/config';

/** What the organisation's spend is allocated by: a cost allocation tag, or an AWS Cost Category. */
export interface CostAllocation {
  allocation: 'tag' | 'costCategory';
  /** The tag key, or the Cost Category's name. */
  key: string;
}

/**
 * Reads `opsfolio.cost.tagKey` / `opsfolio.cost.costCategory` (one of them; default: the tag `service`).
 * Both set fails start-up: the figures would silently follow one of them.
 */
export function readCostAllocation(config: Config): CostAllocation {
  const tagKey = config.getOptionalString('opsfolio.cost.tagKey')?.trim();
  const costCategory = config.getOptionalString('opsfolio.cost.costCategory')?.trim();
  if (tagKey && costCategory) {
    throw new Error(
      'opsfolio.cost.tagKey and opsfolio.cost.costCategory are both set: spend is allocated by one key, set only one',
    );
  }
  if (costCategory) return { allocation: 'costCategory', key: costCategory };
  return { allocation: 'tag', key: tagKey || 'service' };
}
