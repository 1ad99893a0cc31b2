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
  type CostTag,
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

/** Figures of tags by an entity's own key, by `<key>\u0000<value>`. */
type OwnFigures = Map<string, CostFigures>;
const ownId = (tag: Pick<CostTag, 'key' | 'value'>) => `${tag.key}\u0000${tag.value}`;

/** Tags grouped by key: the organisation's allocation key's values, and each own key's. */
function byKey(tags: Array<Pick<CostTag, 'key' | 'value'>>, allocationKey: string) {
  const primary: string[] = [];
  const own = new Map<string, string[]>();
  for (const tag of tags) {
    if (tag.key === allocationKey) primary.push(tag.value);
    else entry(own, tag.key, () => []).push(tag.value);
  }
  return { primary, own };
}

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
    const keys = byKey(tags.map(t => t.tag), index.tagKey);
    const entityOf = new Map(tags.map(t => [ownId(t.tag), t.entityRef]));
    const monthBefore = [monthOf(addMonths(now, -2))];
    // Each key's reads: the organisation's allocation key, and an entity's own key (usually one of the two).
    const perKey = <T>(read: (values: string[], tagKey?: string) => Promise<T[]>) =>
      Promise.all([
        keys.primary.length ? read(keys.primary) : [],
        ...[...keys.own].map(([key, values]) => read(values, key).then(rows => rows.map(row => ({ ...row, tagKey: key })))),
      ]).then(all => all.flat() as Array<T & { tagKey?: string }>);
    // Independent reads side by side; the figures come from the organisation's shared, cached figures per tag value.
    const [rows, byTag, own, monthBeforeLastRows, covered] = await Promise.all([
      perKey((values, tagKey) => store.daily(values, { from, to }, { byCloudService: true, tagKey })),
      this.org.get(now),
      this.ownFigures(now, keys.own),
      perKey((values, tagKey) => store.monthlyByTag(monthBefore, values, { tagKey })),
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
      addMoney(entry(byEntity, entityOf.get(ownId({ key: row.tagKey ?? index.tagKey, value: row.tagValue }))!, () => ({})), row.currency, row.amount);
    }

    const figures = this.figuresOf(index, byTag, entityRef, own);
    const organisation = organisationSpend(byTag, value => index.byTag.has(value));
    const monthBeforeLast: Money = {};
    for (const row of monthBeforeLastRows) addMoney(monthBeforeLast, row.currency, row.amount);
    return {
      entityRef,
      tags: tags.map(t => ({ ...t.tag, entityRef: t.entityRef })),
      allocationKey: index.tagKey,
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
    const today = this.today();
    const [index, byTag] = await Promise.all([this.deps.index.get(), this.org.get(today)]);
    const own = await this.ownFigures(today, this.ownKeysOf(index, entityRefs));
    return new Map(entityRefs.map(ref => [ref, roundMoney(this.figuresOf(index, byTag, ref, own).monthToDate)]));
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
    const monthBefore = [monthOf(addMonths(today, -2))];
    for (const row of await store.monthlyByTag(monthBefore)) {
      addMoney(entry(before, ownId({ key: index.tagKey, value: row.tagValue }), () => ({})), row.currency, row.amount);
    }
    // Entities read by their own tag key: their figures, as of that day, and their month before last.
    const ownKeys = this.ownKeysOf(index, entityRefs);
    const own = await this.ownFigures(today, ownKeys, options.historical);
    for (const [key, values] of ownKeys) {
      for (const row of await store.monthlyByTag(monthBefore, values, { tagKey: key })) {
        addMoney(entry(before, ownId({ key, value: row.tagValue }), () => ({})), row.currency, row.amount);
      }
    }
    const organisation = organisationSpend(byTag, value => index.byTag.has(value));
    const facts = new Map<string, CostFacts>();
    for (const entityRef of entityRefs) {
      const monthBeforeLast: Money = {};
      for (const { tag } of tagValuesOf(index, entityRef)) {
        for (const [currency, amount] of Object.entries(before.get(ownId(tag)) ?? {})) addMoney(monthBeforeLast, currency, amount);
      }
      facts.set(entityRef, costFacts({ figures: this.figuresOf(index, byTag, entityRef, own), monthBeforeLast, organisation }));
    }
    return facts;
  }

  async describeStoredSpend(entityRef: string): Promise<string | undefined> {
    // Spend under the default tag (<tagKey>=<name>) sets the pillar up without an annotation.
    const index = await this.deps.index.get();
    const tags = tagValuesOf(index, entityRef);
    const keys = byKey(tags.map(t => t.tag), index.tagKey);
    const found = await Promise.all([
      this.deps.store.hasCost(keys.primary),
      ...[...keys.own].map(([key, values]) => this.deps.store.hasCost(values, key)),
    ]);
    if (!found.some(Boolean)) return undefined;
    return `cost allocation tag ${tags.map(t => `${t.tag.key}=${t.tag.value}`).join(', ')}`;
  }

  /** The own-key tags of these entities, grouped by key. */
  private ownKeysOf(index: CostIndex, entityRefs: string[]): Map<string, string[]> {
    return byKey(entityRefs.flatMap(ref => tagValuesOf(index, ref).map(t => t.tag)), index.tagKey).own;
  }

  /**
   * Figures of tags read by entities' own keys: one read per key, not shared through the organisation's
   * cache (few entities name another key). `historical`: month to date counts the month's days up to today only.
   */
  private async ownFigures(today: string, own: Map<string, string[]>, historical = false): Promise<OwnFigures> {
    const figures: OwnFigures = new Map();
    for (const [key, values] of own) {
      const byValue = await figuresByTag(this.deps.store, today, values, key);
      if (historical) {
        const soFar = new Map<string, Money>();
        for (const row of await this.deps.store.daily(values, { from: monthStart(today), to: addDays(today, 1) }, { tagKey: key })) {
          addMoney(entry(soFar, row.tagValue, () => ({})), row.currency, row.amount);
        }
        for (const value of values) byValue.set(value, { ...(byValue.get(value) ?? emptyFigures()), monthToDate: soFar.get(value) ?? {} });
      }
      for (const [value, f] of byValue) figures.set(ownId({ key, value }), f);
    }
    return figures;
  }

  private figuresOf(index: CostIndex, byTag: Map<string, CostFigures>, entityRef: string, own: OwnFigures = new Map()): CostFigures {
    return sumFigures(
      tagValuesOf(index, entityRef).map(t => (t.tag.key === index.tagKey ? byTag.get(t.tag.value) : own.get(ownId(t.tag))) ?? emptyFigures()),
    );
  }
}
