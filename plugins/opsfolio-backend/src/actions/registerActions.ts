import type { PermissionsService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { CampaignsService } from '../campaigns/CampaignsService';
import type { CostService } from '../cost/CostService';
import type { DeploymentsService } from '../deployments/DeploymentsService';
import type { OnCallService } from '../oncall/OnCallService';
import type { OwnershipService } from '../ownership/OwnershipService';
import type { CatalogVisibility } from '../platform/catalog/CatalogVisibility';
import type { ScorecardsService } from '../scorecards/ScorecardsService';
import { registerCampaignAction } from './campaignActions';
import { registerCostAction } from './costActions';
import { registerDeploymentsAction } from './deploymentActions';
import { registerOnCallAction } from './onCallActions';
import { registerOwnershipAction } from './ownershipActions';
import { registerReadinessAction } from './readinessActions';

/** What the actions need: the catalog and permissions to check the caller, and one service per pillar. */
export interface ActionDeps {
  catalog: CatalogService;
  permissions: PermissionsService;
  /** What each caller may read in the catalog, for a campaign's counts. */
  visibility: CatalogVisibility;
  ownership: OwnershipService;
  onCall: OnCallService;
  deployments: DeploymentsService;
  cost: CostService;
  scorecards: ScorecardsService;
  campaigns: CampaignsService;
}

/**
 * Registers Opsfolio's read-only actions with Backstage's actions registry, for AI agents (the
 * `@backstage/plugin-mcp-actions-backend` plugin serves them as MCP tools). Like the routes, each is a thin
 * adapter: it reads the entity as the caller, checks the permissions the matching route checks, and calls its
 * pillar's service.
 */
export function registerActions(registry: ActionsRegistryService, deps: ActionDeps): void {
  registerOwnershipAction(registry, deps);
  registerOnCallAction(registry, deps);
  registerDeploymentsAction(registry, deps);
  registerCostAction(registry, deps);
  registerReadinessAction(registry, deps);
  registerCampaignAction(registry, deps);
}
