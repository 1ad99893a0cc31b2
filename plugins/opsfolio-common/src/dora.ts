/** A DORA performance band, best first: `elite`, `high`, `medium`, `low`. @public */
export type DoraBand = 'elite' | 'high' | 'medium' | 'low';

/** One of the four DORA metrics Opsfolio computes. @public */
export type DoraMetricId = 'deploymentFrequency' | 'leadTime' | 'changeFailureRate' | 'recoveryTime';

/**
 * The four DORA metrics, in the order they are shown.
 * @internal
 */
export const DORA_METRICS = [
  'deploymentFrequency',
  'leadTime',
  'changeFailureRate',
  'recoveryTime',
] as const satisfies readonly DoraMetricId[];

/** The unit a DORA figure is stated in. @public */
export type DoraUnit = 'deploysPerDay' | 'hours' | 'ratio';

/** One DORA figure for one entity over one window. @public */
export interface DoraFigure {
  /** Which of the four metrics this is. */
  metric: DoraMetricId;
  /** `null` when there is not enough data to state a figure. */
  value: number | null;
  /** The unit of `value`. */
  unit: DoraUnit;
  /** The band the value falls in; absent without a value. */
  band?: DoraBand;
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
  /** Each of the four figures, by metric. */
  figures: Record<DoraMetricId, DoraFigure>;
  /** Where the band thresholds come from, e.g. `DORA 2024`. */
  thresholdsSource: string;
}
