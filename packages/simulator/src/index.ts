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
} from './scenario/schema';
export { AWS_SERVICES, type AwsServiceCode } from './scenario/awsServices';
export { VENDOR_NAMES, type VendorName } from './vendors/types';
export type { LoggedRequest } from './control/requestLog';
export type { FaultRule } from './control/faultRule';
export type { StoredFault } from './control/faults';
