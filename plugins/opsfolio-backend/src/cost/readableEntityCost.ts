import type { BackstageCredentials, PermissionsService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { EntityCostResponse } from '@opsfolio/backstage-plugin-common';
import { isReadable, type CatalogVisibility } from '../platform/catalog/CatalogVisibility';
import { costReadableEverywhere, costReadableRefs, requireCostRead } from '../platform/permissions';
import type { CostGranularity, CostService } from './CostService';

/**
 * An entity's cost as the caller may see it, for the cost route and the cost action alike: a NotAllowedError
 * without `opsfolio.cost.read` on the entity; the organisation-wide "not included" line only for callers who may
 * read all cost; a team's, system's or domain's total kept, but each member named (and priced) only when the
 * caller may read it in the catalog, and its cost under the policy.
 */
export async function readableEntityCost(
  deps: { permissions: PermissionsService; visibility: CatalogVisibility; cost: CostService },
  credentials: BackstageCredentials,
  entityRef: string,
  query: { from?: string; to?: string; granularity: CostGranularity },
  /** The caller's {@link costReadableEverywhere}, when already asked. */
  known?: AuthorizeResult
): Promise<EntityCostResponse> {
  const everywhere = known ?? (await costReadableEverywhere(deps.permissions, credentials));
  await requireCostRead(deps.permissions, credentials, entityRef, everywhere);
  const body = await deps.cost.entityCost(entityRef, query);
  // Organisation-wide figures are for callers who may read all cost, not only this entity's.
  if (everywhere !== AuthorizeResult.ALLOW) body.notIncluded = { untagged: {}, unmapped: {} };
  if (body.byEntity) {
    const readable = await deps.visibility.readableBy(credentials);
    const members = [...new Set(body.tags.map(t => t.entityRef))].filter(ref => isReadable(readable, ref));
    const shown =
      everywhere === AuthorizeResult.ALLOW
        ? new Set(members)
        : await costReadableRefs(deps.permissions, credentials, members, everywhere);
    body.tags = body.tags.filter(t => shown.has(t.entityRef));
    body.byEntity = body.byEntity.filter(e => shown.has(e.entityRef));
  }
  return body;
}
