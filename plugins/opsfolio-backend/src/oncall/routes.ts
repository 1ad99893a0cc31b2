import type { CacheService, HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ServiceUnavailableError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { OnCallSource } from '@opsfolio/backstage-plugin-node';
import Router from 'express-promise-router';
import { z } from 'zod';
import { loadEntity } from '../platform/catalog/loadEntity';
import { ownerMembers } from '../platform/catalog/ownerMembers';
import { describeAnswer } from './describeAnswer';
import { onCallDrift, rotaOf } from './drift';
import { INCIDENT_STATUSES } from './incidentValues';
import { LIVE_READ_TIMEOUT_MS, readEntityOnCallLive } from './liveOnCall';
import { responseTimes } from './responseTimes';
import type { OnCallStore } from './store';
import { parseQuery } from '../platform/parseQuery';
import { DAY_MS } from '@opsfolio/backstage-plugin-common';

const incidentsQuery = z
  .object({
    status: z.enum(INCIDENT_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();


/** What the on-call routes (entity and team) need. */
export interface OnCallRouteDeps {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  cache: CacheService;
  logger: LoggerService;
  store: OnCallStore;
  sources: OnCallSource[];
  cacheTtlMs: number;
  now?: () => Date;
}

/** Who is on call now (live, cached, with the last read as fallback), drift, response times and incidents. */
export function onCallRoutes(deps: OnCallRouteDeps) {
  const router = Router();
  const now = deps.now ?? (() => new Date());

  router.get('/entities/:kind/:namespace/:name/oncall', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const entity = await loadEntity(deps.catalog, req.params, credentials);
    const entityRef = stringifyEntityRef(entity);
    const annotations = entity.metadata.annotations ?? {};
    const answers = await readEntityOnCallLive(
      { ...deps, ttlMs: deps.cacheTtlMs, timeoutMs: LIVE_READ_TIMEOUT_MS },
      { entityRef, annotations },
    );
    if (answers.length > 0 && answers.every(a => a.error && !a.onCall)) {
      throw new ServiceUnavailableError(`On-call vendors unavailable and nothing stored yet: ${answers.map(a => a.error).join('; ')}`);
    }
    const owner = await ownerMembers(deps.catalog, entity, credentials);
    const rota = rotaOf(answers.flatMap(a => (a.onCall ? [a.onCall] : [])));
    const at = now();
    const incidents = await deps.store.forResponseTimes(entityRef, new Date(at.getTime() - 90 * DAY_MS));
    res.json({
      entityRef,
      sources: answers.map(describeAnswer),
      drift:
        owner.ownerRef && rota.length > 0
          ? { ...onCallDrift({ rota, ownerMembers: owner.members, ownerRef: owner.ownerRef }), ownerFound: owner.ownerFound }
          : undefined,
      responseTimes: {
        days30: responseTimes(incidents, { from: new Date(at.getTime() - 30 * DAY_MS), to: at }),
        days90: responseTimes(incidents, { from: new Date(at.getTime() - 90 * DAY_MS), to: at }),
      },
    });
  });

  router.get('/entities/:kind/:namespace/:name/incidents', async (req, res) => {
    const query = parseQuery(incidentsQuery, req.query);
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const entity = await loadEntity(deps.catalog, req.params, credentials);
    const page = await deps.store.listIncidents(stringifyEntityRef(entity), query);
    res.json({ ...page, limit: query.limit, offset: query.offset });
  });
  return router;
}
