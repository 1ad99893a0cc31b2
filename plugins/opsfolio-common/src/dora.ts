/** A DORA performance band, best first: `elite`, `high`, `medium`, `low`. @public */
export type DoraBand = 'elite' | 'high' | 'medium' | 'low';

/** One of the five DORA metrics Opsfolio computes. @public */
export type DoraMetricId = 'deploymentFrequency' | 'leadTime' | 'changeFailureRate' | 'recoveryTime' | 'reworkRate';

/**
 * The five DORA metrics, in the order they are shown: throughput, then instability.
 * @internal
 */
export const DORA_METRICS = [
  'deploymentFrequency',
  'leadTime',
  'changeFailureRate',
  'recoveryTime',
  'reworkRate',
] as const satisfies readonly DoraMetricId[];

/**
 * What each metric means, as DORA defines it (dora.dev, "DORA's software delivery metrics", 2024: five
 * metrics, rework rate new that year). How Opsfolio computes it is each figure's `explanation`.
 * @internal
 */
export const DORA_DEFINITIONS: Record<DoraMetricId, string> = {
  deploymentFrequency: 'Deployment frequency: how often application changes are deployed to production.',
  leadTime: 'Change lead time: the time it takes for a code commit or change to be successfully deployed to production.',
  changeFailureRate:
    'Change fail rate: the ratio of deployments that require immediate intervention following a deployment, ' +
    'likely resulting in a rollback of the changes or a hotfix to quickly remediate any issues.',
  recoveryTime:
    'Failed deployment recovery time: the time it takes to recover from a failed deployment that requires immediate intervention.',
  reworkRate:
    'Deployment rework rate: the ratio of deployments that are unplanned but happen as a result of an incident in production.',
};

/** The unit a DORA figure is stated in. @public */
export type DoraUnit = 'deploysPerDay' | 'hours' | 'ratio';

/** One DORA figure for one entity over one window. @public */
export interface DoraFigure {
  /** Which of the five metrics this is. */
  metric: DoraMetricId;
  /** `null` when there is not enough data to state a figure. */
  value: number | null;
  /** The unit of `value`. */
  unit: DoraUnit;
  /** The band the value falls in; absent without a value, or when the thresholds give the metric no bands. */
  band?: DoraBand;
  /** What the metric means, as DORA defines it, for a tooltip. */
  definition: string;
  /** How many deploys (or commits, for lead time) the figure stands on. */
  sampleSize: number;
  /** False when the sample is too small to state a figure. */
  enoughData: boolean;
  /** One sentence on how the figure was computed, for a tooltip. */
  explanation: string;
}

/** The DORA figures of one entity: `GET /entities/:kind/:namespace/:name/dora`. @public */
export interface DoraResult {
  /** ISO instants; `from` inclusive, `to` exclusive. */
  window: { from: string; to: string; days: number };
  /** The production environments that were counted. */
  environments: string[];
  /** Each of the five figures, by metric. */
  figures: Record<DoraMetricId, DoraFigure>;
  /** Where the band thresholds come from, e.g. `DORA 2024`. */
  thresholdsSource: string;
  /** Metrics the thresholds give no bands, e.g. `reworkRate` (DORA 2024 publishes none for it). */
  unbanded: DoraMetricId[];
}
