import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { DEPLOYMENT_STATUSES } from '@opsfolio/backstage-plugin-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { loadEntity } from '../platform/catalog/loadEntity';
import type { DeploymentsService } from './DeploymentsService';
import { parseQuery, queryInteger, queryText } from '../platform/parseQuery';

const listQuery = z
  .object({
    environment: queryText.optional(),
    status: z.enum(DEPLOYMENT_STATUSES).optional(),
    limit: queryInteger(1, 100).default(25),
    offset: queryInteger(0, 999_999_999).default(0),
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
    environment: queryText.optional(),
  })
  .strict();

const weeklyQuery = z.object({ weeks: queryInteger(1, 104).default(12) }).strict();

/** Deploy history, what runs where, and DORA figures of one entity. */
export function deploymentRoutes(deps: { httpAuth: HttpAuthService; catalog: CatalogService; deployments: DeploymentsService }) {
  const router = Router();
  const entityOf = async (req: Parameters<Parameters<typeof router.get>[1]>[0]) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    return loadEntity(deps.catalog, req.params as any, credentials);
  };

  router.get('/entities/:kind/:namespace/:name/deployments', async (req, res) => {
    const query = parseQuery(listQuery, req.query);
    res.json(await deps.deployments.list(stringifyEntityRef(await entityOf(req)), query));
  });

  router.get('/entities/:kind/:namespace/:name/deployments/current', async (req, res) => {
    res.json(await deps.deployments.current(await entityOf(req)));
  });

  router.get('/entities/:kind/:namespace/:name/deployments/weekly', async (req, res) => {
    const { weeks } = parseQuery(weeklyQuery, req.query);
    res.json(await deps.deployments.weekly(await entityOf(req), weeks));
  });

  router.get('/entities/:kind/:namespace/:name/dora', async (req, res) => {
    const query = parseQuery(doraQuery, req.query);
    const entity = await entityOf(req);
    res.json(await deps.deployments.dora(entity, { windowDays: query.window ? Number.parseInt(query.window, 10) : undefined, environment: query.environment }));
  });
  return router;
}
