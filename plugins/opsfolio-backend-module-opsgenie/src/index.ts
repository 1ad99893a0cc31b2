/**
 * Opsfolio module: on-call and alerts from Opsgenie.
 *
 * @packageDocumentation
 */
export { opsfolioModuleOpsgenie as default } from './module';
