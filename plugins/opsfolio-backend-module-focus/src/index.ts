/**
 * Opsfolio module: daily cost per service from FOCUS 1.x cost exports (AWS, Azure, GCP, OCI).
 *
 * @packageDocumentation
 */
export { opsfolioModuleFocus as default } from './module';
