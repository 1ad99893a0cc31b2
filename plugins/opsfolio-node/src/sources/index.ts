export type { SourceEntity, SourceState, SourceSyncContext } from './context';
export {
  opsfolioDeploymentSourcesExtensionPoint,
  type DeploymentRecord,
  type DeploymentSource,
  type DeploymentSyncContext,
  type OpsfolioDeploymentSourcesExtensionPoint,
} from './deployments';
export { sourceHostOf } from './sourceHost';
export {
  opsfolioOnCallSourcesExtensionPoint,
  type IncidentRecord,
  type OnCallRead,
  type OnCallSource,
  type OnCallSyncContext,
  type OpsfolioOnCallSourcesExtensionPoint,
} from './oncall';
export {
  opsfolioCostSourcesExtensionPoint,
  type CostRecord,
  type CostSource,
  type CostSyncContext,
  type OpsfolioCostSourcesExtensionPoint,
} from './cost';
