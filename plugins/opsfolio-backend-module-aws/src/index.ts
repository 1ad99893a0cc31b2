/**
 * Opsfolio module: daily cost per cost-allocation-tag value and AWS service from AWS Cost Explorer.
 *
 * @packageDocumentation
 */
export { opsfolioModuleAws as default } from './module';
