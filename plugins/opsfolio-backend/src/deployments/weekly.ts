import { type Deployment, WEEK_MS, weekStartOf } from '@opsfolio/backstage-plugin-common';
import { inEnvironments } from './environments';

export interface WeekOfDeploys {
  /** Monday 00:00 UTC of the week. */
  weekStart: string;
  success: number;
  failure: number;
  rollback: number;
}


/**
 * Production deploys per week over the last `weeks` weeks (the current one included), for the chart:
 * successes, failures and rollbacks. A rollback is also a success that shipped, so it is counted once,
 * as a rollback; pending, running and cancelled deploys are left out.
 */
export function deploysPerWeek(
  deployments: readonly Deployment[],
  productionEnvironments: readonly string[],
  weeks: number,
  now: Date,
): WeekOfDeploys[] {
  const isProduction = inEnvironments(productionEnvironments);
  const first = weekStartOf(now.getTime()) - (weeks - 1) * WEEK_MS;
  const result: WeekOfDeploys[] = Array.from({ length: weeks }, (_, i) => ({
    weekStart: new Date(first + i * WEEK_MS).toISOString(),
    success: 0,
    failure: 0,
    rollback: 0,
  }));
  for (const d of deployments) {
    if (!isProduction(d)) continue;
    const at = Date.parse(d.finishedAt ?? d.startedAt);
    const index = Math.floor((weekStartOf(at) - first) / (WEEK_MS));
    if (index < 0 || index >= weeks || at > now.getTime()) continue;
    if (d.status === 'failure') result[index].failure++;
    else if (d.status === 'success') result[index][d.rollback ? 'rollback' : 'success']++;
  }
  return result;
}
