import { usePermission } from '@backstage/plugin-permission-react';
import { opsfolioCostReadPermission } from '@opsfolio/backstage-plugin-common';

/**
 * Whether the permission policy lets the user read an entity's cost: cost views hide themselves, they do not
 * fail. `opsfolio.cost.read` is a resource permission, so the answer is per entity.
 */
export function useCostAccess(entityRef: string): { loading: boolean; allowed: boolean } {
  const { loading, allowed } = usePermission({ permission: opsfolioCostReadPermission, resourceRef: entityRef });
  return { loading, allowed };
}
