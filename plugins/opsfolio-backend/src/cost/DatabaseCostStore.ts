import type { CostRecord } from '@opsfolio/backstage-plugin-node';
import type { Knex } from 'knex';
import { eachDay, monthOf } from '@opsfolio/backstage-plugin-common';
import { bumpGeneration, type DataGenerations } from '../platform/dataGenerations';
import type { CostStore, CostSum, CostSumOptions } from './CostStore';

const DAILY = 'opsfolio_cost_daily';
const BY_KEY = 'opsfolio_cost_daily_by_key';
const DAYS = 'opsfolio_cost_days';
const MONTHLY = 'opsfolio_cost_monthly';
/** Rows per insert statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;
/** Tag values per `IN (...)` list, for the same reason. */
const IN_CHUNK = 900;

const chunks = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/** What the aggregate queries return; drivers differ on whether a sum comes back as a number or a string. */
type SumRow = {
  day?: string;
  month?: string;
  source?: string;
  tag_value: string;
  cloud_service?: string;
  currency: string;
  amount: number | string;
  estimated?: number | string | boolean;
};

const sumOf = (row: SumRow): CostSum => ({
  period: (row.day ?? row.month)!,
  tagValue: row.tag_value,
  ...(row.cloud_service !== undefined && { cloudService: row.cloud_service }),
  ...(row.source !== undefined && { source: row.source }),
  ...(row.estimated !== undefined && { estimated: Number(row.estimated) === 1 || row.estimated === true }),
  currency: row.currency,
  amount: Number(row.amount),
});

/** {@link CostStore} on the plugin's database (SQLite or PostgreSQL), through Knex. */
export class DatabaseCostStore implements CostStore {
  constructor(
    private readonly db: Knex,
    private readonly generations?: DataGenerations,
  ) {}

  /**
   * Replaces one source's days [from, to) with these records in one transaction: records with the same
   * keys are added up (estimated when any of them is); every day of the range is marked covered.
   */
  async replaceDays(source: string, range: { from: string; to: string }, records: CostRecord[]): Promise<void> {
    type Row = { day: string; tag_key?: string; tag_value: string; cloud_service: string; currency: string; amount: number; estimated: boolean };
    const merged = new Map<string, Row>();
    const byKey = new Map<string, Row>();
    const estimated = new Set<string>();
    for (const r of records) {
      if (!(r.day >= range.from && r.day < range.to)) {
        throw new Error(`${source} reported cost for ${r.day}, outside the days it replaces [${range.from}, ${range.to})`);
      }
      if (!Number.isFinite(r.amount)) throw new Error(`${source} reported a non-numeric amount for ${r.day} ${r.tagValue}`);
      // An entity's own key has no untagged bucket: that spend is in the organisation's rows already.
      if (r.tagKey && !r.tagValue) continue;
      const key = JSON.stringify([r.day, r.tagKey ?? '', r.tagValue, r.cloudService, r.currency]);
      const into = r.tagKey ? byKey : merged;
      const row = into.get(key);
      const estimatedRow = Boolean(r.estimated);
      if (row) {
        row.amount += r.amount;
        row.estimated ||= estimatedRow;
      } else {
        const fresh = { day: r.day, tag_value: r.tagValue, cloud_service: r.cloudService, currency: r.currency, amount: r.amount, estimated: estimatedRow };
        into.set(key, r.tagKey ? { ...fresh, tag_key: r.tagKey } : fresh);
      }
      if (r.estimated && !r.tagKey) estimated.add(r.day);
    }
    const days = eachDay(range.from, range.to);
    if (days.length === 0) return;
    await this.db.transaction(async tx => {
      await tx(DAILY).where('source', source).andWhere('day', '>=', range.from).andWhere('day', '<', range.to).delete();
      for (const rows of chunks([...merged.values()].map(row => ({ source, ...row })), CHUNK)) await tx(DAILY).insert(rows);
      await tx(BY_KEY).where('source', source).andWhere('day', '>=', range.from).andWhere('day', '<', range.to).delete();
      for (const rows of chunks([...byKey.values()].map(row => ({ source, ...row })), CHUNK)) await tx(BY_KEY).insert(rows);
      await tx(DAYS).where('source', source).andWhere('day', '>=', range.from).andWhere('day', '<', range.to).delete();
      for (const rows of chunks(days.map(day => ({ source, day, estimated: estimated.has(day) })), CHUNK)) await tx(DAYS).insert(rows);
      await this.rollUpMonths(tx, source, monthOf(range.from), monthOf(days[days.length - 1]));
      await bumpGeneration(tx, 'cost');
    });
    this.generations?.invalidate();
  }

  /** Recomputes the monthly roll-up of the months touched, from the daily rows. */
  private async rollUpMonths(tx: Knex.Transaction, source: string, firstMonth: string, lastMonth: string) {
    await tx(MONTHLY).where('source', source).andWhere('month', '>=', firstMonth).andWhere('month', '<=', lastMonth).delete();
    await tx.raw(
      `insert into ${MONTHLY} (source, month, tag_value, currency, amount)
       select source, substr(day, 1, 7), tag_value, currency, sum(amount) from ${DAILY}
       where source = ? and day >= ? and day < ?
       group by source, substr(day, 1, 7), tag_value, currency`,
      [source, `${firstMonth}-01`, `${lastMonth}-32`],
    );
  }

  /** What one source has stored: first and last day, and the first day still estimated. */
  async storedDays(source?: string): Promise<{ first?: string; last?: string; firstEstimated?: string }> {
    const scoped = () => (source ? this.db(DAYS).where('source', source) : this.db(DAYS));
    const [range] = await scoped().min({ first: 'day' }).max({ last: 'day' });
    const [open] = await scoped().where('estimated', true).min({ first: 'day' });
    return { first: range?.first ?? undefined, last: range?.last ?? undefined, firstEstimated: open?.first ?? undefined };
  }

  /** Per day over [from, to), for the given tag values, all sources summed unless split by `options`. */
  async daily(tagValues: string[], range: { from: string; to: string }, options: CostSumOptions = {}): Promise<CostSum[]> {
    const columns = ['day', 'tag_value', 'currency', ...(options.byCloudService ? ['cloud_service'] : []), ...(options.bySource ? ['source'] : [])];
    const sums: CostSum[] = [];
    for (const values of chunks(tagValues, IN_CHUNK)) {
      const rows: SumRow[] = await this.tableOf(options.tagKey)
        .select(columns)
        .sum({ amount: 'amount' })
        .max({ estimated: this.db.raw('case when estimated then 1 else 0 end') })
        .whereIn('tag_value', values)
        .andWhere('day', '>=', range.from)
        .andWhere('day', '<', range.to)
        .groupBy(columns);
      for (const row of rows) sums.push(sumOf(row));
    }
    return sums;
  }

  /** Every tag value's spend per day over [from, to): what the overview's run rate reads. */
  async dailyByTag(range: { from: string; to: string }, options: Pick<CostSumOptions, 'bySource'> = {}): Promise<CostSum[]> {
    const columns = ['day', 'tag_value', 'currency', ...(options.bySource ? ['source'] : [])];
    const rows: SumRow[] = await this.db(DAILY)
      .select(columns)
      .sum({ amount: 'amount' })
      .where('day', '>=', range.from)
      .andWhere('day', '<', range.to)
      .groupBy(columns);
    return rows.map(sumOf);
  }

  /** Every tag value's spend per month for the given months, from the roll-up (for an own key, from its days). */
  async monthlyByTag(months: string[], tagValues?: string[], options: Pick<CostSumOptions, 'bySource' | 'tagKey'> = {}): Promise<CostSum[]> {
    if (options.tagKey) return this.monthlyOfKey(options.tagKey, months, tagValues ?? [], options.bySource);
    const columns = ['month', 'tag_value', 'currency', ...(options.bySource ? ['source'] : [])];
    const query = () => this.db(MONTHLY).select(columns).sum({ amount: 'amount' }).whereIn('month', months).groupBy(columns);
    const rows = (
      tagValues ? (await Promise.all(chunks(tagValues, IN_CHUNK).map(values => query().whereIn('tag_value', values)))).flat() : await query()
    ) as SumRow[];
    return rows.map(sumOf);
  }

  /** Each source's first and last stored day. */
  async sourceDays(): Promise<Map<string, { first: string; last: string }>> {
    const rows: Array<{ source: string; first: string; last: string }> = await this.db(DAYS)
      .select('source')
      .min({ first: 'day' })
      .max({ last: 'day' })
      .groupBy('source');
    return new Map(rows.map(r => [r.source, { first: r.first, last: r.last }]));
  }

  /** Which days any source covers: the forecast's bounds. */
  async coveredDays(): Promise<{ firstDay?: string; lastDay?: string }> {
    const { first, last } = await this.storedDays();
    return { firstDay: first, lastDay: last };
  }

  /** Whether any cost is stored for these tag values: the entity summary's "has data" probe. */
  async hasCost(tagValues: string[], tagKey?: string): Promise<boolean> {
    if (tagValues.length === 0) return false;
    const table = tagKey ? this.tableOf(tagKey) : this.db(MONTHLY);
    return Boolean(await table.whereIn('tag_value', tagValues.slice(0, IN_CHUNK)).first('tag_value'));
  }

  /** The organisation's daily rows, or an entity's own key's. */
  private tableOf(tagKey: string | undefined) {
    return tagKey ? this.db(BY_KEY).where('tag_key', tagKey) : this.db(DAILY);
  }

  /** Monthly sums of an own key's values, from its daily rows: only the few entities that name it read them. */
  private async monthlyOfKey(tagKey: string, months: string[], tagValues: string[], bySource?: boolean): Promise<CostSum[]> {
    if (months.length === 0 || tagValues.length === 0) return [];
    const month = this.db.raw('substr(day, 1, 7)');
    const sorted = [...months].sort();
    const sums: CostSum[] = [];
    for (const values of chunks(tagValues, IN_CHUNK)) {
      const rows: SumRow[] = await this.tableOf(tagKey)
        .select({ month }, 'tag_value', 'currency', ...(bySource ? ['source'] : []))
        .sum({ amount: 'amount' })
        .whereIn('tag_value', values)
        .andWhere('day', '>=', `${sorted[0]}-01`)
        .andWhere('day', '<', `${sorted[sorted.length - 1]}-32`)
        .groupBy([month, 'tag_value', 'currency', ...(bySource ? ['source'] : [])]);
      for (const row of rows) if (months.includes(row.month!)) sums.push(sumOf(row));
    }
    return sums;
  }
}
