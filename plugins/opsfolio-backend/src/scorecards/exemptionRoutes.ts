import type { HttpAuthService, PermissionsService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { dayOf, daysBetween, type ExemptionRow, type ExemptionsOverviewResponse, opsfolioExemptionsReadPermission } from '@opsfolio/backstage-plugin-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { csvField } from '../platform/csv';
import { requirePermission } from '../platform/permissions';
import type { ScorecardEvaluator } from './evaluator';
import { refOf } from './overview';
import type { OverviewDataLoader } from './overviewData';
import { parseQuery } from '../platform/parseQuery';

const query = z
  .object({
    scorecard: z.string().trim().min(1).optional(),
    owner: z.string().trim().min(1).optional(),
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
export function exemptionRoutes(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  evaluator: ScorecardEvaluator;
  overview: OverviewDataLoader;
}) {
  const router = Router();
  router.get('/overview/exemptions', async (req, res) => {
    const q = parseQuery(query, req.query);
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    await requirePermission(deps.permissions, credentials, opsfolioExemptionsReadPermission);
    if (q.scorecard && !deps.evaluator.compiled.some(c => c.scorecard.id === q.scorecard)) {
      throw new NotFoundError(`No scorecard '${q.scorecard}'; configured: ${deps.evaluator.scorecards.map(s => s.id).join(', ')}`);
    }
    const owner = q.owner ? refOf(q.owner, 'group') : undefined;
    const today = dayOf(new Date());
    const rows: ExemptionRow[] = [];
    for (const compiled of deps.evaluator.compiled.filter(c => !q.scorecard || c.scorecard.id === q.scorecard)) {
      const titles = new Map(compiled.scorecard.checks.map(c => [c.id, c.title]));
      for (const e of (await deps.overview.get(compiled.scorecard)).evaluations) {
        if (owner && e.info.ownerRef !== owner) continue;
        for (const r of e.results) {
          if (!r.exemption) continue;
          // Judged today, not at the last evaluation: an exemption ending yesterday is expired now.
          const exemption = { ...r.exemption, expired: r.exemption.until < today };
          if (q.status && (q.status === 'expired') !== exemption.expired) continue;
          rows.push({
            entityRef: e.entityRef,
            title: e.info.title,
            ownerRef: e.info.ownerRef,
            scorecardId: compiled.scorecard.id,
            checkId: r.checkId,
            checkTitle: titles.get(r.checkId) ?? r.checkId,
            exemption,
            daysLeft: daysBetween(today, exemption.until),
          });
        }
      }
    }
    rows.sort((a, b) => a.daysLeft - b.daysLeft || a.entityRef.localeCompare(b.entityRef));
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
