export { createSimulator, type SimulatorOptions } from './server';
export { loadScenario, parseScenario, ScenarioError } from './scenario/load';
export type {
  Scenario,
  ComponentScenario,
  RepoScenario,
  DeploysScenario,
  IncidentsScenario,
  OnCallScenario,
  CostScenario,
  GapScenario,
} from './scenario/schema';
export { AWS_SERVICES, type AwsServiceCode } from './scenario/awsServices';
export { VENDOR_NAMES, type VendorName } from './vendors/types';
export {
  deployHistory,
  deployHistories,
  deployHistoryForRepo,
  type Commit,
  type Deploy,
  type DeployHistory,
  type DeployKind,
  type DeployState,
  type DeployStatus,
  type Person,
} from './data/deployHistory';
export { gitlabProjects, type GitlabProject } from './data/gitlabProjects';
export {
  componentOnCall,
  coveragePercent,
  finalShifts,
  findIncident,
  gapWindows,
  incidentHistory,
  oncallDirectory,
  onCallAt,
  policyOnCalls,
  respondersAt,
  vendorIncidents,
  type ComponentOnCall,
  type EscalationLevel,
  type EscalationPolicy,
  type EscalationTarget,
  type Incident,
  type IncidentEvent,
  type IncidentStatus,
  type OnCallDirectory,
  type OnCallEntry,
  type OnCallUser,
  type OpsgenieTeam,
  type PagerDutyIntegration,
  type PagerDutyService,
  type Rotation,
  type Shift,
} from './data/oncall';
export {
  costModel,
  dailyLevel,
  dayString,
  isEstimated,
  jumpDay,
  parseDay,
  reportedShare,
  UNTAGGED_POOL,
  weekdayFactor,
  type CostLine,
  type CostModel,
} from './data/cost';
export type { LoggedRequest } from './control/requestLog';
export type { FaultRule } from './control/faultRule';
export type { StoredFault } from './control/faults';
export { startSimulator, type RunningSimulator } from './testing/startSimulator';
