import {
  GetCostAndUsageCommand,
  type CostExplorerClient,
  type GetCostAndUsageCommandInput,
  type GetCostAndUsageCommandOutput,
} from '@aws-sdk/client-cost-explorer';
import type { CostRecord, CostSource, CostSyncContext } from '@opsfolio/backstage-plugin-node';
import { CostRecordMerger } from './merge';
import { monthChunks, syncRange } from './syncRange';
import { dayOf, isDay } from '@opsfolio/backstage-plugin-common';

export const DEFAULT_METRIC = 'AmortizedCost';
export const DEFAULT_BACKFILL_MONTHS = 6;
/**
 * A runaway guard, per month read: a month of daily groups at 1,000 tagged services (2 AWS services each)
 * on small pages of 40 groups is about 1,500 pages.
 */
export const DEFAULT_MAX_PAGES_PER_MONTH = 5000;
/** The query the stored days were read with. */
const QUERY_STATE = 'query';
/** A backfill for a changed query that stopped midway: `{ query, next }`, the new figures stored up to `next`. */
const RESUME_STATE = 'resume';

export interface CostExplorerCostSourceOptions {
  /** a configured client: region, endpoint, credentials, `maxAttempts` (retries throttling) */
  client: Pick<CostExplorerClient, 'send'>;
  /** Cost Explorer metric (default AmortizedCost) */
  metric?: string;
  /** months read on the first run (default 6, at most 12) */
  backfillMonths?: number;
  /** RECORD_TYPE values left out, e.g. Credit, Refund, Tax (default: none, so totals match the bill) */
  excludeRecordTypes?: string[];
  /** pages one calendar month may take before the run gives up (default 5,000) */
  maxPagesPerMonth?: number;
  /** default `aws` */
  id?: string;
  now?: () => Date;
}

type Range = { from: string; to: string };
/** One series read per month: the allocation key, or an entity's own tag key (`tagKey` set on its records). */
type Series = { type: 'TAG' | 'COST_CATEGORY'; key: string; tagKey?: string };

/**
 * Daily cost per cost-allocation-tag value and AWS service from Cost Explorer: one paged
 * `GetCostAndUsage` series per calendar month read, for the whole organisation, so requests grow with
 * pages, never with entities. Months are read oldest first, and each is stored (its days replaced) once all
 * its pages are in, before the next is read: memory holds one month, a failed run keeps the months it
 * stored, never part of one, and the next run goes on from its last stored day.
 */
export class CostExplorerCostSource implements CostSource {
  readonly id: string;
  readonly vendor = 'aws';
  private readonly client: Pick<CostExplorerClient, 'send'>;
  private readonly metric: string;
  private readonly backfillMonths: number;
  private readonly excludeRecordTypes: string[];
  private readonly maxPagesPerMonth: number;
  private readonly now: () => Date;

  constructor(options: CostExplorerCostSourceOptions) {
    this.id = options.id ?? 'aws';
    this.client = options.client;
    this.metric = options.metric ?? DEFAULT_METRIC;
    this.backfillMonths = options.backfillMonths ?? DEFAULT_BACKFILL_MONTHS;
    this.excludeRecordTypes = options.excludeRecordTypes ?? [];
    this.maxPagesPerMonth = options.maxPagesPerMonth ?? DEFAULT_MAX_PAGES_PER_MONTH;
    this.now = options.now ?? (() => new Date());
  }

  async sync(ctx: CostSyncContext): Promise<{ items: number }> {
    const entityTagKeys = await ctx.entityTagKeys();
    const series: Series[] = [
      { type: ctx.allocation === 'costCategory' ? 'COST_CATEGORY' : 'TAG', key: ctx.tagKey },
      ...entityTagKeys.map(key => ({ type: 'TAG' as const, key, tagKey: key })),
    ];
    // The stored figures are only comparable under one query: another metric, allocation key or set of
    // entities' own keys reads afresh (a query by one tag alone is written as it always was).
    const extra = ctx.allocation !== 'tag' || entityTagKeys.length ? [ctx.allocation, entityTagKeys] : [];
    const query = JSON.stringify([this.metric, ctx.tagKey, this.excludeRecordTypes, ...extra]);
    const previous = await ctx.state.get(QUERY_STATE);
    const changed = previous !== undefined && previous !== query;
    const range = syncRange({
      today: dayOf(this.now()),
      stored: await ctx.storedDays(),
      backfillMonths: this.backfillMonths,
      backfill: changed,
      resumeFrom: changed ? resumeFrom(await ctx.state.get(RESUME_STATE), query) : undefined,
    });
    const months = monthChunks(range);
    let requests = 0;
    let items = 0;
    for (const [i, month] of months.entries()) {
      ctx.signal.throwIfAborted();
      ctx.progress?.({ unit: 'months', done: i, total: months.length });
      const read = { pages: 0, records: [] as CostRecord[] };
      for (const one of series) {
        const part = await this.readMonth(month, one, ctx, i);
        read.pages += part.pages;
        read.records.push(...part.records);
      }
      await ctx.replaceDays(month, read.records);
      requests += read.pages;
      items += read.records.length;
      // What the stored days hold now, so that a failure in a later month goes on after this one.
      if (changed) await ctx.state.set(RESUME_STATE, JSON.stringify({ query, next: month.to }));
      else if (i === 0 && previous === undefined) await ctx.state.set(QUERY_STATE, query);
      ctx.logger.debug(`Cost Explorer ${labelOf(month)}: ${read.pages} request(s), ${read.records.length} records stored`);
    }
    await ctx.state.set(QUERY_STATE, query);
    if (changed) await ctx.state.set(RESUME_STATE, '');
    const by = series.map(one => `${one.type === 'TAG' ? 'tag' : 'cost category'} ${one.key}`).join(', ');
    ctx.logger.info(
      `Cost Explorer ${this.metric} by ${by} and SERVICE, ${range.from} to ${range.to} (exclusive): ` +
        `${requests} request(s) in ${months.length} month(s), ${items} records`,
    );
    return { items };
  }

  /** One month's page series by one key, merged as it arrives; nothing is stored here. */
  private async readMonth(month: Range, series: Series, ctx: CostSyncContext, stored: number) {
    const input: GetCostAndUsageCommandInput = {
      TimePeriod: { Start: month.from, End: month.to },
      Granularity: 'DAILY',
      Metrics: [this.metric],
      GroupBy: [
        { Type: series.type, Key: series.key },
        { Type: 'DIMENSION', Key: 'SERVICE' },
      ],
      ...(this.excludeRecordTypes.length > 0
        ? { Filter: { Not: { Dimensions: { Key: 'RECORD_TYPE', Values: this.excludeRecordTypes } } } }
        : {}),
    };
    const kept =
      stored > 0 ? ` (${stored} earlier month(s) of this run are stored; the next run goes on from there)` : '';
    const merger = new CostRecordMerger(this.metric, series.tagKey);
    let pages = 0;
    let token: string | undefined;
    do {
      if (pages >= this.maxPagesPerMonth) {
        throw new Error(
          `Cost Explorer returned more than ${this.maxPagesPerMonth} pages for ${labelOf(month)}; giving up${kept}. ` +
            'Raise opsfolio.cost.aws.maxPagesPerMonth if this organisation has that many groups a month.',
        );
      }
      ctx.signal.throwIfAborted();
      let page: GetCostAndUsageCommandOutput;
      try {
        // The SDK retries throttling (LimitExceededException) and 5xx up to the client's maxAttempts.
        page = await this.client.send(new GetCostAndUsageCommand({ ...input, NextPageToken: token }), {
          abortSignal: ctx.signal,
        });
      } catch (error) {
        const e = error as Error;
        throw new Error(
          `Cost Explorer GetCostAndUsage page ${pages + 1} of ${labelOf(month)} failed: ${e.name}: ${e.message}${kept}`,
          { cause: error },
        );
      }
      if (page.NextPageToken && page.NextPageToken === token) {
        throw new Error(`Cost Explorer returned the same NextPageToken twice for ${labelOf(month)}`);
      }
      pages++;
      merger.add(page);
      token = page.NextPageToken || undefined;
    } while (token);
    return { pages, records: merger.records() };
  }
}

/** `2026-01 (2026-01-01 to 2026-02-01)`: the month, and the days read of it (`to` exclusive). */
const labelOf = (month: Range) => `${month.from.slice(0, 7)} (${month.from} to ${month.to})`;

/** The day a stopped backfill for this query goes on from, if that is what the state holds. */
function resumeFrom(raw: string | undefined, query: string): string | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as { query?: unknown; next?: unknown };
    return parsed.query === query && typeof parsed.next === 'string' && isDay(parsed.next) ? parsed.next : undefined;
  } catch {
    return undefined;
  }
}
