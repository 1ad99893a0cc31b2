import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';

/**
 * Successful production deploys since `from`, one marker per day (the last version of the day), for the
 * cost chart. Entities without deploy history simply get none.
 */
export function useDeployMarkers(ref: CompoundEntityRef, from: string): Array<{ day: string; label: string }> {
  const api = useApi(opsfolioApiRef);
  const { value } = useAsync(async () => {
    try {
      const [current, page] = await Promise.all([api.getCurrentDeployments(ref), api.getDeployments(ref, { status: 'success', limit: 100 })]);
      const production = new Set(current.productionEnvironments);
      const byDay = new Map<string, string>();
      for (const d of [...page.items].reverse()) {
        const day = d.startedAt.slice(0, 10);
        if (production.has(d.environment) && day >= from) byDay.set(day, d.version);
      }
      return [...byDay].map(([day, label]) => ({ day, label }));
    } catch {
      return [];
    }
  }, [api, ref.kind, ref.namespace, ref.name, from]);
  return value ?? [];
}
