import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading cost: every cost route checks it, and the frontend hides cost without it. Spend per team is
 * often not for everyone, so a real install decides in its permission policy. A resource permission on
 * catalog entities: a policy can allow it outright, or on conditions the catalog evaluates, e.g.
 * `catalogConditions.isEntityOwner` so members see the spend of what their teams own. @public
 */
export const opsfolioCostReadPermission = createPermission({
  name: 'opsfolio.cost.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/**
 * Listing every exemption across the catalog (who is exempt from what, why, until when): the debt view of
 * `/overview/exemptions`. An entity's own exemptions stay visible on its scorecard to whoever sees the entity. @public
 */
export const opsfolioExemptionsReadPermission = createPermission({
  name: 'opsfolio.exemptions.read',
  attributes: { action: 'read' },
});

/**
 * Creating, editing, publishing, ending and archiving campaigns through the API. Reading them needs no
 * permission of its own: a campaign's entities are filtered by what the caller may read in the catalog. @public
 */
export const opsfolioCampaignsManagePermission = createPermission({
  name: 'opsfolio.campaigns.manage',
  attributes: { action: 'update' },
});

/** Every permission Opsfolio defines, for the permission registry. @public */
export const opsfolioPermissions = [opsfolioCostReadPermission, opsfolioExemptionsReadPermission, opsfolioCampaignsManagePermission];
