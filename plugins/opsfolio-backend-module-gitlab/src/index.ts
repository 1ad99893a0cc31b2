/**
 * Opsfolio module: deploy history from the GitLab deployments API.
 *
 * @packageDocumentation
 */
export { opsfolioModuleGitlab as default } from './module';
