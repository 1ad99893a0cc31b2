import type { HttpAuthService, PermissionsService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { addDays, addMoney, addMonths, type CostOverviewResponse, dayOf, daysBetween, eachDay, type EntityCostResponse, isDay, largestAmount, type Money, monthOf, opsfolioCostReadPermission, refKey, roundMoney } from '@opsfolio/backstage-plugin-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { loadEntity } from '../platform/catalog/loadEntity';
import { requirePermission } from '../platform/permissions';
import { tagValuesOf } from './costIndex';
import type { CostIndexLoader } from './costIndexLoader';
import { overviewCsv } from './csv';
import { costFacts } from './facts';
import { figuresByTag, roundedFigures, sumFigures } from './figures';
import { OrgCostFigures } from './orgFigures';
import { rollUpCost } from './rollup';
import type { CostStore } from './store';
import { parseQuery } from '../platform/parseQuery';

const day = z.string().refine(isDay, 'must be a day, YYYY-MM-DD');
const entityQuery = z
  .object({ from: day.optional(), to: day.optional(), granularity: z.enum(['day', 'month']).default('day') })
  .strict();
const overviewQuery = z
  .object({ groupBy: z.enum(['owner', 'system', 'domain']).default('owner'), format: z.enum(['json', 'csv']).default('json') })
  .strict();

const MAX_DAYS = 400;

const parse = parseQuery;

const sorted = <K extends string>(totals: Map<string, Money>, key: K) =>
  [...totals].map(([name, amounts]) => ({ [key]: name, amounts: roundMoney(amounts) }) as { [P in K]: string } & { amounts: Money })
    .sort((a, b) => largestAmount(b.amounts) - largestAmount(a.amounts));

/** Cost of an entity (a service, or a team, system or domain over what it holds) and the overview by owner. */
export function costRoutes(deps: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  store: CostStore;
  index: CostIndexLoader;
  now?: () => Date;
}) {
  const router = Router();
  const today = () => dayOf(deps.now?.() ?? new Date());
  const org = new OrgCostFigures(deps.store);

  router.get('/entities/:kind/:namespace/:name/cost', async (req, res) => {
    const query = parse(entityQuery, req.query);
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    await requirePermission(deps.permissions, credentials, opsfolioCostReadPermission);
    const entity = await loadEntity(deps.catalog, req.params, credentials);
    const entityRef = stringifyEntityRef(entity);
    const now = today();
    const monthly = query.granularity === 'month';
    const to = query.to ?? (monthly ? addMonths(now, 1) : addDays(now, 1));
    const from = query.from ?? (monthly ? addMonths(now, -5) : addDays(to, -30));
    if (from >= to) throw new InputError(`from (${from}) must be before to (${to}); to is exclusive`);
    if (daysBetween(from, to) > (monthly ? 3 * 366 : MAX_DAYS)) {
      throw new InputError(`at most ${monthly ? '3 years' : `${MAX_DAYS} days`} at a time with granularity=${query.granularity}`);
    }

    const index = await deps.index.get();
    const tags = tagValuesOf(index, entityRef);
    const tagValues = tags.map(t => t.tag.value);
    const entityOf = new Map(tags.map(t => [t.tag.value, t.entityRef]));
    const rows = tagValues.length ? await deps.store.daily(tagValues, { from, to }, true) : [];
    const estimated = await deps.store.estimatedDays({ from, to });
    const periodOf = (d: string) => (monthly ? monthOf(d) : d);
    const periods = new Map<string, { amounts: Money; estimated: boolean }>();
    for (const d of eachDay(from, to)) {
      const p = periods.get(periodOf(d)) ?? periods.set(periodOf(d), { amounts: {}, estimated: false }).get(periodOf(d))!;
      if (estimated.has(d)) p.estimated = true;
    }
    const byService = new Map<string, Money>();
    const byEntity = new Map<string, Money>();
    for (const row of rows) {
      addMoney(periods.get(periodOf(row.period))!.amounts, row.currency, row.amount);
      addMoney(byService.get(row.cloudService!) ?? byService.set(row.cloudService!, {}).get(row.cloudService!)!, row.currency, row.amount);
      const owner = entityOf.get(row.tagValue)!;
      addMoney(byEntity.get(owner) ?? byEntity.set(owner, {}).get(owner)!, row.currency, row.amount);
    }

    const figures = tagValues.length ? sumFigures((await figuresByTag(deps.store, now, tagValues)).values()) : sumFigures([]);
    const untagged: Money = {};
    const unmapped: Money = {};
    const total: Money = {};
    for (const [tagValue, f] of await org.get(now)) {
      for (const [currency, amount] of Object.entries(f.monthToDate)) {
        addMoney(total, currency, amount);
        if (tagValue === '') addMoney(untagged, currency, amount);
        else if (!index.byTag.has(tagValue)) addMoney(unmapped, currency, amount);
      }
    }
    const monthBeforeLast: Money = {};
    if (tagValues.length) {
      for (const row of await deps.store.monthlyByTag([monthOf(addMonths(now, -2))], tagValues)) addMoney(monthBeforeLast, row.currency, row.amount);
    }
    const body: EntityCostResponse = {
      entityRef,
      tags: tags.map(t => ({ ...t.tag, entityRef: t.entityRef })),
      tagProblem: index.entities.get(refKey(entityRef))?.tagProblem,
      granularity: query.granularity,
      from,
      to,
      series: [...periods].map(([period, p]) => ({ period, amounts: roundMoney(p.amounts), estimated: p.estimated })),
      byCloudService: sorted(byService, 'cloudService'),
      byEntity: tags.length > 1 ? sorted(byEntity, 'entityRef') : undefined,
      figures: roundedFigures(figures),
      notIncluded: { untagged: roundMoney(untagged), unmapped: roundMoney(unmapped) },
      lastDay: (await deps.store.coveredDays()).lastDay,
      facts: costFacts({ figures, monthBeforeLast, organisation: { total, untagged, unmapped } }),
    };
    res.json(body);
  });

  router.get('/overview/cost', async (req, res) => {
    const query = parse(overviewQuery, req.query);
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    await requirePermission(deps.permissions, credentials, opsfolioCostReadPermission);
    const now = today();
    const index = await deps.index.get();
    const rolled = rollUpCost(index, await org.get(now), query.groupBy);
    const body: CostOverviewResponse = {
      groupBy: query.groupBy,
      month: monthOf(now),
      asOf: addDays(now, 1),
      tagKey: index.tagKey,
      rows: rolled.rows.map(r => ({ ...r, direct: roundedFigures(r.direct), total: roundedFigures(r.total) })),
      untagged: roundedFigures(rolled.untagged),
      unmapped: {
        figures: roundedFigures(rolled.unmapped.figures),
        values: rolled.unmapped.values.map(v => ({ ...v, monthToDate: roundMoney(v.monthToDate), lastMonth: roundMoney(v.lastMonth) })),
      },
      organisation: roundedFigures(rolled.organisation),
    };
    if (query.format === 'csv') {
      res.type('text/csv').attachment(`opsfolio-cost-by-${query.groupBy}-${body.month}.csv`).send(overviewCsv(body));
      return;
    }
    res.json(body);
  });
  return router;
}
