import type { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import type { HealthResponse } from '@opsfolio/backstage-plugin-common';
import type { SyncRunner } from './sync/syncRunner';
import type { SyncRunStore } from './sync/SyncRunStore';

/**
 * `GET /health`: a liveness answer for anyone (a load balancer has no token), and for a signed-in user or a
 * service every source with its last run, `degraded` while any source's last run failed. Vendor errors name
 * repositories and files, so they stay behind a token.
 */
export function healthRoutes(deps: { httpAuth: HttpAuthService; runner: SyncRunner; runs: SyncRunStore }) {
  const router = Router();
  router.get('/health', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service', 'none'] });
    if (credentials.principal.type === 'none') {
      res.json({ status: 'ok' } satisfies HealthResponse);
      return;
    }
    const jobs = deps.runner.registered();
    const freshness = await deps.runs.freshness(jobs.map(j => j.id));
    const sources = jobs.map(job => ({ id: job.id, pillar: job.pillar, vendor: job.vendor, ...freshness.get(job.id) }));
    const degraded = sources.filter(s => s.lastRun?.status === 'failed').map(s => s.id);
    const body: HealthResponse = { status: degraded.length ? 'degraded' : 'ok', degraded, sources };
    res.json(body);
  });
  return router;
}
