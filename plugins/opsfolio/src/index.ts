/**
 * Opsfolio for Backstage: ownership, deploys and DORA, on-call, cost and readiness on every entity.
 * This entry point is the legacy frontend system; the new frontend system is at `./alpha`.
 *
 * @packageDocumentation
 */
export {
  opsfolioPlugin,
  EntityOwnerCard,
  EntityDeploymentsCard,
  EntityDeploymentsContent,
  EntityOnCallCard,
  EntityTeamOnCallCard,
  EntityCostCard,
  EntityCostContent,
  EntityTeamCostCard,
  OpsfolioCostPage,
  OpsfolioOwnershipPage,
  OpsfolioScorecardsPage,
  OpsfolioCampaignsPage,
  EntityTeamPortfolioCard,
  EntityScorecardCard,
  EntityScorecardContent,
} from './plugin';
export { isDeploymentsAvailable, isOnCallAvailable, isCostAvailable, isReadinessAvailable } from './predicates';
export { opsfolioApiRef, type OpsfolioApi, type DeploymentsQuery, type CostQuery, type ScorecardOverviewQuery } from './api/OpsfolioApi';
