import type { AuditorService, AuthService, HttpAuthService, PermissionsService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type express from 'express';
import Router from 'express-promise-router';
import type { CampaignsService } from './campaigns/CampaignsService';
import { campaignRoutes } from './campaigns/routes';
import type { CostService } from './cost/CostService';
import { costRoutes } from './cost/routes';
import type { DeploymentsService } from './deployments/DeploymentsService';
import { deploymentPushRoutes } from './deployments/pushRoutes';
import { deploymentRoutes } from './deployments/routes';
import type { OnCallService } from './oncall/OnCallService';
import { incidentPushRoutes } from './oncall/pushRoutes';
import { onCallRoutes } from './oncall/routes';
import type { OwnershipService } from './ownership/OwnershipService';
import { ownershipRoutes } from './ownership/routes';
import { entitySummaryRoutes } from './platform/entitySummaryRoutes';
import { healthRoutes } from './platform/healthRoutes';
import type { CatalogVisibility } from './platform/catalog/CatalogVisibility';
import type { SyncRunner } from './platform/sync/syncRunner';
import type { SyncRunStore } from './platform/sync/SyncRunStore';
import { exemptionRoutes } from './scorecards/exemptionRoutes';
import { portfolioRoutes } from './scorecards/portfolioRoutes';
import { scorecardRoutes } from './scorecards/routes';
import type { ScorecardsService } from './scorecards/ScorecardsService';

/** What the routes need: Backstage's request services, and one service per pillar. */
export interface RouterDeps {
  httpAuth: HttpAuthService;
  auth: AuthService;
  /** Every write is audited: pushes, refreshes, gate decisions. */
  auditor: AuditorService;
  permissions: PermissionsService;
  catalog: CatalogService;
  /** What each caller may read in the catalog, for the organisation-wide views. */
  visibility: CatalogVisibility;
  runner: SyncRunner;
  runs: SyncRunStore;
  deployments: DeploymentsService;
  onCall: OnCallService;
  cost: CostService;
  ownership: OwnershipService;
  scorecards: ScorecardsService;
  campaigns: CampaignsService;
}

/**
 * Mounts each pillar's routes. Errors thrown as `@backstage/errors` become `{ error: { name, message } }`
 * with their status through the backend's error middleware.
 */
export function createRouter(deps: RouterDeps): express.Router {
  const router = Router();
  router.use(healthRoutes(deps));
  router.use(
    entitySummaryRoutes({
      ...deps,
      storedData: {
        deployments: async ref => (await deps.deployments.last(ref))?.source,
        cost: ref => deps.cost.describeStoredSpend(ref),
      },
    }),
  );
  router.use(deploymentRoutes(deps));
  router.use(deploymentPushRoutes(deps));
  router.use(incidentPushRoutes(deps));
  router.use(onCallRoutes(deps));
  router.use(costRoutes(deps));
  router.use(ownershipRoutes(deps));
  router.use(scorecardRoutes(deps));
  router.use(exemptionRoutes(deps));
  router.use(portfolioRoutes(deps));
  router.use(campaignRoutes(deps));
  return router;
}

/** Routes reachable without a Backstage token; every other route checks credentials itself. */
export const UNAUTHENTICATED_PATHS = ['/health'];
