import type { CostRecord } from '@opsfolio/backstage-plugin-node';

/** One aggregated row: spend of a tag value (''= untagged) in a currency, per day or month. */
export interface CostSum {
  period: string;
  tagValue: string;
  cloudService?: string;
  currency: string;
  amount: number;
  /** The source, when asked for per source. */
  source?: string;
  /** Whether any of the rows summed is still estimated (daily sums only). */
  estimated?: boolean;
}

/** How daily and monthly sums are split beyond tag value and currency, and which key's values they read. */
export interface CostSumOptions {
  byCloudService?: boolean;
  bySource?: boolean;
  /**
   * An entity's own tag key: read the spend stored under that key (never part of the organisation's
   * totals). Absent: the organisation's allocation key.
   */
  tagKey?: string;
}

/** Daily spend per source, tag value, cloud service and currency; a monthly roll-up per tag value beside it. */
export interface CostStore {
  /**
   * Replaces one source's days [from, to) with these records in one transaction: records with the same
   * keys are added up (estimated when any of them is); every day of the range is marked covered. Records
   * with a `tagKey` (an entity's own key) are stored apart from the organisation's.
   */
  replaceDays(source: string, range: { from: string; to: string }, records: CostRecord[]): Promise<void>;
  /** What one source (or all) has stored: first and last day, and the first day still estimated. */
  storedDays(source?: string): Promise<{ first?: string; last?: string; firstEstimated?: string }>;
  /** Per day over [from, to), for the given tag values, all sources summed unless split by `options`. */
  daily(tagValues: string[], range: { from: string; to: string }, options?: CostSumOptions): Promise<CostSum[]>;
  /** Every tag value's spend per day over [from, to), all sources summed unless split by source. */
  dailyByTag(range: { from: string; to: string }, options?: Pick<CostSumOptions, 'bySource'>): Promise<CostSum[]>;
  /**
   * Every tag value's (or the given ones') spend per month for the given months, all sources summed unless
   * split. With `tagKey`, only the given values of that key.
   */
  monthlyByTag(months: string[], tagValues?: string[], options?: Pick<CostSumOptions, 'bySource' | 'tagKey'>): Promise<CostSum[]>;
  /** Each source's first and last stored day: where its data ends, for its own forecast. */
  sourceDays(): Promise<Map<string, { first: string; last: string }>>;
  /** Which days any source covers: the forecast's bounds. */
  coveredDays(): Promise<{ firstDay?: string; lastDay?: string }>;
  /** Whether any cost is stored for these tag values (of an entity's own key, when given). */
  hasCost(tagValues: string[], tagKey?: string): Promise<boolean>;
}
