import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  CostOverviewResponse,
  CurrentDeploymentsResponse,
  DeploymentsPage,
  EntityCostResponse,
  EntityOwnershipResponse,
  EntitySummaryResponse,
  HealthResponse,
  IncidentsPage,
  OnCallResponse,
  OwnershipOverviewResponse,
  TeamOnCallResponse,
  WeeklyDeploymentsResponse,
} from '../api';
import type { CampaignDefinition, CampaignProgressResponse, CampaignPromotionResponse, CampaignsResponse, CampaignSummary, CampaignState, EntityCampaignsResponse } from '../campaigns';
import type { DeploymentStatus } from '../deployments';
import type { DoraResult } from '../dora';
import type { IncidentStatus } from '../oncall';
import type { OwnershipProblemKind } from '../ownership';
import type {
  EntityScorecardsResponse,
  ExemptionsOverviewResponse,
  ScorecardHistoryResponse,
  ScorecardOverviewFilters,
  ScorecardOverviewResponse,
  TeamPortfolioResponse,
} from '../scorecards';

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

/**
 * The Opsfolio backend's REST API (`/api/opsfolio`), typed: what the Opsfolio cards read, and what another
 * plugin or a script can call through {@link OpsfolioClient}. A failed request rejects with `ResponseError`
 * from `@backstage/errors` (its `statusCode`, and the backend's message as `cause.message`).
 * @public
 */
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
  /** The overview as a CSV file (a `Blob`: global in browsers and in Node; `await blob.text()` reads it). */
  getCostOverviewCsv(groupBy?: CostOverviewResponse['groupBy']): Promise<Blob>;
  /** Who owns the entity, whether that holds, and who is on call for it now. */
  getOwnership(entity: CompoundEntityRef): Promise<EntityOwnershipResponse>;
  /** Every ownership problem in the catalog, by kind and by team. */
  getOwnershipOverview(filters?: { problem?: OwnershipProblemKind; owner?: string }): Promise<OwnershipOverviewResponse>;
  /** The ownership problems as a CSV file (a `Blob`, as {@link OpsfolioApi.getCostOverviewCsv}). */
  getOwnershipOverviewCsv(filters?: { problem?: OwnershipProblemKind; owner?: string }): Promise<Blob>;
  /** The entity's incidents, newest first. */
  getIncidents(entity: CompoundEntityRef, query?: { status?: IncidentStatus; limit?: number; offset?: number }): Promise<IncidentsPage>;
  /** Every scorecard that applies to the entity, with each check's evidence. */
  getEntityScorecards(entity: CompoundEntityRef): Promise<EntityScorecardsResponse>;
  /** Daily levels, check transitions and level changes of one scorecard over the last `days` days. */
  getScorecardHistory(entity: CompoundEntityRef, scorecardId: string, days?: number): Promise<ScorecardHistoryResponse>;
  /** One scorecard over every entity the filters keep: by team, per check, the trend. */
  getScorecardOverview(query?: ScorecardOverviewQuery): Promise<ScorecardOverviewResponse>;
  /** The overview's entities as a CSV file (a `Blob`, as {@link OpsfolioApi.getCostOverviewCsv}). */
  getScorecardOverviewCsv(query?: ScorecardOverviewQuery): Promise<Blob>;
  /** Evaluates the entity's scorecards now (stored like a scheduled run) and returns them. */
  refreshEntityScorecards(entity: CompoundEntityRef): Promise<EntityScorecardsResponse>;
  /** Every exemption in the catalog (needs `opsfolio.exemptions.read`: a 403 otherwise). */
  getExemptions(filters?: { scorecard?: string; owner?: string; status?: 'active' | 'expired' }): Promise<ExemptionsOverviewResponse>;
  /** Every service a group (and its sub-groups) owns, with its level, on-call now, last deploy and cost. */
  getTeamPortfolio(group: CompoundEntityRef): Promise<TeamPortfolioResponse>;
  /** Every campaign with its counts; drafts and archived ones only when asked for by `state`. */
  getCampaigns(filters?: { state?: CampaignState; owner?: string }): Promise<CampaignsResponse>;
  /** Where one campaign stands: per team, per check, its burn-up, milestones and projection. */
  getCampaign(campaignId: string): Promise<CampaignProgressResponse>;
  /** The campaign's entities as a CSV file (a `Blob`, as {@link OpsfolioApi.getCostOverviewCsv}). */
  getCampaignCsv(campaignId: string): Promise<Blob>;
  /** The running campaigns the entity is part of, with what it has left to fix. */
  getEntityCampaigns(entity: CompoundEntityRef): Promise<EntityCampaignsResponse>;
  /** Creates a campaign (needs `opsfolio.campaigns.manage`); a draft unless `draft: false`. */
  createCampaign(definition: CampaignDefinition): Promise<CampaignSummary>;
  /** Replaces a campaign's definition (needs `opsfolio.campaigns.manage`; not for campaigns defined in config). */
  updateCampaign(campaignId: string, definition: CampaignDefinition): Promise<CampaignSummary>;
  /** Publishes a draft, ends a running campaign or archives an ended one (needs `opsfolio.campaigns.manage`). */
  changeCampaignState(campaignId: string, action: 'publish' | 'end' | 'archive'): Promise<CampaignSummary>;
  /**
   * An ended campaign's checks promoted into the standing scorecard, as a pull-request-ready YAML diff (needs
   * `opsfolio.campaigns.manage`); `level`: the level its checks guard from now on (default: the lowest).
   */
  getCampaignPromotion(campaignId: string, options?: { level?: string }): Promise<CampaignPromotionResponse>;
}
