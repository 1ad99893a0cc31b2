/**
 * Opsfolio module: daily cost per cost-allocation-tag value and AWS service from AWS Cost Explorer.
 *
 * @packageDocumentation
 */
export { opsfolioModuleAws as default, opsfolioModuleAws } from './module';
export { CostExplorerCostSource, type CostExplorerCostSourceOptions } from './CostExplorerCostSource';
