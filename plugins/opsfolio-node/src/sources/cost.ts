import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { SourceSyncContext, SourceSyncResult } from './context';

/**
 * One day's cost of one value of the organisation's allocation key (a cost allocation tag or a Cost
 * Category), or of an entity's own tag key, in one cloud service, as a source reports it. Several records
 * with the same keys are added up by the store.
 * @public
 */
export interface CostRecord {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  /**
   * The value of the allocation key (`opsfolio.cost.tagKey` or `costCategory`); `''` for spend without it:
   * the untagged bucket. With `tagKey`, the value of that tag (never `''`).
   */
  tagValue: string;
  /**
   * Absent for the allocation key. One of {@link CostSyncContext.entityTagKeys} for spend read by an entity's
   * own tag key: stored apart, read only by the entities that name it, never added to the organisation's totals.
   */
  tagKey?: string;
  /** Where the money goes: Cost Explorer's `SERVICE` dimension, FOCUS `ServiceName`. */
  cloudService: string;
  /** ISO 4217 code, as the vendor gives it. */
  currency: string;
  /** The day's spend in `currency`. */
  amount: number;
  /** The vendor may still change the figure (Cost Explorer's `Estimated`); such days are fetched again. */
  estimated: boolean;
}

/** Given to a cost source's scheduled sync. @public */
export interface CostSyncContext extends SourceSyncContext {
  /**
   * The organisation's allocation key: a cost allocation tag key (`opsfolio.cost.tagKey`, default `service`),
   * or the name of a Cost Category (`opsfolio.cost.costCategory`) when `allocation` is `costCategory`.
   */
  tagKey: string;
  /** Whether the allocation key is a tag or an AWS Cost Category. */
  allocation: 'tag' | 'costCategory';
  /**
   * Other tag keys entities name in `opsfolio.io/cost-tag` (sorted, the allocation key left out): report
   * spend by each too, as records with `tagKey` set, so those entities are read by their own key.
   */
  entityTagKeys(): Promise<string[]>;
  /**
   * Replaces what this source stored for the days `from` (inclusive) to `to` (exclusive) with these
   * records, in one transaction: days re-fetched are replaced, never duplicated; days outside are kept.
   * A day in the range without records is stored as empty (known to cost nothing).
   */
  replaceDays(range: { from: string; to: string }, records: CostRecord[]): Promise<void>;
  /** What this source has stored: the first and last day, and the first day still marked estimated. */
  storedDays(): Promise<{ first?: string; last?: string; firstEstimated?: string }>;
}

/**
 * Where spend comes from (AWS Cost Explorer, FOCUS exports). One org-wide read per sync, mapped to
 * entities by the backend through the cost allocation tag, so requests never grow with entities.
 * @public
 */
export interface CostSource {
  /** Unique and stable: the sync task, run log and stored rows are keyed by it. */
  id: string;
  /** The vendor it reads, e.g. `aws`. */
  vendor: string;
  /** The scheduled sync: reads spend and stores it with `replaceDays`; `items` is what it stored. */
  sync(context: CostSyncContext): Promise<SourceSyncResult>;
}

/** What {@link opsfolioCostSourcesExtensionPoint} offers. @public */
export interface OpsfolioCostSourcesExtensionPoint {
  /** Registers a cost source: the backend schedules its sync and reads what it stores. */
  addCostSource(source: CostSource): void;
}

/**
 * Where vendor modules register their cost sources.
 * @public
 */
export const opsfolioCostSourcesExtensionPoint = createExtensionPoint<OpsfolioCostSourcesExtensionPoint>({
  id: 'opsfolio.cost-sources',
});
