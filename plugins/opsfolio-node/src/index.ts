/**
 * What an Opsfolio module author needs: the extension points for deployment, on-call and cost sources and
 * for facts and scorecards, the interfaces a source implements, and the resilient vendor HTTP client.
 *
 * @packageDocumentation
 */
export { createVendorClient } from './http/client';
export { VendorHttpError, type VendorHttpErrorInit, type VendorHttpErrorKind } from './http/errors';
export {
  paginateCursor,
  paginateLink,
  paginateOffset,
  type VendorCursorPaginateOptions,
  type VendorOffsetPaginateOptions,
  type VendorPage,
  type VendorPaginateOptions,
} from './http/pagination';
export type { VendorJitter } from './http/retryPolicy';
export type { VendorClientStats } from './http/stats';
export type {
  VendorClient,
  VendorClientOptions,
  VendorConditionalOptions,
  VendorHeaders,
  VendorHttpMethod,
  VendorNotModified,
  VendorRequestOptions,
  VendorResponse,
  VendorSchema,
} from './http/types';
export type { VendorQuery } from './http/url';
export { SourceSyncError, type SourceEntity, type SourceState, type SourceSyncContext, type SourceSyncProgress, type SourceSyncResult } from './sources/context';
export {
  opsfolioDeploymentSourcesExtensionPoint,
  type DeploymentRecord,
  type DeploymentSource,
  type DeploymentSyncContext,
  type OpsfolioDeploymentSourcesExtensionPoint,
} from './sources/deployments';
export {
  opsfolioOnCallSourcesExtensionPoint,
  type IncidentRecord,
  type OnCallRead,
  type OnCallSource,
  type OnCallSyncContext,
  type OpsfolioOnCallSourcesExtensionPoint,
} from './sources/oncall';
export {
  opsfolioCostSourcesExtensionPoint,
  type CostRecord,
  type CostSource,
  type CostSyncContext,
  type OpsfolioCostSourcesExtensionPoint,
} from './sources/cost';
export { sourceHostOf } from './sources/sourceHost';
export {
  opsfolioScorecardsExtensionPoint,
  type FactAnswer,
  type FactContext,
  type FactNotApplicable,
  type FactNotReported,
  type FactProvider,
  type FactReading,
  type FactSubject,
  type OpsfolioScorecardsExtensionPoint,
} from './scorecards';

// Shared by the backend and the GitHub module, not part of the public API (stripped from the published types).
/** @internal */
export { mapWithConcurrency } from './concurrency';
