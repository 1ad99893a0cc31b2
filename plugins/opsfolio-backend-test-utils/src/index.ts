/**
 * Test helpers for Opsfolio vendor modules: the real backend plugin on an in-memory SQLite database,
 * an in-memory catalog, and sync runs triggered by the test instead of the scheduler.
 *
 * @packageDocumentation
 */
export { startOpsfolioTestBackend, type OpsfolioTestBackend } from './startOpsfolioTestBackend';
