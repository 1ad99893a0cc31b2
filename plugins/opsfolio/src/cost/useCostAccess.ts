import { usePermission } from '@backstage/plugin-permission-react';
import { opsfolioCostReadPermission } from '@opsfolio/backstage-plugin-common';

/** Whether the permission policy lets the user read cost: cost views hide themselves, they do not fail. */
export function useCostAccess(): { loading: boolean; allowed: boolean } {
  const { loading, allowed } = usePermission({ permission: opsfolioCostReadPermission });
  return { loading, allowed };
}

/** Said in place of cost when the policy does not allow `opsfolio.cost.read`. */
export const COST_DENIED = 'Cost is not shown: your permission policy does not allow opsfolio.cost.read.';
