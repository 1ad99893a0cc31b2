import type { Deployment, DeploymentStatus } from '@opsfolio/backstage-plugin-common';
import { markRollbacks } from './rollbacks';

let n = 0;
const dep = (version: string, startedAt: string, over: Partial<Deployment> = {}): Deployment => ({
  source: 'github',
  externalId: `d${String(++n).padStart(3, '0')}`,
  entityRef: 'component:default/svc',
  environment: 'production',
  version,
  status: 'success',
  startedAt,
  rollback: false,
  ...over,
});

/** One deploy per hour on 2025-03-01, in the order given: [version, status?]. */
const sequence = (steps: Array<[string, DeploymentStatus?]>, over: Partial<Deployment> = {}) =>
  steps.map(([version, status = 'success'], hour) =>
    dep(version, `2025-03-01T${String(hour).padStart(2, '0')}:00:00Z`, { status, ...over }),
  );

const flags = (deployments: Deployment[]) => markRollbacks(deployments).map(d => d.rollback);

describe('markRollbacks', () => {
  it('marks a return to a version shipped before a newer one', () => {
    // v1 live, v2 live, v1 again: v1 was first shipped before the live v2 → rollback.
    expect(flags(sequence([['v1'], ['v2'], ['v1']]))).toEqual([false, false, true]);
  });

  it('does not mark a redeploy of the live version', () => {
    expect(flags(sequence([['v1'], ['v1']]))).toEqual([false, false]);
    // After the rollback v1 is live; deploying v1 again is a redeploy, not a second rollback.
    expect(flags(sequence([['v1'], ['v2'], ['v1'], ['v1']]))).toEqual([false, false, true, false]);
  });

  it('ignores versions that never shipped', () => {
    // v2 failed, so v1 stayed live: the second v1 is a redeploy.
    expect(flags(sequence([['v1'], ['v2', 'failure'], ['v1']]))).toEqual([false, false, false]);
    // Cancelled and in-progress deploys of v2 do not make it live either.
    expect(flags(sequence([['v1'], ['v2', 'cancelled'], ['v2', 'in_progress'], ['v1']]))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('marks only successful deploys', () => {
    // The third deploy would be a rollback, but it failed: only a success changes what is live.
    expect(flags(sequence([['v1'], ['v2'], ['v1', 'failure'], ['v1', 'pending']]))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('treats re-shipping the newer version after a rollback as a roll-forward', () => {
    // v1, v2, v1 (rollback), v2: live v1 was first shipped before v2 → v2 is not going back in time.
    expect(flags(sequence([['v1'], ['v2'], ['v1'], ['v2']]))).toEqual([false, false, true, false]);
  });

  it('marks a rollback over several versions', () => {
    // First ships rank v1 0, v2 1, v3 2. Fourth: v2 (1) under live v3 (2) → rollback.
    // Fifth: v1 (0) under live v2 (1) → rollback again.
    expect(flags(sequence([['v1'], ['v2'], ['v3'], ['v2'], ['v1']]))).toEqual([false, false, false, true, true]);
  });

  it('keeps environments and entities apart', () => {
    const deployments = [
      dep('v1', '2025-03-01T00:00:00Z', { environment: 'staging' }),
      dep('v2', '2025-03-01T01:00:00Z', { environment: 'staging' }),
      // v1 never shipped to production before, so this is no rollback although staging had it.
      dep('v2', '2025-03-01T02:00:00Z'),
      dep('v1', '2025-03-01T03:00:00Z'),
      // Another entity's history does not count either.
      dep('v1', '2025-03-01T04:00:00Z', { entityRef: 'component:default/other' }),
      dep('v2', '2025-03-01T05:00:00Z', { entityRef: 'component:default/other' }),
      // Same environment, other spelling: production had v2 then v1 live, so v2 now is a rollback.
      dep('v2', '2025-03-01T06:00:00Z', { environment: ' Production' }),
    ];
    // Production: v2 (rank 0), v1 (rank 1, live), v2 → live v1 rank 1 > v2 rank 0 → rollback.
    expect(flags(deployments)).toEqual([false, false, false, false, false, false, true]);
  });

  it('orders by instant, not by the text of the timestamp', () => {
    const deployments = [
      dep('v1', '2025-03-01T10:00:00+02:00'), // 08:00Z
      dep('v2', '2025-03-01T09:00:00Z'), // 09:00Z
      dep('v1', '2025-03-01T05:00:00-05:00'), // 10:00Z
    ];
    // By instant: v1, v2, v1 → the -05:00 one is the rollback. By text it would be the +02:00 one.
    expect(flags(deployments)).toEqual([false, false, true]);
  });

  it('breaks start-time ties by external id and returns the input order', () => {
    const at = '2025-03-01T00:00:00Z';
    const deployments = [
      dep('v1', at, { externalId: 'c' }),
      dep('v2', at, { externalId: 'b' }),
      dep('v1', at, { externalId: 'a' }),
    ];
    // Order a (v1), b (v2), c (v1): c is the rollback; the result keeps the input order c, b, a.
    expect(markRollbacks(deployments).map(d => [d.externalId, d.rollback])).toEqual([
      ['c', true],
      ['b', false],
      ['a', false],
    ]);
  });

  it('recomputes the flag and leaves the input alone', () => {
    const deployments = sequence([['v1'], ['v2']]).map(d => ({ ...d, rollback: true }));
    expect(flags(deployments)).toEqual([false, false]);
    expect(deployments.map(d => d.rollback)).toEqual([true, true]);
    expect(markRollbacks([])).toEqual([]);
  });
});
