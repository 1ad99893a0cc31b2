/**
 * Opsfolio module: on-call and incidents from PagerDuty.
 *
 * @packageDocumentation
 */
export { opsfolioModulePagerduty as default } from './module';
