import type { HttpAuthService, PermissionsService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import Router from 'express-promise-router';
import { loadEntity } from '../platform/catalog/loadEntity';
import { costReadableRefs } from '../platform/permissions';
import type { CampaignsService } from '../campaigns/CampaignsService';
import type { ScorecardsService } from './ScorecardsService';

/**
 * A team's portfolio for its Group page: every component it and its sub-teams own, with its readiness level,
 * who is on call now, its last deploy and this month's cost when the caller may read cost, and the running
 * campaigns its services are part of.
 */
export function portfolioRoutes(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  scorecards: ScorecardsService;
  campaigns: CampaignsService;
}) {
  const router = Router();
  router.get('/groups/:namespace/:name/portfolio', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const group = await loadEntity(deps.catalog, { kind: 'group', namespace: req.params.namespace, name: req.params.name }, credentials);
    const portfolio = await deps.scorecards.teamPortfolio(group, { credentials, costReadable: refs => costReadableRefs(deps.permissions, credentials, refs) });
    res.json({ ...portfolio, campaigns: await deps.campaigns.covering(portfolio.services.map(s => s.entityRef)) });
  });
  return router;
}
