import type {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  opsfolioCampaignsManagePermission,
  type CampaignsResponse,
  type EntityCampaignsResponse,
} from '@opsfolio/backstage-plugin-common';
import type { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { audited } from '../platform/audit';
import type { CatalogVisibility } from '../platform/catalog/CatalogVisibility';
import { loadEntity } from '../platform/catalog/loadEntity';
import { parseQuery, queryText } from '../platform/parseQuery';
import { requirePermission } from '../platform/permissions';
import { readJsonBody } from '../platform/push/jsonBody';
import type { CampaignsService } from './CampaignsService';
import type { CampaignAction } from './state';

const STATES = ['draft', 'scheduled', 'active', 'overdue', 'ended', 'archived'] as const;
const listQuery = z.object({ state: z.enum(STATES).optional(), owner: queryText.optional() }).strict();
const progressQuery = z.object({ format: z.enum(['json', 'csv']).default('json') }).strict();
const ACTIONS: CampaignAction[] = ['publish', 'end', 'archive'];
const promotionQuery = z.object({ level: queryText.optional() }).strict();

/** Who made a change, as the store records it: the user's ref, or the calling service's subject. */
const actorOf = (credentials: BackstageCredentials) =>
  (credentials.principal as { userEntityRef?: string; subject?: string }).userEntityRef ??
  (credentials.principal as { subject?: string }).subject;

/** Campaigns: everyone reads them (over what they may read in the catalog); writes need `opsfolio.campaigns.manage` and are audited. */
export function campaignRoutes(deps: {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  permissions: PermissionsService;
  catalog: CatalogService;
  visibility: CatalogVisibility;
  campaigns: CampaignsService;
}) {
  const router = Router();

  // Authorised before the body is read: a caller without the permission learns nothing about the body's rules.
  const manager = async (req: Request) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    await requirePermission(deps.permissions, credentials, opsfolioCampaignsManagePermission);
    return { by: actorOf(credentials), readable: await deps.visibility.readableBy(credentials) };
  };

  router.get('/campaigns', async (req, res) => {
    const q = parseQuery(listQuery, req.query);
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const body: CampaignsResponse = {
      campaigns: await deps.campaigns.list({ ...q, readable: await deps.visibility.readableBy(credentials) }),
    };
    res.json(body);
  });

  router.post('/campaigns', async (req, res) => {
    const { by, readable } = await manager(req);
    const body = await readJsonBody(req, res);
    const id = (body as { id?: unknown } | null)?.id;
    const created = await audited(
      deps.auditor,
      {
        eventId: 'campaign-create',
        severityLevel: 'medium',
        request: req,
        meta: { campaignId: typeof id === 'string' ? id : null },
      },
      () => deps.campaigns.create(body, by, readable),
      s => ({ state: s.campaign.state })
    );
    res.status(201).json(created);
  });

  router.get('/campaigns/:campaignId', async (req, res) => {
    const { format } = parseQuery(progressQuery, req.query);
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const readable = await deps.visibility.readableBy(credentials);
    if (format === 'csv') {
      const text = await deps.campaigns.csv(req.params.campaignId, readable);
      res.type('text/csv').attachment(`opsfolio-campaign-${req.params.campaignId}.csv`).send(text);
      return;
    }
    res.json(await deps.campaigns.progress(req.params.campaignId, readable));
  });

  // A read, but of what only managers act on: the scorecard's definition and where it lives.
  router.get('/campaigns/:campaignId/promotion', async (req, res) => {
    await manager(req);
    const { level } = parseQuery(promotionQuery, req.query);
    res.json(await deps.campaigns.promotion(req.params.campaignId, level));
  });

  router.put('/campaigns/:campaignId', async (req, res) => {
    const { by, readable } = await manager(req);
    const body = await readJsonBody(req, res);
    const updated = await audited(
      deps.auditor,
      {
        eventId: 'campaign-update',
        severityLevel: 'medium',
        request: req,
        meta: { campaignId: req.params.campaignId },
      },
      () => deps.campaigns.update(req.params.campaignId, body, by, readable),
      s => ({ state: s.campaign.state })
    );
    res.json(updated);
  });

  for (const action of ACTIONS) {
    router.post(`/campaigns/:campaignId/${action}`, async (req, res) => {
      const { by, readable } = await manager(req);
      const changed = await audited(
        deps.auditor,
        {
          eventId: 'campaign-state',
          severityLevel: 'medium',
          request: req,
          meta: { campaignId: req.params.campaignId, action },
        },
        () => deps.campaigns.act(req.params.campaignId, action, by, readable),
        s => ({ state: s.campaign.state })
      );
      res.json(changed);
    });
  }

  router.get('/entities/:kind/:namespace/:name/campaigns', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const entity = await loadEntity(
      deps.catalog,
      { kind: req.params.kind, namespace: req.params.namespace, name: req.params.name },
      credentials
    );
    const entityRef = stringifyEntityRef(entity);
    const body: EntityCampaignsResponse = { entityRef, campaigns: await deps.campaigns.forEntity(entityRef) };
    res.json(body);
  });
  return router;
}
