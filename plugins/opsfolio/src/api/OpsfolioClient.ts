import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  type CostOverviewResponse,
  type CurrentDeploymentsResponse,
  type DeploymentsPage,
  type DoraResult,
  type EntityCostResponse,
  type EntityOwnershipResponse,
  type EntitySummaryResponse,
  type HealthResponse,
  type IncidentsPage,
  type IncidentStatus,
  type OnCallResponse,
  type OwnershipOverviewResponse,
  type OwnershipProblemKind,
  type TeamOnCallResponse,
  type WeeklyDeploymentsResponse,
  type EntityScorecardsResponse,
  type ScorecardHistoryResponse,
  type ScorecardOverviewResponse,
  type TeamPortfolioResponse,
  type ExemptionsOverviewResponse,
  refKey,
} from '@opsfolio/backstage-plugin-common';
import type { CostQuery, DeploymentsQuery, OpsfolioApi, ScorecardOverviewQuery } from './OpsfolioApi';

/** Calls `/api/opsfolio` with the signed-in user's token (fetchApi adds it). */
export class OpsfolioClient implements OpsfolioApi {
  // Every card on a page asks for the same summary; share one request per entity for a few seconds.
  private readonly summaries = new Map<string, { at: number; value: Promise<EntitySummaryResponse> }>();

  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi; cacheMs?: number },
  ) {}

  getHealth(): Promise<HealthResponse> {
    return this.get<HealthResponse>('/health');
  }

  getEntitySummary(entity: CompoundEntityRef): Promise<EntitySummaryResponse> {
    const path = `${entityPath(entity)}/summary`;
    const cached = this.summaries.get(path);
    if (cached && Date.now() - cached.at < (this.deps.cacheMs ?? 5000)) return cached.value;
    const value = this.get<EntitySummaryResponse>(path);
    this.summaries.set(path, { at: Date.now(), value });
    value.catch(() => this.summaries.delete(path));
    return value;
  }

  getDeployments(entity: CompoundEntityRef, query: DeploymentsQuery = {}): Promise<DeploymentsPage> {
    return this.get<DeploymentsPage>(`${entityPath(entity)}/deployments${searchOf(query)}`);
  }

  getOnCall(entity: CompoundEntityRef): Promise<OnCallResponse> {
    return this.get<OnCallResponse>(`${entityPath(entity)}/oncall`);
  }

  getTeamOnCall(group: CompoundEntityRef): Promise<TeamOnCallResponse> {
    return this.get<TeamOnCallResponse>(`${groupPath(group)}/oncall`);
  }

  getTeamPortfolio(group: CompoundEntityRef): Promise<TeamPortfolioResponse> {
    return this.get<TeamPortfolioResponse>(`${groupPath(group)}/portfolio`);
  }

  getEntityScorecards(entity: CompoundEntityRef): Promise<EntityScorecardsResponse> {
    return this.get<EntityScorecardsResponse>(`${entityPath(entity)}/scorecards`);
  }

  async refreshEntityScorecards(entity: CompoundEntityRef): Promise<EntityScorecardsResponse> {
    const base = await this.deps.discoveryApi.getBaseUrl('opsfolio');
    const response = await this.deps.fetchApi.fetch(`${base}${entityPath(entity)}/scorecards/refresh`, { method: 'POST' });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as EntityScorecardsResponse;
  }

  getExemptions(filters: { scorecard?: string; owner?: string; status?: 'active' | 'expired' } = {}): Promise<ExemptionsOverviewResponse> {
    return this.get<ExemptionsOverviewResponse>(`/overview/exemptions${searchOf(filters)}`);
  }

  getScorecardHistory(entity: CompoundEntityRef, scorecardId: string, days = 90): Promise<ScorecardHistoryResponse> {
    return this.get<ScorecardHistoryResponse>(`${entityPath(entity)}/scorecards/${encodeURIComponent(scorecardId)}/history?days=${days}`);
  }

  getScorecardOverview(query: ScorecardOverviewQuery = {}): Promise<ScorecardOverviewResponse> {
    return this.get<ScorecardOverviewResponse>(`/overview/scorecards${searchOf(query)}`);
  }

  getScorecardOverviewCsv(query: ScorecardOverviewQuery = {}): Promise<Blob> {
    return this.getBlob(`/overview/scorecards${searchOf({ ...query, format: 'csv' })}`);
  }

  getEntityCost(entity: CompoundEntityRef, query: CostQuery = {}): Promise<EntityCostResponse> {
    return this.get<EntityCostResponse>(`${entityPath(entity)}/cost${searchOf(query)}`);
  }

  getCostOverview(groupBy: CostOverviewResponse['groupBy'] = 'owner'): Promise<CostOverviewResponse> {
    return this.get<CostOverviewResponse>(`/overview/cost?groupBy=${groupBy}`);
  }

  getCostOverviewCsv(groupBy: CostOverviewResponse['groupBy'] = 'owner'): Promise<Blob> {
    return this.getBlob(`/overview/cost?groupBy=${groupBy}&format=csv`);
  }

  getOwnership(entity: CompoundEntityRef): Promise<EntityOwnershipResponse> {
    return this.get<EntityOwnershipResponse>(`${entityPath(entity)}/ownership`);
  }

  getOwnershipOverview(filters: { problem?: OwnershipProblemKind; owner?: string } = {}): Promise<OwnershipOverviewResponse> {
    return this.get<OwnershipOverviewResponse>(`/overview/ownership${searchOf(filters)}`);
  }

  async getOwnershipOverviewCsv(filters: { problem?: OwnershipProblemKind; owner?: string } = {}): Promise<Blob> {
    return this.getBlob(`/overview/ownership${searchOf({ ...filters, format: 'csv' })}`);
  }

  getIncidents(
    entity: CompoundEntityRef,
    query: { status?: IncidentStatus; limit?: number; offset?: number } = {},
  ): Promise<IncidentsPage> {
    return this.get<IncidentsPage>(`${entityPath(entity)}/incidents${searchOf(query)}`);
  }

  getCurrentDeployments(entity: CompoundEntityRef): Promise<CurrentDeploymentsResponse> {
    return this.get<CurrentDeploymentsResponse>(`${entityPath(entity)}/deployments/current`);
  }

  getDora(entity: CompoundEntityRef, windowDays?: number): Promise<DoraResult> {
    return this.get<DoraResult>(`${entityPath(entity)}/dora${windowDays ? `?window=${windowDays}d` : ''}`);
  }

  getWeeklyDeployments(entity: CompoundEntityRef, weeks = 12): Promise<WeeklyDeploymentsResponse> {
    return this.get<WeeklyDeploymentsResponse>(`${entityPath(entity)}/deployments/weekly?weeks=${weeks}`);
  }

  private async getBlob(path: string): Promise<Blob> {
    const base = await this.deps.discoveryApi.getBaseUrl('opsfolio');
    const response = await this.deps.fetchApi.fetch(`${base}${path}`);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.blob();
  }

  private async get<T>(path: string): Promise<T> {
    const base = await this.deps.discoveryApi.getBaseUrl('opsfolio');
    const response = await this.deps.fetchApi.fetch(`${base}${path}`);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }
}

const entityPath = (e: CompoundEntityRef) =>
  `/entities/${[e.kind, e.namespace, e.name].map(s => encodeURIComponent(refKey(s))).join('/')}`;

const groupPath = (g: CompoundEntityRef) =>
  `/groups/${[g.namespace, g.name].map(s => encodeURIComponent(refKey(s))).join('/')}`;

const searchOf = (query: object) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return search ? `?${search}` : '';
};
