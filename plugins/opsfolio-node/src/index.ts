/**
 * What an Opsfolio vendor module needs: source interfaces, extension points and the vendor HTTP client.
 *
 * @packageDocumentation
 */
export * from './http';
export * from './sources';
export { mapWithConcurrency } from './concurrency';
export {
  opsfolioScorecardsExtensionPoint,
  type FactAnswer,
  type FactNotApplicable,
  type FactContext,
  type FactNotReported,
  type FactProvider,
  type FactReading,
  type FactSubject,
  type OpsfolioScorecardsExtensionPoint,
} from './scorecards';
