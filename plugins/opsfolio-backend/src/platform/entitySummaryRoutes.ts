import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import Router from 'express-promise-router';
import {
  describePillars,
  PILLARS,
  type EntitySummaryResponse,
  type PillarSummary,
} from '@opsfolio/backstage-plugin-common';
import { loadEntity } from './catalog/loadEntity';
import type { SyncRunner } from './sync/syncRunner';
import type { SyncRunStore } from './sync/syncRunStore';

/** `GET /entities/:kind/:namespace/:name/summary`: which pillars the entity is set up for. */
export function entitySummaryRoutes(deps: {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  runner: SyncRunner;
  runs: SyncRunStore;
}) {
  const router = Router();
  router.get('/entities/:kind/:namespace/:name/summary', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const entity = await loadEntity(deps.catalog, req.params, credentials);
    const setup = describePillars(entity);
    const jobs = deps.runner.registered();
    const freshness = await deps.runs.freshness(jobs.map(j => j.id));
    const sourcesOf = (pillar: string) =>
      jobs
        .filter(j => j.pillar === pillar)
        .map(j => ({ id: j.id, pillar: j.pillar, vendor: j.vendor, ...freshness.get(j.id) }));
    const pillars = Object.fromEntries(
      PILLARS.map(pillar => [pillar, { ...setup[pillar], sources: sourcesOf(pillar) } satisfies PillarSummary]),
    ) as EntitySummaryResponse['pillars'];
    const body: EntitySummaryResponse = { entityRef: stringifyEntityRef(entity), pillars };
    res.json(body);
  });
  return router;
}
