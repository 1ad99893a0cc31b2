import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading cost: every cost route checks it, and the frontend hides cost without it. Spend per team is
 * often not for everyone, so a real install decides in its permission policy. @public
 */
export const opsfolioCostReadPermission = createPermission({
  name: 'opsfolio.cost.read',
  attributes: { action: 'read' },
});

/**
 * Listing every exemption across the catalog (who is exempt from what, why, until when): the debt view of
 * `/overview/exemptions`. An entity's own exemptions stay visible on its scorecard to whoever sees the entity. @public
 */
export const opsfolioExemptionsReadPermission = createPermission({
  name: 'opsfolio.exemptions.read',
  attributes: { action: 'read' },
});

/** Every permission Opsfolio defines, for the permission registry. @public */
export const opsfolioPermissions = [opsfolioCostReadPermission, opsfolioExemptionsReadPermission];
