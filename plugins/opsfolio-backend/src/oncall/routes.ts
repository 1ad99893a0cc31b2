import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import Router from 'express-promise-router';
import { z } from 'zod';
import { loadEntity } from '../platform/catalog/loadEntity';
import { parseQuery, queryInteger } from '../platform/parseQuery';
import { INCIDENT_STATUSES } from './incidentValues';
import type { OnCallService } from './OnCallService';

const incidentsQuery = z
  .object({
    status: z.enum(INCIDENT_STATUSES).optional(),
    limit: queryInteger(1, 100).default(25),
    offset: queryInteger(0, 999_999_999).default(0),
  })
  .strict();

/**
 * Who is on call now for an entity (live, cached, with the last read as fallback), drift, response times and
 * incidents; and a manager's view of every service a team owns.
 */
export function onCallRoutes(deps: { httpAuth: HttpAuthService; catalog: CatalogService; onCall: OnCallService }) {
  const router = Router();

  router.get('/entities/:kind/:namespace/:name/oncall', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const entity = await loadEntity(deps.catalog, req.params, credentials);
    res.json(await deps.onCall.entityOnCall(entity, credentials));
  });

  router.get('/entities/:kind/:namespace/:name/incidents', async (req, res) => {
    const query = parseQuery(incidentsQuery, req.query);
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const entity = await loadEntity(deps.catalog, req.params, credentials);
    res.json(await deps.onCall.incidents(stringifyEntityRef(entity), query));
  });

  router.get('/groups/:namespace/:name/oncall', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const group = await loadEntity(deps.catalog, { kind: 'group', namespace: req.params.namespace, name: req.params.name }, credentials);
    res.json(await deps.onCall.teamOnCall(group, credentials));
  });
  return router;
}
