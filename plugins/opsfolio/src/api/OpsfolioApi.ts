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
  /** Only deployments to this environment. */
  environment?: string;
  /** Only deployments with this status. */
  status?: DeploymentStatus;
  /** Page size, at most 100. */
  limit?: number;
  /** How many deployments to skip. */
  offset?: number;
}

/** The window and granularity of an entity's cost. @public */
export interface CostQuery {
  /** `YYYY-MM-DD`, inclusive. */
  from?: string;
  /** `YYYY-MM-DD`, exclusive. */
  to?: string;
  /** Spend per day or per month. */
  granularity?: 'day' | 'month';
}

/** Which scorecard the overview shows (default: the first configured) and its filters. @public */
export interface ScorecardOverviewQuery extends ScorecardOverviewFilters {
  /** The scorecard's id; default the first configured. */
  scorecard?: string;
}

/** The browser's view of the Opsfolio backend. @public */
export interface OpsfolioApi {
  /** Every sync source with its last run and last success. */
  getHealth(): Promise<HealthResponse>;
  /** Which pillars the entity is set up for, what to add for the others, and the sources feeding each. */
  getEntitySummary(entity: CompoundEntityRef): Promise<EntitySummaryResponse>;
  /** The entity's deploy history, newest first. */
  getDeployments(entity: CompoundEntityRef, query?: DeploymentsQuery): Promise<DeploymentsPage>;
  /** Per environment the newest deploy and what runs there now. */
  getCurrentDeployments(entity: CompoundEntityRef): Promise<CurrentDeploymentsResponse>;
  /** The four DORA figures with their bands over the last `windowDays` days. */
  getDora(entity: CompoundEntityRef, windowDays?: number): Promise<DoraResult>;
  /** Production deploys per week over the last `weeks` weeks. */
  getWeeklyDeployments(entity: CompoundEntityRef, weeks?: number): Promise<WeeklyDeploymentsResponse>;
  /** Who is on call for the entity now at every level, schedule gaps, drift and response times. */
  getOnCall(entity: CompoundEntityRef): Promise<OnCallResponse>;
  /** A group's services and their on-call (the group's and its sub-groups'). */
  getTeamOnCall(group: CompoundEntityRef): Promise<TeamOnCallResponse>;
  /** Spend of an entity; for a group, system or domain, of what it owns or holds. */
  getEntityCost(entity: CompoundEntityRef, query?: CostQuery): Promise<EntityCostResponse>;
  /** Spend of every owner, system or domain, with the untagged and unmapped buckets. */
  getCostOverview(groupBy?: CostOverviewResponse['groupBy']): Promise<CostOverviewResponse>;
  /** The overview as a CSV file, fetched with the user's credentials. */
  getCostOverviewCsv(groupBy?: CostOverviewResponse['groupBy']): Promise<Blob>;
  /** Who owns the entity, whether that holds, and who is on call for it now. */
  getOwnership(entity: CompoundEntityRef): Promise<EntityOwnershipResponse>;
  /** Every ownership problem in the catalog, by kind and by team. */
  getOwnershipOverview(filters?: { problem?: OwnershipProblemKind; owner?: string }): Promise<OwnershipOverviewResponse>;
  /** The ownership problems as a CSV file, fetched with the user's credentials. */
  getOwnershipOverviewCsv(filters?: { problem?: OwnershipProblemKind; owner?: string }): Promise<Blob>;
  /** The entity's incidents, newest first. */
  getIncidents(entity: CompoundEntityRef, query?: { status?: IncidentStatus; limit?: number; offset?: number }): Promise<IncidentsPage>;
  /** Every scorecard that applies to the entity, with each check's evidence. */
  getEntityScorecards(entity: CompoundEntityRef): Promise<EntityScorecardsResponse>;
  /** Daily levels, check transitions and level changes of one scorecard over the last `days` days. */
  getScorecardHistory(entity: CompoundEntityRef, scorecardId: string, days?: number): Promise<ScorecardHistoryResponse>;
  /** One scorecard over every entity the filters keep: by team, per check, the trend. */
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

/** The {@link OpsfolioApi} the Opsfolio cards read the backend through. @public */
export const opsfolioApiRef = createApiRef<OpsfolioApi>({ id: 'plugin.opsfolio.api' });
