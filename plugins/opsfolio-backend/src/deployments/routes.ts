import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { DAY_MS, DEPLOYMENT_STATUSES, productionEnvironmentsOf, WEEK_MS, weekStartOf } from '@opsfolio/backstage-plugin-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { loadEntity } from '../platform/catalog/loadEntity';
import type { DoraSettings } from './doraSettings';
import { computeDora } from './dora';
import type { DeploymentStore } from './store';
import { deploysPerWeek } from './weekly';
import { parseQuery } from '../platform/parseQuery';

const listQuery = z
  .object({
    environment: z.string().min(1).optional(),
    status: z.enum(DEPLOYMENT_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

const doraQuery = z
  .object({
    window: z
      .string()
      .regex(/^\d{1,3}d$/, 'must be a number of days such as 30d')
      .refine(w => Number.parseInt(w, 10) >= 1 && Number.parseInt(w, 10) <= 365, 'must be between 1d and 365d')
      .optional(),
    /** One environment instead of the production ones, e.g. to see staging's figures. */
    environment: z.string().min(1).optional(),
  })
  .strict();

const weeklyQuery = z.object({ weeks: z.coerce.number().int().min(1).max(104).default(12) }).strict();

const parse = parseQuery;

/** Deploy history, what runs where, and DORA figures of one entity. */
export function deploymentRoutes(deps: {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  store: DeploymentStore;
  dora: DoraSettings;
  /** Production incidents of an entity since a time, so the change failure rate counts deploys that caused one. */
  incidentsSince?: (entityRef: string, from: Date) => Promise<Array<{ startedAt: string }>>;
  now?: () => Date;
}) {
  const router = Router();
  const now = deps.now ?? (() => new Date());
  const entityOf = async (req: Parameters<Parameters<typeof router.get>[1]>[0]) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    return loadEntity(deps.catalog, req.params as any, credentials);
  };

  router.get('/entities/:kind/:namespace/:name/deployments', async (req, res) => {
    const query = parse(listQuery, req.query);
    const entity = await entityOf(req);
    const { items, total } = await deps.store.list(stringifyEntityRef(entity), query);
    res.json({ items, total, limit: query.limit, offset: query.offset });
  });

  router.get('/entities/:kind/:namespace/:name/deployments/current', async (req, res) => {
    const entity = await entityOf(req);
    const entityRef = stringifyEntityRef(entity);
    const [environments, last] = await Promise.all([deps.store.current(entityRef), deps.store.last(entityRef)]);
    res.json({
      productionEnvironments: productionEnvironmentsOf(entity.metadata.annotations, deps.dora.productionEnvironments),
      environments,
      lastDeployment: last,
    });
  });

  router.get('/entities/:kind/:namespace/:name/deployments/weekly', async (req, res) => {
    const { weeks } = parse(weeklyQuery, req.query);
    const entity = await entityOf(req);
    const to = now();
    const from = new Date(weekStartOf(to.getTime()) - (weeks - 1) * WEEK_MS);
    const environments = productionEnvironmentsOf(entity.metadata.annotations, deps.dora.productionEnvironments);
    const deployments = await deps.store.between(stringifyEntityRef(entity), from, to);
    res.json({ environments, weeks: deploysPerWeek(deployments, environments, weeks, to) });
  });

  router.get('/entities/:kind/:namespace/:name/dora', async (req, res) => {
    const query = parse(doraQuery, req.query);
    const entity = await entityOf(req);
    const days = query.window ? Number.parseInt(query.window, 10) : deps.dora.windowDays;
    const to = now();
    const from = new Date(to.getTime() - days * DAY_MS);
    // One more window of history before `from`, so commits shipped earlier are not credited to a redeploy.
    const history = new Date(from.getTime() - days * DAY_MS);
    const ref = stringifyEntityRef(entity);
    let deployments = await deps.store.between(ref, history, to);
    if (deployments.length === 0) {
      // A service that shipped long ago has a real 0/day, not "not enough data": hand over its last deploy.
      const last = await deps.store.last(ref);
      if (last && Date.parse(last.startedAt) < to.getTime()) deployments = [last];
    }
    res.json(
      computeDora({
        deployments,
        productionEnvironments: query.environment
          ? [query.environment]
          : productionEnvironmentsOf(entity.metadata.annotations, deps.dora.productionEnvironments),
        window: { from, to },
        thresholds: deps.dora.thresholds,
        incidentWindowHours: deps.dora.incidentWindowHours,
        incidents: (await deps.incidentsSince?.(ref, history)) ?? [],
      }),
    );
  });
  return router;
}
