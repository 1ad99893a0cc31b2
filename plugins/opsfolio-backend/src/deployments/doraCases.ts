import { computeDora, type ComputeDoraInput, type DoraDeployment } from './dora';
import { markRollbacks } from './rollbacks';

// Hand-worked DORA cases share one window and one way of writing deploys.

// The default window: 2025-03-01 (inclusive) to 2025-03-31 (exclusive), 30 days.
export const FROM = new Date('2025-03-01T00:00:00Z');
export const TO = new Date('2025-03-31T00:00:00Z');

/** An instant in March 2025 (day 0 is 28 Feb, day 31 is 31 Mar), UTC. */
export const at = (day: number, hour = 12, minute = 0) => new Date(Date.UTC(2025, 2, day, hour, minute)).toISOString();

let n = 0;
/** A successful production deploy of a fresh version that finished when it started. */
export const dep = (time: string, over: Partial<DoraDeployment> = {}): DoraDeployment => {
  n += 1;
  return {
    source: 'github',
    externalId: `d${n}`,
    entityRef: 'component:default/svc',
    environment: 'production',
    version: `v${n}`,
    status: 'success',
    startedAt: time,
    finishedAt: time,
    rollback: false,
    ...over,
  };
};
export const commit = (sha: string, committedAt: string) => ({ sha, committedAt });

/** The DORA figures of these deploys (rollbacks marked) over the default window, production only. */
export const run = (deployments: DoraDeployment[], extra: Partial<ComputeDoraInput> = {}) =>
  computeDora({
    deployments: markRollbacks(deployments),
    productionEnvironments: ['production'],
    window: { from: FROM, to: TO },
    ...extra,
  });

/** `count` deploys, one a day from 1 March at noon, the first `failures` of them failed. */
export const daily = (count: number, failures = 0) =>
  Array.from({ length: count }, (_, i) => dep(at(i + 1), { status: i < failures ? 'failure' : 'success' }));
