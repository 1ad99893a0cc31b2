import type { HttpAuthService, PermissionsService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import Router from 'express-promise-router';
import {
  describePillars,
  PILLARS,
  type EntitySummaryResponse,
  type PillarId,
  type PillarSummary,
} from '@opsfolio/backstage-plugin-common';
import { loadEntity } from './catalog/loadEntity';
import { costReadableRefs } from './permissions';
import type { SyncRunner } from './sync/syncRunner';
import type { SyncRunStore } from './sync/SyncRunStore';
import type { SyncJob } from './sync/types';

/** `GET /entities/:kind/:namespace/:name/summary`: which pillars the entity is set up for. */
export function entitySummaryRoutes(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  runner: SyncRunner;
  runs: SyncRunStore;
  /**
   * Per pillar, whether data exists for an entity without annotations (e.g. deployments pushed by CI),
   * naming where it came from; such a pillar counts as configured.
   */
  storedData?: Partial<Record<PillarId, (entityRef: string) => Promise<string | undefined>>>;
}) {
  const router = Router();
  router.get('/entities/:kind/:namespace/:name/summary', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const entity = await loadEntity(deps.catalog, req.params, credentials);
    const ref = stringifyEntityRef(entity);
    const setup = describePillars(entity);
    // Without opsfolio.cost.read the cost pillar says neither its tag nor whether spend is stored.
    const costHidden = !(await costReadableRefs(deps.permissions, credentials, [ref])).size;
    if (costHidden) setup.cost = { ...setup.cost, found: {} };
    const jobs = deps.runner.registered();
    const freshness = await deps.runs.freshness(jobs.map(j => j.id));
    // A GitLab project's card is not waiting for GitHub: only sources that read one of its annotations.
    const annotations = entity.metadata.annotations ?? {};
    const feeds = (job: SyncJob) => !job.annotations?.length || job.annotations.some(a => annotations[a]);
    const sourcesOf = (pillar: string) =>
      jobs
        .filter(j => j.pillar === pillar && j.entityData !== false && feeds(j))
        .map(j => ({ id: j.id, pillar: j.pillar, vendor: j.vendor, ...freshness.get(j.id) }));
    for (const pillar of PILLARS) {
      const probe = deps.storedData?.[pillar];
      if (setup[pillar].configured || !probe || (pillar === 'cost' && costHidden)) continue;
      const from = await probe(ref);
      if (from) setup[pillar] = { ...setup[pillar], configured: true, found: { 'data from': from } };
    }
    const pillars = Object.fromEntries(
      PILLARS.map(pillar => [pillar, { ...setup[pillar], sources: sourcesOf(pillar) } satisfies PillarSummary]),
    ) as EntitySummaryResponse['pillars'];
    const body: EntitySummaryResponse = { entityRef: ref, pillars };
    res.json(body);
  });
  return router;
}
