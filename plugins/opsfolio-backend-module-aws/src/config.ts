import { z } from 'zod';
import { DEFAULT_BACKFILL_MONTHS, DEFAULT_MAX_PAGES_PER_MONTH, DEFAULT_METRIC } from './CostExplorerCostSource';
import { MAX_BACKFILL_MONTHS } from './syncRange';

/** The cost metrics GetCostAndUsage accepts (the usage ones are not money). */
const COST_METRICS = ['AmortizedCost', 'NetAmortizedCost', 'UnblendedCost', 'NetUnblendedCost', 'BlendedCost'] as const;

export interface AwsCostSettings {
  endpoint?: string;
  region: string;
  accountId?: string;
  metric: string;
  backfillMonths: number;
  maxAttempts: number;
  excludeRecordTypes: string[];
  maxPagesPerMonth: number;
}

const schema = z.strictObject({
  endpoint: z.url().optional(),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as us-east-1').default('us-east-1'),
  accountId: z.string().regex(/^\d{12}$/, 'a 12-digit AWS account id').optional(),
  metric: z.enum(COST_METRICS).default(DEFAULT_METRIC),
  backfillMonths: z.number().int().min(1).max(MAX_BACKFILL_MONTHS).default(DEFAULT_BACKFILL_MONTHS),
  maxAttempts: z.number().int().min(1).max(10).default(5),
  excludeRecordTypes: z.array(z.string().min(1)).default([]),
  maxPagesPerMonth: z.number().int().min(1).default(DEFAULT_MAX_PAGES_PER_MONTH),
});

/** Reads `opsfolio.cost.aws` (undefined when absent); throws on a bad value, naming it. */
export function readAwsCostSettings(raw: unknown): AwsCostSettings | undefined {
  if (raw === undefined || raw === null) return undefined;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`Invalid opsfolio.cost.aws config: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
