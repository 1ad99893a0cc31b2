/**
 * Types, annotation names and permissions shared by the Opsfolio backend and frontend, and a client of its REST
 * API: what a permission policy, a caller of the REST API (another plugin, a script) and a module author need.
 *
 * @packageDocumentation
 */
export { ANNOTATIONS } from './annotations';
export { PILLARS, describePillars, type EntityLike, type PillarId, type PillarSetup } from './pillars';
export {
  opsfolioCampaignsManagePermission,
  opsfolioCostReadPermission,
  opsfolioExemptionsReadPermission,
  opsfolioPermissions,
} from './permissions';
export type {
  CostFacts,
  CostFigures,
  CostOverviewResponse,
  CostOverviewRow,
  CurrentDeploymentsResponse,
  DeploymentsPage,
  EntityCostResponse,
  EntityOwnershipResponse,
  EntitySummaryResponse,
  HealthResponse,
  IncidentsPage,
  OnCallResponse,
  OnCallSourceAnswer,
  OwnershipOverviewResponse,
  PillarSummary,
  SourceHealth,
  SyncRun,
  SyncProgress,
  SyncRunDetails,
  TeamOnCallResponse,
  TeamOnCallService,
  WeeklyDeploymentsResponse,
} from './api';
export type {
  Campaign,
  CampaignBurnUpDay,
  CampaignCounts,
  CampaignDefinition,
  CampaignEntity,
  CampaignFilter,
  CampaignMilestone,
  CampaignProgressResponse,
  CampaignPromotionResponse,
  CampaignRemainingCheck,
  CampaignState,
  CampaignSummary,
  CampaignsResponse,
  EntityCampaignsResponse,
} from './campaigns';
export { OpsfolioClient, type OpsfolioClientOptions } from './client/OpsfolioClient';
export type { CostQuery, DeploymentsQuery, OpsfolioApi, ScorecardOverviewQuery } from './client/OpsfolioApi';
export { productionEnvironmentsOf, type Deployment, type DeploymentStatus } from './deployments';
export type { DoraBand, DoraFigure, DoraMetricId, DoraResult, DoraUnit } from './dora';
export type {
  Coverage,
  CoverageGap,
  EscalationFacts,
  Incident,
  IncidentStatus,
  IncidentUrgency,
  MeanDuration,
  OnCallDrift,
  OnCallMatch,
  OnCallNow,
  OnCallPerson,
  OnCallShift,
  OwnerMember,
  ResponseTimes,
  ScheduleCoverage,
} from './oncall';
export type { CostTag, Money } from './cost';
export type { OwnerContact, OwnershipFacts, OwnershipProblem, OwnershipProblemKind } from './ownership';
export type {
  CheckOperator,
  CheckResult,
  CheckState,
  CheckTransition,
  EntityScorecardResult,
  EntityScorecardsResponse,
  Exemption,
  ExemptionRow,
  ExemptionsOverviewResponse,
  FactDescription,
  FactValue,
  LevelChange,
  PortfolioService,
  Scorecard,
  ScorecardCheck,
  ScorecardFilter,
  ScorecardGateResponse,
  ScorecardHistoryResponse,
  ScorecardLevel,
  ScorecardOverviewEntity,
  ScorecardOverviewFilters,
  ScorecardOverviewResponse,
  TeamPortfolioResponse,
} from './scorecards';

// Shared by our frontend and backend, not part of the public API (stripped from the published types).
/** @internal */
export { DEPLOYMENT_STATUSES } from './deployments';
/** @internal */
export { DORA_DEFINITIONS, DORA_METRICS } from './dora';
/** @internal */
export { OWNERSHIP_PROBLEM_KINDS } from './ownership';
// One home for the helpers our packages share (time, money, entity refs); internal, like the above.
/** @internal */
export {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  WEEK_MS,
  addDays,
  addMonths,
  dayOf,
  daysBefore,
  daysBetween,
  daysInMonth,
  eachDay,
  isDay,
  monthOf,
  monthStart,
  startOfDay,
  weekStartOf,
} from './time';
/** @internal */
export { addMoney, changeRatio, isZeroMoney, largestAmount, roundMoney, roundToWhole, sumMoney } from './money';
/** @internal */
export { entityRefKey, isKind, refKey, resolveRefKey } from './refs';
