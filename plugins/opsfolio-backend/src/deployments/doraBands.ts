import { DORA_METRICS, type DoraBand, type DoraMetricId } from '@opsfolio/backstage-plugin-common';
import { z } from 'zod';

/** DORA performance bands, best first. */
const DORA_BANDS = ['elite', 'high', 'medium', 'low'] as const satisfies readonly DoraBand[];

/** A band's limit; a value that meets no tier is `low`. */
interface DoraTier {
  band: Exclude<DoraBand, 'low'>;
  limit: number;
}

/**
 * Band thresholds per metric, each list best band first. How a value meets a limit is fixed per
 * metric by {@link DORA_COMPARISONS}.
 */
export interface DoraThresholds {
  source: string;
  deploymentFrequency: DoraTier[];
  leadTime: DoraTier[];
  changeFailureRate: DoraTier[];
  recoveryTime: DoraTier[];
  /** None by default: DORA 2024 added the metric without bands. An organisation may set its own. */
  reworkRate?: DoraTier[];
}

/**
 * How a value meets a tier's limit. Frequency: higher is better, the limit is a floor ("at least once a
 * day"). The others: lower is better; the report says "less than a day" / "less than an hour" (strict)
 * but a failure rate "of 5 %" (inclusive).
 */
const DORA_COMPARISONS: Record<DoraMetricId, '>=' | '<' | '<='> = {
  deploymentFrequency: '>=',
  leadTime: '<',
  changeFailureRate: '<=',
  recoveryTime: '<',
  reworkRate: '<=',
};

/**
 * The DORA 2024 report's clusters (reference 3.3), made usable as bands:
 * - frequency: elite on demand (≥ 1/day), high ≥ 1/week, medium ≥ 1/month (30 days), low less;
 * - lead time: elite < 24 h, high < 1 week (168 h), medium < 1 month, taken as 30 days (720 h; fourkeys
 *   uses 730 h), low beyond;
 * - change failure rate: the report's clusters are not monotonic (high 20 %, medium 10 %), which would
 *   rank a team failing 15 % above one failing 10 %. We keep the report's own numbers but sorted: elite
 *   ≤ 5 %, high ≤ 10 %, medium ≤ 20 %, low above (the report's low is 40 %);
 * - recovery: elite < 1 h, high < 1 day, medium < 1 week, low beyond (the report puts medium at < 1 day
 *   too; one week separates it from high).
 */
export const DEFAULT_DORA_THRESHOLDS: DoraThresholds = {
  source: 'DORA 2024',
  deploymentFrequency: [
    { band: 'elite', limit: 1 },
    { band: 'high', limit: 1 / 7 },
    { band: 'medium', limit: 1 / 30 },
  ],
  leadTime: [
    { band: 'elite', limit: 24 },
    { band: 'high', limit: 24 * 7 },
    { band: 'medium', limit: 24 * 30 },
  ],
  changeFailureRate: [
    { band: 'elite', limit: 0.05 },
    { band: 'high', limit: 0.1 },
    { band: 'medium', limit: 0.2 },
  ],
  recoveryTime: [
    { band: 'elite', limit: 1 },
    { band: 'high', limit: 24 },
    { band: 'medium', limit: 24 * 7 },
  ],
};

/** The metrics the thresholds give no bands. */
export function unbandedMetrics(thresholds: DoraThresholds): DoraMetricId[] {
  return DORA_METRICS.filter(metric => !thresholds[metric]?.length);
}

/**
 * The band of a value: the first tier (best first) whose limit it meets, else `low`; none when the
 * thresholds give the metric no tiers.
 */
export function doraBand(metric: DoraMetricId, value: number, thresholds: DoraThresholds): DoraBand | undefined {
  const tiers = thresholds[metric];
  if (!tiers?.length) return undefined;
  const comparison = DORA_COMPARISONS[metric];
  const meets = (limit: number) =>
    comparison === '>=' ? value >= limit : comparison === '<=' ? value <= limit : value < limit;
  return tiers.find(tier => meets(tier.limit))?.band ?? 'low';
}

const tierList = z.array(z.object({ band: z.enum(['elite', 'high', 'medium']), limit: z.number().min(0) }));

/**
 * Validates thresholds from config: bands in order (elite, high, medium, any may be left out) and limits
 * strictly worsening, so a better band never asks less than a worse one.
 */
export const doraThresholdsSchema = z
  .object({
    source: z.string().min(1),
    deploymentFrequency: tierList,
    leadTime: tierList,
    changeFailureRate: tierList,
    recoveryTime: tierList,
    reworkRate: tierList.optional(),
  })
  .superRefine((thresholds, ctx) => {
    for (const metric of DORA_METRICS) {
      const tiers = thresholds[metric] ?? [];
      tiers.slice(1).forEach((tier, i) => {
        const previous = tiers[i];
        const bandsInOrder = DORA_BANDS.indexOf(tier.band) > DORA_BANDS.indexOf(previous.band);
        const worse =
          DORA_COMPARISONS[metric] === '>=' ? tier.limit < previous.limit : tier.limit > previous.limit;
        if (!bandsInOrder || !worse) {
          ctx.addIssue({
            code: 'custom',
            path: [metric, i + 1],
            message: `${metric}: list bands best first with strictly ${
              DORA_COMPARISONS[metric] === '>=' ? 'decreasing' : 'increasing'
            } limits`,
          });
        }
      });
    }
  });
