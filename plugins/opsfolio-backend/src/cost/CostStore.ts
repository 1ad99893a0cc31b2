import type { CostRecord } from '@opsfolio/backstage-plugin-node';

/** One aggregated row: spend of a tag value (''= untagged) in a currency, per day or month. */
export interface CostSum {
  period: string;
  tagValue: string;
  cloudService?: string;
  currency: string;
  amount: number;
}

/** Daily spend per source, tag value, cloud service and currency; a monthly roll-up per tag value beside it. */
export interface CostStore {
  /**
   * Replaces one source's days [from, to) with these records in one transaction: records with the same
   * keys are added up; every day of the range is marked covered (estimated when any record of it is).
   */
  replaceDays(source: string, range: { from: string; to: string }, records: CostRecord[]): Promise<void>;
  /** What one source (or all) has stored: first and last day, and the first day still estimated. */
  storedDays(source?: string): Promise<{ first?: string; last?: string; firstEstimated?: string }>;
  /** Per day over [from, to), for the given tag values, all sources, optionally per cloud service. */
  daily(tagValues: string[], range: { from: string; to: string }, byCloudService: boolean): Promise<CostSum[]>;
  /** Every tag value's spend per day over [from, to), all sources. */
  dailyByTag(range: { from: string; to: string }): Promise<CostSum[]>;
  /** Every tag value's (or the given ones') spend per month for the given months, all sources. */
  monthlyByTag(months: string[], tagValues?: string[]): Promise<CostSum[]>;
  /** Days in [from, to) that any source still marks estimated. */
  estimatedDays(range: { from: string; to: string }): Promise<Set<string>>;
  /** Which days any source covers: the forecast's bounds. */
  coveredDays(): Promise<{ firstDay?: string; lastDay?: string }>;
  /** Whether any cost is stored for these tag values. */
  hasCost(tagValues: string[]): Promise<boolean>;
}
