import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { OWNERSHIP_PROBLEM_KINDS } from '@opsfolio/backstage-plugin-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { loadEntity } from '../platform/catalog/loadEntity';
import { parseQuery, queryText } from '../platform/parseQuery';
import { ownershipCsv } from './csv';
import type { CatalogVisibility } from '../platform/catalog/CatalogVisibility';
import type { OwnershipService } from './OwnershipService';

const overviewQuery = z
  .object({
    problem: z.enum(OWNERSHIP_PROBLEM_KINDS).optional(),
    owner: queryText.optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();

/** Ownership of one entity (with who is on call for it now), and every ownership problem in the catalog. */
export function ownershipRoutes(deps: { httpAuth: HttpAuthService; catalog: CatalogService; visibility: CatalogVisibility; ownership: OwnershipService }) {
  const router = Router();

  router.get('/entities/:kind/:namespace/:name/ownership', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    // As the caller: the catalog's own permissions decide whether they may see the entity.
    const entity = await loadEntity(deps.catalog, req.params, credentials);
    res.json(await deps.ownership.entityOwnership(entity));
  });

  router.get('/overview/ownership', async (req, res) => {
    const { format, ...filters } = parseQuery(overviewQuery, req.query);
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const body = await deps.ownership.overview(filters, await deps.visibility.readableBy(credentials));
    if (format === 'csv') {
      res.type('text/csv').attachment('opsfolio-ownership-problems.csv').send(ownershipCsv(body));
      return;
    }
    res.json(body);
  });
  return router;
}
