import type { Config } from '@backstage/config';
import { DEFAULT_DORA_THRESHOLDS, doraThresholdsSchema, type DoraThresholds } from './doraBands';
import { describeIssues } from '../platform/zodIssues';

export interface DoraSettings {
  productionEnvironments: string[];
  windowDays: number;
  incidentWindowHours: number;
  reworkWindowHours: number;
  thresholds: DoraThresholds;
}

/** Reads `opsfolio.deployments`; bad thresholds fail start-up with what is wrong. */
export function readDoraSettings(config: Config): DoraSettings {
  const root = config.getOptionalConfig('opsfolio.deployments');
  const dora = root?.getOptionalConfig('dora');
  let thresholds = DEFAULT_DORA_THRESHOLDS;
  if (dora?.has('thresholds')) {
    const parsed = doraThresholdsSchema.safeParse(dora.get('thresholds'));
    if (!parsed.success) {
      throw new Error(
        `Invalid opsfolio.deployments.dora.thresholds: ${describeIssues(parsed.error, { whole: 'thresholds' }).join('; ')}`,
      );
    }
    thresholds = parsed.data;
  }
  return {
    productionEnvironments: root?.getOptionalStringArray('productionEnvironments') ?? ['production'],
    windowDays: dora?.getOptionalNumber('windowDays') ?? 30,
    incidentWindowHours: dora?.getOptionalNumber('incidentWindowHours') ?? 24,
    reworkWindowHours: dora?.getOptionalNumber('reworkWindowHours') ?? 24,
    thresholds,
  };
}
