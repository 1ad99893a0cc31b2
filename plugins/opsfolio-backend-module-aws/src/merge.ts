import type { GetCostAndUsageCommandOutput } from '@aws-sdk/client-cost-explorer';
import type { CostRecord } from '@opsfolio/backstage-plugin-node';
import { isDay } from '@opsfolio/backstage-plugin-common';

type Page = Pick<GetCostAndUsageCommandOutput, 'GroupDefinitions' | 'ResultsByTime'>;

/**
 * Cost Explorer pages (grouped by the cost allocation tag, or a Cost Category, and SERVICE) as cost
 * records, merged by (day, tag value, service, currency): a page can end inside a day, and several TAG
 * keys can map to one value. `<key>$value` gives the tag value (split on the first `$`; Cost Categories
 * come as `<name>$value` too); `<key>$` is the untagged (uncategorised) bucket, `''`.
 */
export function toCostRecords(pages: Page[], metric: string): CostRecord[] {
  const merger = new CostRecordMerger(metric);
  for (const page of pages) merger.add(page);
  return merger.records();
}

/**
 * {@link toCostRecords} a page at a time, as pages arrive: only the merged records are held, never the
 * pages themselves.
 */
export class CostRecordMerger {
  private readonly merged = new Map<string, CostRecord>();

  constructor(
    private readonly metric: string,
    /** An entity's own tag key: stamped on the records, and its untagged bucket dropped (the allocation key's rows hold it). */
    private readonly tagKey?: string,
  ) {}

  add(page: Page): void {
    const metric = this.metric;
    const definitions = page.GroupDefinitions ?? [];
    const tagAt = indexOr(definitions.findIndex(d => d.Type === 'TAG' || d.Type === 'COST_CATEGORY'), 0);
    const serviceAt = indexOr(definitions.findIndex(d => d.Type === 'DIMENSION' && d.Key === 'SERVICE'), 1);
    for (const result of page.ResultsByTime ?? []) {
      const day = result.TimePeriod?.Start ?? '';
      if (!isDay(day)) throw new Error(`Cost Explorer sent a period that is not a day: "${day}"`);
      for (const group of result.Groups ?? []) {
        const value = group.Metrics?.[metric];
        if (!value) throw new Error(`Cost Explorer sent a group of ${day} without the ${metric} metric`);
        const amount = Number(value.Amount);
        if (value.Amount === undefined || value.Amount.trim() === '' || !Number.isFinite(amount)) {
          throw new Error(`Cost Explorer sent an amount that is not a number for ${day}: "${value.Amount}"`);
        }
        if (!value.Unit) throw new Error(`Cost Explorer sent an amount without a currency for ${day}`);
        if (amount === 0) continue;
        const tagValue = tagValueOf(group.Keys?.[tagAt] ?? '');
        if (this.tagKey && !tagValue) continue;
        const record: CostRecord = {
          ...(this.tagKey ? { tagKey: this.tagKey } : {}),
          day,
          tagValue,
          cloudService: group.Keys?.[serviceAt] ?? '',
          currency: value.Unit,
          amount,
          estimated: result.Estimated === true,
        };
        const key = JSON.stringify([record.day, record.tagValue, record.cloudService, record.currency]);
        const seen = this.merged.get(key);
        if (seen) {
          seen.amount += amount;
          seen.estimated ||= record.estimated;
        } else this.merged.set(key, record);
      }
    }
  }

  records(): CostRecord[] {
    return [...this.merged.values()];
  }
}

/** `service$payments-api` → `payments-api`; `service$` → `''` (untagged). */
export function tagValueOf(key: string): string {
  const at = key.indexOf('$');
  return at < 0 ? key : key.slice(at + 1);
}

const indexOr = (index: number, fallback: number) => (index < 0 ? fallback : index);
