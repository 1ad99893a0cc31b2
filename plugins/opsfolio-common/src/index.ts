/**
 * Types, schemas and annotation names shared by the Opsfolio backend and frontend.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './pillars';
export * from './api';
export * from './deployments';
export * from './dora';
export * from './oncall';
export * from './cost';
export * from './permissions';
export * from './ownership';
export * from './scorecards';
