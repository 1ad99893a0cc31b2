import Router from 'express-promise-router';
import type { HealthResponse } from '@opsfolio/backstage-plugin-common';
import type { SyncRunner } from './sync/syncRunner';
import type { SyncRunStore } from './sync/SyncRunStore';

/** `GET /health`: unauthenticated, lists every source with its last run and last success. */
export function healthRoutes(deps: { runner: SyncRunner; runs: SyncRunStore }) {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const jobs = deps.runner.registered();
    const freshness = await deps.runs.freshness(jobs.map(j => j.id));
    const body: HealthResponse = {
      status: 'ok',
      sources: jobs.map(job => ({
        id: job.id,
        pillar: job.pillar,
        vendor: job.vendor,
        ...freshness.get(job.id),
      })),
    };
    res.json(body);
  });
  return router;
}
