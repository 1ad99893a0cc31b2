import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
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
import type { DoraResult } from '../dora';
import type { IncidentStatus } from '../oncall';
import type { OwnershipProblemKind } from '../ownership';
import type {
  EntityScorecardsResponse,
  ExemptionsOverviewResponse,
  ScorecardHistoryResponse,
  ScorecardOverviewResponse,
  TeamPortfolioResponse,
} from '../scorecards';
import type { CostQuery, DeploymentsQuery, OpsfolioApi, ScorecardOverviewQuery } from './OpsfolioApi';
import { entityPath, groupPath, queryString } from './paths';

/**
 * What an {@link OpsfolioClient} needs. Structural, so Backstage's `discoveryApi` and `fetchApi` (frontend),
 * `DiscoveryService` (backend) or plain objects (a script) all fit.
 * @public
 */
export interface OpsfolioClientOptions {
  /** Where the backend is: `getBaseUrl('opsfolio')` gives the plugin's base URL, e.g. `https://backstage.example.com/api/opsfolio`. */
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  /**
   * Sends each request, and adds the caller's credentials: Backstage's `fetchApi` adds the signed-in user's
   * token; elsewhere, wrap `fetch` to set an `Authorization` header. Default: the global `fetch`, no token.
   */
  fetchApi?: { fetch: typeof fetch };
  /** For how long, in milliseconds, calls for the same entity's summary share one request; default 5000. */
  cacheMs?: number;
}

/**
 * Calls the Opsfolio backend (`/api/opsfolio`) with the credentials `fetchApi` adds. Works in the browser and in
 * Node, whose global `fetch` and `Blob` it uses.
 * @public
 */
export class OpsfolioClient implements OpsfolioApi {
  // Every card on a page asks for the same summary; share one request per entity for a few seconds.
  private readonly summaries = new Map<string, { at: number; value: Promise<EntitySummaryResponse> }>();
  private readonly discoveryApi: OpsfolioClientOptions['discoveryApi'];
  private readonly fetchApi: NonNullable<OpsfolioClientOptions['fetchApi']>;
  private readonly cacheMs: number;

  constructor(options: OpsfolioClientOptions) {
    this.discoveryApi = options.discoveryApi;
    // The global fetch is looked up on each call, so a fetch installed later (a polyfill, a test's) is used.
    this.fetchApi = options.fetchApi ?? { fetch: (input, init) => fetch(input, init) };
    this.cacheMs = options.cacheMs ?? 5000;
  }

  /** {@inheritDoc OpsfolioApi.getHealth} */
  getHealth(): Promise<HealthResponse> {
    return this.get<HealthResponse>('/health');
  }

  /** {@inheritDoc OpsfolioApi.getEntitySummary} */
  getEntitySummary(entity: CompoundEntityRef): Promise<EntitySummaryResponse> {
    const path = `${entityPath(entity)}/summary`;
    const cached = this.summaries.get(path);
    if (cached && Date.now() - cached.at < this.cacheMs) return cached.value;
    const value = this.get<EntitySummaryResponse>(path);
    this.summaries.set(path, { at: Date.now(), value });
    value.catch(() => this.summaries.delete(path));
    return value;
  }

  /** {@inheritDoc OpsfolioApi.getDeployments} */
  getDeployments(entity: CompoundEntityRef, query: DeploymentsQuery = {}): Promise<DeploymentsPage> {
    return this.get<DeploymentsPage>(`${entityPath(entity)}/deployments${queryString(query)}`);
  }

  /** {@inheritDoc OpsfolioApi.getOnCall} */
  getOnCall(entity: CompoundEntityRef): Promise<OnCallResponse> {
    return this.get<OnCallResponse>(`${entityPath(entity)}/oncall`);
  }

  /** {@inheritDoc OpsfolioApi.getTeamOnCall} */
  getTeamOnCall(group: CompoundEntityRef): Promise<TeamOnCallResponse> {
    return this.get<TeamOnCallResponse>(`${groupPath(group)}/oncall`);
  }

  /** {@inheritDoc OpsfolioApi.getTeamPortfolio} */
  getTeamPortfolio(group: CompoundEntityRef): Promise<TeamPortfolioResponse> {
    return this.get<TeamPortfolioResponse>(`${groupPath(group)}/portfolio`);
  }

  /** {@inheritDoc OpsfolioApi.getEntityScorecards} */
  getEntityScorecards(entity: CompoundEntityRef): Promise<EntityScorecardsResponse> {
    return this.get<EntityScorecardsResponse>(`${entityPath(entity)}/scorecards`);
  }

  /** {@inheritDoc OpsfolioApi.refreshEntityScorecards} */
  async refreshEntityScorecards(entity: CompoundEntityRef): Promise<EntityScorecardsResponse> {
    const response = await this.send(`${entityPath(entity)}/scorecards/refresh`, { method: 'POST' });
    return (await response.json()) as EntityScorecardsResponse;
  }

  /** {@inheritDoc OpsfolioApi.getExemptions} */
  getExemptions(filters: { scorecard?: string; owner?: string; status?: 'active' | 'expired' } = {}): Promise<ExemptionsOverviewResponse> {
    return this.get<ExemptionsOverviewResponse>(`/overview/exemptions${queryString(filters)}`);
  }

  /** {@inheritDoc OpsfolioApi.getScorecardHistory} */
  getScorecardHistory(entity: CompoundEntityRef, scorecardId: string, days = 90): Promise<ScorecardHistoryResponse> {
    return this.get<ScorecardHistoryResponse>(`${entityPath(entity)}/scorecards/${encodeURIComponent(scorecardId)}/history?days=${days}`);
  }

  /** {@inheritDoc OpsfolioApi.getScorecardOverview} */
  getScorecardOverview(query: ScorecardOverviewQuery = {}): Promise<ScorecardOverviewResponse> {
    return this.get<ScorecardOverviewResponse>(`/overview/scorecards${queryString(query)}`);
  }

  /** {@inheritDoc OpsfolioApi.getScorecardOverviewCsv} */
  getScorecardOverviewCsv(query: ScorecardOverviewQuery = {}): Promise<Blob> {
    return this.getBlob(`/overview/scorecards${queryString({ ...query, format: 'csv' })}`);
  }

  /** {@inheritDoc OpsfolioApi.getEntityCost} */
  getEntityCost(entity: CompoundEntityRef, query: CostQuery = {}): Promise<EntityCostResponse> {
    return this.get<EntityCostResponse>(`${entityPath(entity)}/cost${queryString(query)}`);
  }

  /** {@inheritDoc OpsfolioApi.getCostOverview} */
  getCostOverview(groupBy: CostOverviewResponse['groupBy'] = 'owner'): Promise<CostOverviewResponse> {
    return this.get<CostOverviewResponse>(`/overview/cost?groupBy=${groupBy}`);
  }

  /** {@inheritDoc OpsfolioApi.getCostOverviewCsv} */
  getCostOverviewCsv(groupBy: CostOverviewResponse['groupBy'] = 'owner'): Promise<Blob> {
    return this.getBlob(`/overview/cost?groupBy=${groupBy}&format=csv`);
  }

  /** {@inheritDoc OpsfolioApi.getOwnership} */
  getOwnership(entity: CompoundEntityRef): Promise<EntityOwnershipResponse> {
    return this.get<EntityOwnershipResponse>(`${entityPath(entity)}/ownership`);
  }

  /** {@inheritDoc OpsfolioApi.getOwnershipOverview} */
  getOwnershipOverview(filters: { problem?: OwnershipProblemKind; owner?: string } = {}): Promise<OwnershipOverviewResponse> {
    return this.get<OwnershipOverviewResponse>(`/overview/ownership${queryString(filters)}`);
  }

  /** {@inheritDoc OpsfolioApi.getOwnershipOverviewCsv} */
  getOwnershipOverviewCsv(filters: { problem?: OwnershipProblemKind; owner?: string } = {}): Promise<Blob> {
    return this.getBlob(`/overview/ownership${queryString({ ...filters, format: 'csv' })}`);
  }

  /** {@inheritDoc OpsfolioApi.getIncidents} */
  getIncidents(
    entity: CompoundEntityRef,
    query: { status?: IncidentStatus; limit?: number; offset?: number } = {},
  ): Promise<IncidentsPage> {
    return this.get<IncidentsPage>(`${entityPath(entity)}/incidents${queryString(query)}`);
  }

  /** {@inheritDoc OpsfolioApi.getCurrentDeployments} */
  getCurrentDeployments(entity: CompoundEntityRef): Promise<CurrentDeploymentsResponse> {
    return this.get<CurrentDeploymentsResponse>(`${entityPath(entity)}/deployments/current`);
  }

  /** {@inheritDoc OpsfolioApi.getDora} */
  getDora(entity: CompoundEntityRef, windowDays?: number): Promise<DoraResult> {
    return this.get<DoraResult>(`${entityPath(entity)}/dora${windowDays ? `?window=${windowDays}d` : ''}`);
  }

  /** {@inheritDoc OpsfolioApi.getWeeklyDeployments} */
  getWeeklyDeployments(entity: CompoundEntityRef, weeks = 12): Promise<WeeklyDeploymentsResponse> {
    return this.get<WeeklyDeploymentsResponse>(`${entityPath(entity)}/deployments/weekly?weeks=${weeks}`);
  }

  /** {@inheritDoc OpsfolioApi.getCampaigns} */
  getCampaigns(filters: { state?: CampaignState; owner?: string } = {}): Promise<CampaignsResponse> {
    return this.get<CampaignsResponse>(`/campaigns${queryString(filters)}`);
  }

  /** {@inheritDoc OpsfolioApi.getCampaign} */
  getCampaign(campaignId: string): Promise<CampaignProgressResponse> {
    return this.get<CampaignProgressResponse>(`/campaigns/${encodeURIComponent(campaignId)}`);
  }

  /** {@inheritDoc OpsfolioApi.getCampaignCsv} */
  getCampaignCsv(campaignId: string): Promise<Blob> {
    return this.getBlob(`/campaigns/${encodeURIComponent(campaignId)}?format=csv`);
  }

  /** {@inheritDoc OpsfolioApi.getCampaignPromotion} */
  getCampaignPromotion(campaignId: string, options: { level?: string } = {}): Promise<CampaignPromotionResponse> {
    const query = options.level ? `?level=${encodeURIComponent(options.level)}` : '';
    return this.get<CampaignPromotionResponse>(`/campaigns/${encodeURIComponent(campaignId)}/promotion${query}`);
  }

  /** {@inheritDoc OpsfolioApi.getEntityCampaigns} */
  getEntityCampaigns(entity: CompoundEntityRef): Promise<EntityCampaignsResponse> {
    return this.get<EntityCampaignsResponse>(`${entityPath(entity)}/campaigns`);
  }

  /** {@inheritDoc OpsfolioApi.createCampaign} */
  createCampaign(definition: CampaignDefinition): Promise<CampaignSummary> {
    return this.sendJson<CampaignSummary>('/campaigns', 'POST', definition);
  }

  /** {@inheritDoc OpsfolioApi.updateCampaign} */
  updateCampaign(campaignId: string, definition: CampaignDefinition): Promise<CampaignSummary> {
    return this.sendJson<CampaignSummary>(`/campaigns/${encodeURIComponent(campaignId)}`, 'PUT', definition);
  }

  /** {@inheritDoc OpsfolioApi.changeCampaignState} */
  changeCampaignState(campaignId: string, action: 'publish' | 'end' | 'archive'): Promise<CampaignSummary> {
    return this.sendJson<CampaignSummary>(`/campaigns/${encodeURIComponent(campaignId)}/${action}`, 'POST');
  }

  private async sendJson<T>(path: string, method: string, body?: unknown): Promise<T> {
    const init: RequestInit = body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    return (await (await this.send(path, init)).json()) as T;
  }

  private async getBlob(path: string): Promise<Blob> {
    return (await this.send(path)).blob();
  }

  private async get<T>(path: string): Promise<T> {
    return (await (await this.send(path)).json()) as T;
  }

  /** The response to a request for `path` under the plugin's base URL; a `ResponseError` unless it is a 2xx. */
  private async send(path: string, init?: RequestInit): Promise<Response> {
    const base = await this.discoveryApi.getBaseUrl('opsfolio');
    const url = `${base}${path}`;
    // A GET calls fetch(url) with no second argument, as the client always has (an adopter's fetch mock may check it).
    const response = await (init ? this.fetchApi.fetch(url, init) : this.fetchApi.fetch(url));
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response;
  }
}
