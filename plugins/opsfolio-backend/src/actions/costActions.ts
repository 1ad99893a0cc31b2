import type { PermissionsService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { addMonths, dayOf, monthOf } from '@opsfolio/backstage-plugin-common';
import type { CostService } from '../cost/CostService';
import { readableEntityCost } from '../cost/readableEntityCost';
import type { CatalogVisibility } from '../platform/catalog/CatalogVisibility';
import { costReadableEverywhere } from '../platform/permissions';
import { ENTITY_ERRORS, entityRefInput, money, READ_ONLY, readEntity, type Zod } from './shared';

export const COST_ACTION = 'get-entity-cost';

export const costOutput = (z: Zod) =>
  z.object({
    entityRef: z.string(),
    month: z.string().describe('The current month, `YYYY-MM` (UTC).'),
    lastDay: z
      .string()
      .optional()
      .describe('`YYYY-MM-DD`: the last day any cost source has data for; month to date runs to it.'),
    monthToDate: money(z).describe('Spend from the first of this month through `lastDay`, by currency.'),
    lastMonth: money(z).describe('Spend of the whole of last month, by currency.'),
    forecast: money(z).describe(
      'Where this month will end at the daily run rate of the last 7 known days, by currency; compare with `lastMonth`.'
    ),
    change: z.object({
      monthOverMonth: z
        .number()
        .nullable()
        .describe('Last month against the month before, as a ratio: 0.15 = 15% more.'),
      forecastVsLastMonth: z.number().nullable().describe('The forecast against last month, as a ratio.'),
    }),
    byCloudService: z
      .array(z.object({ cloudService: z.string(), amounts: money(z) }))
      .describe('This month so far by cloud service (e.g. `Amazon RDS`), largest first.'),
    byEntity: z
      .array(z.object({ entityRef: z.string(), amounts: money(z) }))
      .optional()
      .describe('For a team, system or domain: this month so far per entity it holds that the caller may read.'),
    tags: z
      .array(z.object({ key: z.string(), value: z.string(), entityRef: z.string() }))
      .describe('The cost allocation tags whose spend is counted, and the entity each belongs to.'),
    tagProblem: z.string().optional().describe("Why the entity's cost tag annotation is not used."),
    notIncluded: z
      .object({ untagged: money(z), unmapped: money(z) })
      .describe(
        "This month's organisation-wide spend no entity carries (untagged, or tagged with values matching no entity); " +
          'empty unless the caller may read all cost.'
      ),
  });

/** An entity's cost this month and its forecast: the cost card's answer, under `opsfolio.cost.read`. */
export function registerCostAction(
  registry: ActionsRegistryService,
  deps: { catalog: CatalogService; permissions: PermissionsService; visibility: CatalogVisibility; cost: CostService }
): void {
  registry.register({
    name: COST_ACTION,
    title: "An entity's cloud cost this month and forecast",
    description: [
      'Answers what a Backstage catalog entity costs in the cloud: spend this month so far, last month, and the',
      'month-end forecast, as amounts per currency (e.g. {"USD": 1234.56}; currencies are never converted), with the',
      'change against last month, this month by cloud service and, for a team (with its sub-teams), system or domain,',
      'per entity it holds. Spend comes from AWS Cost Explorer and FOCUS exports, matched to the entity by its cost',
      'allocation tag. Needs the `opsfolio.cost.read` permission on the entity: without it the call fails with',
      `NotAllowedError (never an empty answer). ${ENTITY_ERRORS}`,
    ].join(' '),
    attributes: READ_ONLY,
    schema: {
      input: z => z.object({ entityRef: entityRefInput(z) }),
      output: costOutput,
    },
    action: async ({ input, credentials }) => {
      // As on the route: the catalog read and the policy's outright answer are independent.
      const [entity, everywhere] = await Promise.all([
        readEntity(deps.catalog, input.entityRef, credentials),
        costReadableEverywhere(deps.permissions, credentials),
      ]);
      const today = dayOf(new Date());
      // This month, one period: by cloud service and by entity over the month so far.
      const body = await readableEntityCost(
        deps,
        credentials,
        stringifyEntityRef(entity),
        { from: addMonths(today, 0), to: addMonths(today, 1), granularity: 'month' },
        everywhere
      );
      return {
        output: {
          entityRef: body.entityRef,
          month: monthOf(today),
          lastDay: body.lastDay,
          monthToDate: body.figures.monthToDate,
          lastMonth: body.figures.lastMonth,
          forecast: body.figures.forecast,
          change: { monthOverMonth: body.facts.monthOverMonth, forecastVsLastMonth: body.facts.forecastVsLastMonth },
          byCloudService: body.byCloudService,
          byEntity: body.byEntity,
          tags: body.tags.map(t => ({ key: t.key, value: t.value, entityRef: t.entityRef })),
          tagProblem: body.tagProblem,
          notIncluded: body.notIncluded,
        },
      };
    },
  });
}
