import type { HttpAuthService, PermissionsService } from '@backstage/backend-plugin-api';
import { type ExemptionRow, type ExemptionsOverviewResponse, opsfolioExemptionsReadPermission } from '@opsfolio/backstage-plugin-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { csvField } from '../platform/csv';
import { requirePermission } from '../platform/permissions';
import type { ScorecardsService } from './ScorecardsService';
import type { CatalogVisibility } from '../platform/catalog/CatalogVisibility';
import { parseQuery, queryText } from '../platform/parseQuery';

const query = z
  .object({
    scorecard: queryText.optional(),
    owner: queryText.optional(),
    status: z.enum(['active', 'expired']).optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();

function exemptionsCsv(rows: ExemptionRow[]): string {
  const lines = [['entity', 'owner', 'scorecard', 'check', 'reason', 'until', 'approved by', 'expired', 'days left'].join(',')];
  for (const r of rows) {
    const text = [r.entityRef, r.ownerRef, r.scorecardId, r.checkTitle, r.exemption.reason, r.exemption.until, r.exemption.approvedBy].map(v => csvField(v, true));
    lines.push([...text, csvField(String(r.exemption.expired), true), csvField(r.daysLeft, false)].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Exemption debt across the catalog: every exemption the last evaluation met, soonest to expire first. */
export function exemptionRoutes(deps: { httpAuth: HttpAuthService; permissions: PermissionsService; visibility: CatalogVisibility; scorecards: ScorecardsService }) {
  const router = Router();
  router.get('/overview/exemptions', async (req, res) => {
    const q = parseQuery(query, req.query);
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    await requirePermission(deps.permissions, credentials, opsfolioExemptionsReadPermission);
    const rows = await deps.scorecards.exemptions({ scorecardId: q.scorecard, owner: q.owner, status: q.status, readable: await deps.visibility.readableBy(credentials) });
    if (q.format === 'csv') {
      res.type('text/csv').attachment('opsfolio-exemptions.csv').send(exemptionsCsv(rows));
      return;
    }
    const body: ExemptionsOverviewResponse = {
      exemptions: rows,
      counts: {
        active: rows.filter(r => !r.exemption.expired).length,
        expired: rows.filter(r => r.exemption.expired).length,
        expiringIn30Days: rows.filter(r => !r.exemption.expired && r.daysLeft <= 30).length,
      },
    };
    res.json(body);
  });
  return router;
}
