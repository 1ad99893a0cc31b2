import type { CostRecord } from '@opsfolio/backstage-plugin-node';

/**
 * Sums FOCUS rows per (day, tag key, tag value, service, currency). Its size grows with the distinct keys,
 * never with the rows: a month of hourly rows for 500 services is 15,000 entries per currency.
 */
export class FocusAggregate {
  private readonly sums = new Map<string, CostRecord>();

  /** `tagKey`: an entity's own tag key, for a value of that key; absent for the allocation key. */
  add(day: string, tagValue: string, cloudService: string, currency: string, amount: number, estimated: boolean, tagKey?: string): void {
    const key = `${day}\u0000${tagKey ?? ''}\u0000${tagValue}\u0000${cloudService}\u0000${currency}`;
    const sum = this.sums.get(key);
    if (sum) {
      sum.amount += amount;
      sum.estimated ||= estimated;
    } else {
      this.sums.set(key, { day, tagValue, cloudService, currency, amount, estimated, ...(tagKey ? { tagKey } : {}) });
    }
  }

  get size(): number {
    return this.sums.size;
  }

  /** The sums, optionally only those of the days `from` (inclusive) to `to` (exclusive), in key order. */
  records(range?: { from: string; to: string }): CostRecord[] {
    const keys = [...this.sums.keys()].sort();
    const records = keys.map(key => ({ ...this.sums.get(key)! }));
    return range ? records.filter(r => r.day >= range.from && r.day < range.to) : records;
  }
}
