import { addDays, addMoney, addMonths, dayOf, type FactDescription, type Money, monthOf, monthStart } from '@opsfolio/backstage-plugin-common';
import type { FactAnswer, FactProvider } from '@opsfolio/backstage-plugin-node';
import { tagValuesOf } from '../../cost/costIndex';
import type { CostIndexLoader } from '../../cost/costIndexLoader';
import { costFacts } from '../../cost/facts';
import { emptyFigures, figuresByTag, sumFigures } from '../../cost/figures';
import type { CostStore } from '../../cost/store';
import { oldestOf, type SourceFreshness } from './sourceFreshness';

const round = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 1000);

export const COST_FACTS: FactDescription[] = [
  { id: 'cost.known', pillar: 'cost', title: 'Cost known', type: 'boolean', description: 'Spend is attributed to the entity (through its cost allocation tag) this month or last.' },
  { id: 'cost.taggedShare', pillar: 'cost', title: 'Tagged share of spend', type: 'ratio', description: "The organisation's spend this month that reaches an entity through its tag." },
  { id: 'cost.monthOverMonth', pillar: 'cost', title: 'Month-over-month change', type: 'ratio', description: 'Last month against the month before, e.g. 0.12 for +12 %.' },
];

/** Cost facts from the stored spend: every tag value's figures read once, matched to entities by the cost index. */
export function costFactProvider(deps: {
  store: CostStore;
  index: CostIndexLoader;
  sourceIds: string[];
  freshness: (sourceIds: string[]) => Promise<Map<string, SourceFreshness>>;
}): FactProvider {
  return {
    id: 'cost',
    facts: COST_FACTS,
    async collect(subjects, { asOf, historical }) {
      const result = new Map<string, Record<string, FactAnswer>>();
      const none = (why: string) => {
        for (const { entityRef } of subjects) result.set(entityRef, Object.fromEntries(COST_FACTS.map(f => [f.id, { notReported: why }])));
        return result;
      };
      if (deps.sourceIds.length === 0) return none('no cost source is installed');
      const live = !historical;
      const synced = live ? oldestOf(await deps.freshness(deps.sourceIds), deps.sourceIds) : undefined;
      const covered = await deps.store.coveredDays();
      if ((live && !synced) || !covered.lastDay) return none('cost has not been synced yet');
      const today = dayOf(asOf);
      const index = await deps.index.get();
      const byTag = await figuresByTag(deps.store, today);
      if (historical) {
        // The monthly roll-up holds the whole month: as of a past day only the month's days so far count.
        const soFar = new Map<string, Money>();
        for (const row of await deps.store.dailyByTag({ from: monthStart(today), to: addDays(today, 1) })) {
          addMoney(soFar.get(row.tagValue) ?? soFar.set(row.tagValue, {}).get(row.tagValue)!, row.currency, row.amount);
        }
        for (const [tag, f] of byTag) f.monthToDate = soFar.get(tag) ?? {};
        for (const [tag, monthToDate] of soFar) if (!byTag.has(tag)) byTag.set(tag, { ...emptyFigures(), monthToDate });
      }
      const before = new Map<string, Money>();
      for (const row of await deps.store.monthlyByTag([monthOf(addMonths(today, -2))])) {
        addMoney(before.get(row.tagValue) ?? before.set(row.tagValue, {}).get(row.tagValue)!, row.currency, row.amount);
      }
      const organisation = { total: {} as Money, untagged: {} as Money, unmapped: {} as Money };
      for (const [tagValue, f] of byTag) {
        for (const [currency, amount] of Object.entries(f.monthToDate)) {
          addMoney(organisation.total, currency, amount);
          if (tagValue === '') addMoney(organisation.untagged, currency, amount);
          else if (!index.byTag.has(tagValue)) addMoney(organisation.unmapped, currency, amount);
        }
      }
      const at = synced ? { observedAt: synced.observedAt, maxAgeMs: synced.maxAgeMs } : {};
      for (const { entityRef } of subjects) {
        const tags = tagValuesOf(index, entityRef).map(t => t.tag.value);
        const monthBeforeLast: Money = {};
        for (const tag of tags) for (const [c, a] of Object.entries(before.get(tag) ?? {})) addMoney(monthBeforeLast, c, a);
        const facts = costFacts({ figures: sumFigures(tags.map(t => byTag.get(t) ?? emptyFigures())), monthBeforeLast, organisation });
        result.set(entityRef, {
          'cost.known': { value: facts.known, ...at },
          'cost.taggedShare': facts.taggedShare === null ? { notReported: 'no spend this month' } : { value: round(facts.taggedShare), ...at },
          'cost.monthOverMonth':
            facts.monthOverMonth === null ? { notReported: 'no spend the month before last to compare with' } : { value: round(facts.monthOverMonth), ...at },
        });
      }
      return result;
    },
  };
}
