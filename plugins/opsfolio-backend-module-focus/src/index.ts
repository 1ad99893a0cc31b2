/**
 * Opsfolio module: daily cost per service from FOCUS 1.x cost exports (AWS, Azure, GCP, OCI).
 *
 * @packageDocumentation
 */
export { opsfolioModuleFocus as default, opsfolioModuleFocus } from './module';
export { FocusCostSource, type FocusCostSourceOptions, type FocusSyncResult } from './FocusCostSource';
export { FocusAggregate } from './FocusAggregate';
export {
  CHARGE_CATEGORIES,
  parseFocus,
  readFocus,
  type FocusFileStats,
  type FocusParseOptions,
  type FocusProblem,
} from './parseFocus';
