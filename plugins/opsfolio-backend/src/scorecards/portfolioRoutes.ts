import type { HttpAuthService, PermissionsService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { entityRefKey, isKind, opsfolioCostReadPermission, type PortfolioService, type TeamPortfolioResponse } from '@opsfolio/backstage-plugin-common';
import Router from 'express-promise-router';
import type { CostService } from '../cost/CostService';
import type { DeploymentsService } from '../deployments/DeploymentsService';
import type { OnCallService } from '../oncall/OnCallService';
import { loadEntity } from '../platform/catalog/loadEntity';
import { groupAndDescendants, ownedBy } from '../platform/catalog/teamEntities';
import type { ScorecardEvaluator } from './evaluator';
import type { ScorecardStore } from './store';

/**
 * A team's portfolio for its Group page: every component it and its sub-teams own, with its readiness level,
 * who is on call now (from the last stored read: a page of 30 services must not fan out to the vendors),
 * its last deploy and this month's cost when the caller may read cost.
 */
export function portfolioRoutes(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  evaluator: ScorecardEvaluator;
  scorecards: ScorecardStore;
  onCall: OnCallService;
  deployments: DeploymentsService;
  cost: CostService;
}) {
  const router = Router();
  router.get('/groups/:namespace/:name/portfolio', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    const group = await loadEntity(deps.catalog, { kind: 'group', namespace: req.params.namespace, name: req.params.name }, credentials);
    const groupRefs = await groupAndDescendants(deps.catalog, group, credentials);
    const owned = (await ownedBy(deps.catalog, groupRefs, credentials)).filter(o => isKind(o.entity.kind, 'component'));
    owned.sort((a, b) => a.entity.metadata.name.localeCompare(b.entity.metadata.name));
    const [decision] = await deps.permissions.authorize([{ permission: opsfolioCostReadPermission }], { credentials });
    const costVisible = decision.result === AuthorizeResult.ALLOW;
    const snapshots = await deps.onCall.allLastReads();
    const costThisMonth = costVisible ? await deps.cost.monthToDate(owned.map(o => entityRefKey(o.entity))) : undefined;
    const now = Date.now();
    const services: PortfolioService[] = [];
    for (const { entity, ownerRef } of owned) {
      const entityRef = entityRefKey(entity);
      let level: PortfolioService['level'] = null;
      let scorecardId: string | undefined;
      for (const c of deps.evaluator.compiled) {
        const stored = await deps.scorecards.entity(c.scorecard.id, entityRef);
        if (!stored) continue;
        scorecardId = c.scorecard.id;
        level = c.scorecard.levels.find(l => l.id === stored.level) ?? null;
        break;
      }
      const onCallNow = (snapshots.get(entityRef) ?? []).flatMap(read =>
        read.shifts
          .filter(s => s.level === 1 && (!s.start || Date.parse(s.start) <= now) && (!s.end || now < Date.parse(s.end)))
          .map(s => ({ name: s.person.name, email: s.person.email, source: read.source })),
      );
      const last = await deps.deployments.last(entityRef);
      services.push({
        entityRef,
        title: entity.metadata.title,
        ownerRef,
        level,
        scorecardId,
        onCallNow,
        lastDeploy: last ? { at: last.finishedAt ?? last.startedAt, environment: last.environment, version: last.version, status: last.status } : undefined,
        costThisMonth: costThisMonth?.get(entityRef),
      });
    }
    const body: TeamPortfolioResponse = { groupRef: stringifyEntityRef(group), services, costVisible };
    res.json(body);
  });
  return router;
}
