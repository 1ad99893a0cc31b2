import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  CostOverviewResponse,
  CurrentDeploymentsResponse,
  DeploymentsPage,
  DeploymentStatus,
  DoraResult,
  EntityCostResponse,
  EntityOwnershipResponse,
  EntitySummaryResponse,
  HealthResponse,
  IncidentsPage,
  IncidentStatus,
  OnCallResponse,
  OwnershipOverviewResponse,
  OwnershipProblemKind,
  TeamOnCallResponse,
  WeeklyDeploymentsResponse,
  EntityScorecardsResponse,
  ScorecardHistoryResponse,
  ScorecardOverviewResponse,
  ScorecardOverviewFilters,
  TeamPortfolioResponse,
  ExemptionsOverviewResponse,
} from '@opsfolio/backstage-plugin-common';

/** Filters and paging of the deployment history. @public */
export interface DeploymentsQuery {
  environment?: string;
  status?: DeploymentStatus;
  limit?: number;
  offset?: number;
}

/** The window and granularity of an entity's cost. @public */
export interface CostQuery {
  /** `YYYY-MM-DD`; `to` is exclusive. */
  from?: string;
  to?: string;
  granularity?: 'day' | 'month';
}

/** Which scorecard the overview shows (default: the first configured) and its filters. @public */
export interface ScorecardOverviewQuery extends ScorecardOverviewFilters {
  scorecard?: string;
}

/** The browser's view of the Opsfolio backend. @public */
export interface OpsfolioApi {
  getHealth(): Promise<HealthResponse>;
  getEntitySummary(entity: CompoundEntityRef): Promise<EntitySummaryResponse>;
  getDeployments(entity: CompoundEntityRef, query?: DeploymentsQuery): Promise<DeploymentsPage>;
  getCurrentDeployments(entity: CompoundEntityRef): Promise<CurrentDeploymentsResponse>;
  getDora(entity: CompoundEntityRef, windowDays?: number): Promise<DoraResult>;
  getWeeklyDeployments(entity: CompoundEntityRef, weeks?: number): Promise<WeeklyDeploymentsResponse>;
  getOnCall(entity: CompoundEntityRef): Promise<OnCallResponse>;
  /** A group's services and their on-call (the group's and its sub-groups'). */
  getTeamOnCall(group: CompoundEntityRef): Promise<TeamOnCallResponse>;
  /** Spend of an entity; for a group, system or domain, of what it owns or holds. */
  getEntityCost(entity: CompoundEntityRef, query?: CostQuery): Promise<EntityCostResponse>;
  getCostOverview(groupBy?: CostOverviewResponse['groupBy']): Promise<CostOverviewResponse>;
  /** The overview as a CSV file, fetched with the user's credentials. */
  getCostOverviewCsv(groupBy?: CostOverviewResponse['groupBy']): Promise<Blob>;
  getOwnership(entity: CompoundEntityRef): Promise<EntityOwnershipResponse>;
  getOwnershipOverview(filters?: { problem?: OwnershipProblemKind; owner?: string }): Promise<OwnershipOverviewResponse>;
  /** The ownership problems as a CSV file, fetched with the user's credentials. */
  getOwnershipOverviewCsv(filters?: { problem?: OwnershipProblemKind; owner?: string }): Promise<Blob>;
  getIncidents(entity: CompoundEntityRef, query?: { status?: IncidentStatus; limit?: number; offset?: number }): Promise<IncidentsPage>;
  /** Every scorecard that applies to the entity, with each check's evidence. */
  getEntityScorecards(entity: CompoundEntityRef): Promise<EntityScorecardsResponse>;
  /** Daily levels, check transitions and level changes of one scorecard over the last `days` days. */
  getScorecardHistory(entity: CompoundEntityRef, scorecardId: string, days?: number): Promise<ScorecardHistoryResponse>;
  getScorecardOverview(query?: ScorecardOverviewQuery): Promise<ScorecardOverviewResponse>;
  /** The overview's entities as a CSV file, fetched with the user's credentials. */
  getScorecardOverviewCsv(query?: ScorecardOverviewQuery): Promise<Blob>;
  /** Evaluates the entity's scorecards now (stored like a scheduled run) and returns them. */
  refreshEntityScorecards(entity: CompoundEntityRef): Promise<EntityScorecardsResponse>;
  /** Every exemption in the catalog (needs `opsfolio.exemptions.read`: a 403 otherwise). */
  getExemptions(filters?: { scorecard?: string; owner?: string; status?: 'active' | 'expired' }): Promise<ExemptionsOverviewResponse>;
  /** Every service a group (and its sub-groups) owns, with its level, on-call now, last deploy and cost. */
  getTeamPortfolio(group: CompoundEntityRef): Promise<TeamPortfolioResponse>;
}

/** @public */
export const opsfolioApiRef = createApiRef<OpsfolioApi>({ id: 'plugin.opsfolio.api' });
