import { InputError } from '@backstage/errors';
import {
  addDays,
  addMoney,
  addMonths,
  dayOf,
  daysBetween,
  eachDay,
  largestAmount,
  monthOf,
  monthStart,
  refKey,
  roundMoney,
  type CostFacts,
  type CostFigures,
  type CostOverviewResponse,
  type EntityCostResponse,
  type Money,
} from '@opsfolio/backstage-plugin-common';
import { tagValuesOf, type CostIndex } from './costIndex';
import type { CostIndexLoader } from './costIndexLoader';
import type { CostGranularity, CostGroupBy, CostService } from './CostService';
import type { CostStore } from './CostStore';
import { costFacts, organisationSpend } from './facts';
import { emptyFigures, figuresByTag, roundedFigures, sumFigures } from './figures';
import type { DataGenerations } from '../platform/dataGenerations';
import { OrgCostFigures } from './orgFigures';
import { rollUpCost } from './rollup';

/** The longest range of days one request may ask for; months may span three years. */
const MAX_DAYS = 400;

const sorted = <K extends string>(totals: Map<string, Money>, key: K) =>
  [...totals]
    .map(([name, amounts]) => ({ [key]: name, amounts: roundMoney(amounts) }) as { [P in K]: string } & { amounts: Money })
    .sort((a, b) => largestAmount(b.amounts) - largestAmount(a.amounts));

const entry = <V>(map: Map<string, V>, key: string, empty: () => V): V => map.get(key) ?? map.set(key, empty()).get(key)!;

/** {@link CostService} over the cost store and the cost index of the shared catalog snapshot. */
export class DefaultCostService implements CostService {
  private readonly org: OrgCostFigures;

  constructor(private readonly deps: { store: CostStore; index: CostIndexLoader; generations: DataGenerations; now?: () => Date }) {
    this.org = new OrgCostFigures(deps.store, () => deps.generations.current('cost'));
  }

  private today() {
    return dayOf(this.deps.now?.() ?? new Date());
  }

  async entityCost(entityRef: string, query: { from?: string; to?: string; granularity: CostGranularity }): Promise<EntityCostResponse> {
    const { store } = this.deps;
    const now = this.today();
    const monthly = query.granularity === 'month';
    const to = query.to ?? (monthly ? addMonths(now, 1) : addDays(now, 1));
    const from = query.from ?? (monthly ? addMonths(now, -5) : addDays(to, -30));
    if (from >= to) throw new InputError(`from (${from}) must be before to (${to}); to is exclusive`);
    if (daysBetween(from, to) > (monthly ? 3 * 366 : MAX_DAYS)) {
      throw new InputError(`at most ${monthly ? '3 years' : `${MAX_DAYS} days`} at a time with granularity=${query.granularity}`);
    }

    const index = await this.deps.index.get();
    const tags = tagValuesOf(index, entityRef);
    const tagValues = tags.map(t => t.tag.value);
    const entityOf = new Map(tags.map(t => [t.tag.value, t.entityRef]));
    // Independent reads side by side; the figures come from the organisation's shared, cached figures per tag value.
    const [rows, byTag, monthBeforeLastRows, covered] = await Promise.all([
      tagValues.length ? store.daily(tagValues, { from, to }, { byCloudService: true }) : [],
      this.org.get(now),
      tagValues.length ? store.monthlyByTag([monthOf(addMonths(now, -2))], tagValues) : [],
      store.coveredDays(),
    ]);
    const periodOf = (d: string) => (monthly ? monthOf(d) : d);
    const periods = new Map<string, { amounts: Money; estimated: boolean }>();
    for (const d of eachDay(from, to)) entry(periods, periodOf(d), () => ({ amounts: {}, estimated: false }));
    const byService = new Map<string, Money>();
    const byEntity = new Map<string, Money>();
    for (const row of rows) {
      const period = periods.get(periodOf(row.period))!;
      addMoney(period.amounts, row.currency, row.amount);
      // Estimated per source and tag value: another service's estimated day does not mark this one's.
      if (row.estimated) period.estimated = true;
      addMoney(entry(byService, row.cloudService!, () => ({})), row.currency, row.amount);
      addMoney(entry(byEntity, entityOf.get(row.tagValue)!, () => ({})), row.currency, row.amount);
    }

    const figures = this.figuresOf(index, byTag, entityRef);
    const organisation = organisationSpend(byTag, value => index.byTag.has(value));
    const monthBeforeLast: Money = {};
    for (const row of monthBeforeLastRows) addMoney(monthBeforeLast, row.currency, row.amount);
    return {
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
      notIncluded: { untagged: roundMoney(organisation.untagged), unmapped: roundMoney(organisation.unmapped) },
      lastDay: covered.lastDay,
      facts: costFacts({ figures, monthBeforeLast, organisation }),
    };
  }

  async overview(groupBy: CostGroupBy): Promise<CostOverviewResponse> {
    const now = this.today();
    const index = await this.deps.index.get();
    const rolled = rollUpCost(index, await this.org.get(now), groupBy);
    return {
      groupBy,
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
  }

  async monthToDate(entityRefs: string[]): Promise<Map<string, Money>> {
    const [index, byTag] = await Promise.all([this.deps.index.get(), this.org.get(this.today())]);
    return new Map(entityRefs.map(ref => [ref, roundMoney(this.figuresOf(index, byTag, ref).monthToDate)]));
  }

  async facts(entityRefs: string[], options: { asOf: Date; historical?: boolean }): Promise<Map<string, CostFacts> | undefined> {
    const { store } = this.deps;
    if (!(await store.coveredDays()).lastDay) return undefined;
    const today = dayOf(options.asOf);
    const index = await this.deps.index.get();
    // A past day's figures are its own: the shared cache holds today's.
    let byTag = options.historical ? await figuresByTag(store, today) : await this.org.get(today);
    if (options.historical) {
      // The monthly roll-up holds the whole month: as of a past day only the month's days so far count.
      const soFar = new Map<string, Money>();
      for (const row of await store.dailyByTag({ from: monthStart(today), to: addDays(today, 1) })) {
        addMoney(entry(soFar, row.tagValue, () => ({})), row.currency, row.amount);
      }
      byTag = new Map([...byTag].map(([tag, f]) => [tag, { ...f, monthToDate: soFar.get(tag) ?? {} }]));
      for (const [tag, monthToDate] of soFar) if (!byTag.has(tag)) byTag.set(tag, { ...emptyFigures(), monthToDate });
    }
    const before = new Map<string, Money>();
    for (const row of await store.monthlyByTag([monthOf(addMonths(today, -2))])) {
      addMoney(entry(before, row.tagValue, () => ({})), row.currency, row.amount);
    }
    const organisation = organisationSpend(byTag, value => index.byTag.has(value));
    const facts = new Map<string, CostFacts>();
    for (const entityRef of entityRefs) {
      const monthBeforeLast: Money = {};
      for (const { tag } of tagValuesOf(index, entityRef)) {
        for (const [currency, amount] of Object.entries(before.get(tag.value) ?? {})) addMoney(monthBeforeLast, currency, amount);
      }
      facts.set(entityRef, costFacts({ figures: this.figuresOf(index, byTag, entityRef), monthBeforeLast, organisation }));
    }
    return facts;
  }

  async describeStoredSpend(entityRef: string): Promise<string | undefined> {
    // Spend under the default tag (<tagKey>=<name>) sets the pillar up without an annotation.
    const tags = tagValuesOf(await this.deps.index.get(), entityRef);
    if (!(await this.deps.store.hasCost(tags.map(t => t.tag.value)))) return undefined;
    return `cost allocation tag ${tags.map(t => `${t.tag.key}=${t.tag.value}`).join(', ')}`;
  }

  private figuresOf(index: CostIndex, byTag: Map<string, CostFigures>, entityRef: string): CostFigures {
    return sumFigures(tagValuesOf(index, entityRef).map(t => byTag.get(t.tag.value) ?? emptyFigures()));
  }
}
