import type { HttpAuthService, PermissionsService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { isDay, opsfolioCostReadPermission } from '@opsfolio/backstage-plugin-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { loadEntity } from '../platform/catalog/loadEntity';
import { parseQuery } from '../platform/parseQuery';
import { costReadableEverywhere, costReadableRefs } from '../platform/permissions';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { CostService } from './CostService';
import { overviewCsv } from './csv';
import { readableEntityCost } from './readableEntityCost';
import { permittedOverview, readableOverview } from './readableOverview';
import type { CatalogVisibility } from '../platform/catalog/CatalogVisibility';

const day = z.string().refine(isDay, 'must be a day, YYYY-MM-DD');
const entityQuery = z
  .object({ from: day.optional(), to: day.optional(), granularity: z.enum(['day', 'month']).default('day') })
  .strict();
const overviewQuery = z
  .object({ groupBy: z.enum(['owner', 'system', 'domain']).default('owner'), format: z.enum(['json', 'csv']).default('json') })
  .strict();

/** Cost of an entity (a service, or a team, system or domain over what it holds) and the overview by owner. */
export function costRoutes(deps: { httpAuth: HttpAuthService; permissions: PermissionsService; catalog: CatalogService; visibility: CatalogVisibility; cost: CostService }) {
  const router = Router();

  router.get('/entities/:kind/:namespace/:name/cost', async (req, res) => {
    const query = parseQuery(entityQuery, req.query);
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    // The catalog read and the policy's outright answer are independent: asked side by side, each once.
    const [entity, everywhere] = await Promise.all([loadEntity(deps.catalog, req.params, credentials), costReadableEverywhere(deps.permissions, credentials)]);
    res.json(await readableEntityCost(deps, credentials, stringifyEntityRef(entity), query, everywhere));
  });

  router.get('/overview/cost', async (req, res) => {
    const query = parseQuery(overviewQuery, req.query);
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const everywhere = await costReadableEverywhere(deps.permissions, credentials);
    if (everywhere === AuthorizeResult.DENY) throw new NotAllowedError(`Not allowed: ${opsfolioCostReadPermission.name}`);
    let body = readableOverview(await deps.cost.overview(query.groupBy), await deps.visibility.readableBy(credentials));
    if (everywhere === AuthorizeResult.CONDITIONAL) {
      body = permittedOverview(body, await costReadableRefs(deps.permissions, credentials, body.rows.map(r => r.key).filter(Boolean), everywhere));
    }
    if (query.format === 'csv') {
      res.type('text/csv').attachment(`opsfolio-cost-by-${query.groupBy}-${body.month}.csv`).send(overviewCsv(body));
      return;
    }
    res.json(body);
  });
  return router;
}
