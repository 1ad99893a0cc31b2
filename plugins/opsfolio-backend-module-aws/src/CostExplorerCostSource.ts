import {
  GetCostAndUsageCommand,
  type CostExplorerClient,
  type GetCostAndUsageCommandInput,
  type GetCostAndUsageCommandOutput,
} from '@aws-sdk/client-cost-explorer';
import type { CostSource, CostSyncContext } from '@opsfolio/backstage-plugin-node';
import { dayOf } from './days';
import { toCostRecords } from './merge';
import { syncRange } from './syncRange';

export const DEFAULT_METRIC = 'AmortizedCost';
export const DEFAULT_BACKFILL_MONTHS = 6;
/** A runaway guard: a year of daily groups for a large organisation is still far below this. */
const MAX_PAGES = 5000;
const QUERY_STATE = 'query';

/** @public */
export interface CostExplorerCostSourceOptions {
  /** a configured client: region, endpoint, credentials, `maxAttempts` (retries throttling) */
  client: Pick<CostExplorerClient, 'send'>;
  /** Cost Explorer metric (default AmortizedCost) */
  metric?: string;
  /** months read on the first run (default 6, at most 12) */
  backfillMonths?: number;
  /** RECORD_TYPE values left out, e.g. Credit, Refund, Tax (default: none, so totals match the bill) */
  excludeRecordTypes?: string[];
  /** default `aws` */
  id?: string;
  now?: () => Date;
}

/**
 * Daily cost per cost-allocation-tag value and AWS service from Cost Explorer: one paged
 * `GetCostAndUsage` per run for the whole organisation, so requests grow with pages, never with entities.
 * Every page is read before anything is stored, so a failed run leaves the stored days as they were.
 * @public
 */
export class CostExplorerCostSource implements CostSource {
  readonly id: string;
  readonly vendor = 'aws';
  private readonly client: Pick<CostExplorerClient, 'send'>;
  private readonly metric: string;
  private readonly backfillMonths: number;
  private readonly excludeRecordTypes: string[];
  private readonly now: () => Date;

  constructor(options: CostExplorerCostSourceOptions) {
    this.id = options.id ?? 'aws';
    this.client = options.client;
    this.metric = options.metric ?? DEFAULT_METRIC;
    this.backfillMonths = options.backfillMonths ?? DEFAULT_BACKFILL_MONTHS;
    this.excludeRecordTypes = options.excludeRecordTypes ?? [];
    this.now = options.now ?? (() => new Date());
  }

  async sync(ctx: CostSyncContext): Promise<{ items: number }> {
    // The stored figures are only comparable under one query: another metric or tag key reads afresh.
    const query = JSON.stringify([this.metric, ctx.tagKey, this.excludeRecordTypes]);
    const previous = await ctx.state.get(QUERY_STATE);
    const range = syncRange({
      today: dayOf(this.now()),
      stored: await ctx.storedDays(),
      backfillMonths: this.backfillMonths,
      backfill: previous !== undefined && previous !== query,
    });
    const pages = await this.readPages(range, ctx);
    const records = toCostRecords(pages, this.metric);
    await ctx.replaceDays(range, records);
    await ctx.state.set(QUERY_STATE, query);
    ctx.logger.info(
      `Cost Explorer ${this.metric} by tag ${ctx.tagKey} and SERVICE, ${range.from} to ${range.to} (exclusive): ` +
        `${pages.length} request(s), ${records.length} records`,
    );
    return { items: records.length };
  }

  private async readPages(range: { from: string; to: string }, ctx: CostSyncContext) {
    const input: GetCostAndUsageCommandInput = {
      TimePeriod: { Start: range.from, End: range.to },
      Granularity: 'DAILY',
      Metrics: [this.metric],
      GroupBy: [
        { Type: 'TAG', Key: ctx.tagKey },
        { Type: 'DIMENSION', Key: 'SERVICE' },
      ],
      ...(this.excludeRecordTypes.length > 0
        ? { Filter: { Not: { Dimensions: { Key: 'RECORD_TYPE', Values: this.excludeRecordTypes } } } }
        : {}),
    };
    const pages: GetCostAndUsageCommandOutput[] = [];
    let token: string | undefined;
    do {
      if (pages.length >= MAX_PAGES) throw new Error(`Cost Explorer returned more than ${MAX_PAGES} pages; giving up`);
      ctx.signal.throwIfAborted();
      let page: GetCostAndUsageCommandOutput;
      try {
        // The SDK retries throttling (LimitExceededException) and 5xx up to the client's maxAttempts.
        page = await this.client.send(new GetCostAndUsageCommand({ ...input, NextPageToken: token }), {
          abortSignal: ctx.signal,
        });
      } catch (error) {
        const e = error as Error;
        throw new Error(`Cost Explorer GetCostAndUsage page ${pages.length + 1} failed: ${e.name}: ${e.message}`, {
          cause: error,
        });
      }
      if (page.NextPageToken && page.NextPageToken === token) {
        throw new Error('Cost Explorer returned the same NextPageToken twice');
      }
      pages.push(page);
      token = page.NextPageToken || undefined;
    } while (token);
    return pages;
  }
}
