/**
 * Opsfolio module: deploy history from the GitHub Deployments API.
 *
 * @packageDocumentation
 */
export { opsfolioModuleGithub as default } from './module';
