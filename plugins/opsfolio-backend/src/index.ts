/**
 * The Opsfolio backend plugin.
 *
 * @packageDocumentation
 */
export { opsfolioPlugin as default } from './plugin';
