import { refKey, type Deployment } from '@opsfolio/backstage-plugin-common';
import { environmentKey } from './environments';

/** Entity refs are case-insensitive in Backstage; environments are matched the same way everywhere. */
export const entityEnvironmentKey = (d: Pick<Deployment, 'entityRef' | 'environment'>) =>
  `${refKey(d.entityRef)}\u0000${environmentKey(d.environment)}`;

/** Deploy order within one environment: by start instant, ties by external id. */
export const byStart = (a: Deployment, b: Deployment) =>
  Date.parse(a.startedAt) - Date.parse(b.startedAt) || a.externalId.localeCompare(b.externalId);

/**
 * Sets `rollback` on every deployment, in the order given, without changing the input. Pure.
 *
 * Within one entity and environment, ordered by `startedAt` (ties by `externalId`), a successful deploy
 * is a rollback when its version was already shipped by an earlier successful deploy and the version live
 * just before it is newer, i.e. was first shipped later. So v1, v2, v1 → rollback; v1, v1 → a redeploy;
 * v1, v2 (failed), v1 → a redeploy (v2 never shipped); v1, v2, v1, v2 → the last v2 is a roll-forward.
 * Only successful deploys change what is live. Deploys with an unparseable `startedAt` are never rollbacks.
 * The incoming flag is ignored: the result depends only on the history given.
 */
export function markRollbacks<T extends Deployment>(deployments: readonly T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const d of deployments) {
    if (Number.isNaN(Date.parse(d.startedAt))) continue;
    const group = groups.get(entityEnvironmentKey(d)) ?? [];
    group.push(d);
    groups.set(entityEnvironmentKey(d), group);
  }
  const rollbacks = new Set<T>();
  for (const group of groups.values()) {
    const firstShipped = new Map<string, number>(); // version → rank of its first successful ship
    let live: string | undefined;
    for (const d of [...group].sort(byStart)) {
      if (d.status !== 'success') continue;
      const rank = firstShipped.get(d.version);
      if (rank !== undefined && live !== undefined && firstShipped.get(live)! > rank) rollbacks.add(d);
      if (rank === undefined) firstShipped.set(d.version, firstShipped.size);
      live = d.version;
    }
  }
  return deployments.map(d => ({ ...d, rollback: rollbacks.has(d) }));
}
