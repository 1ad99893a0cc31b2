import type { FactDescription } from '@opsfolio/backstage-plugin-common';
import type { FactAnswer, FactProvider } from '@opsfolio/backstage-plugin-node';
import type { CostService } from '../../cost/CostService';
import { oldestOf, type SourceFreshness } from './sourceFreshness';

const round = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 1000);

export const COST_FACTS: FactDescription[] = [
  { id: 'cost.known', pillar: 'cost', title: 'Cost known', type: 'boolean', description: 'Spend is attributed to the entity (through its cost allocation tag) this month or last.' },
  { id: 'cost.taggedShare', pillar: 'cost', title: 'Tagged share of spend', type: 'ratio', description: "The organisation's spend this month that reaches an entity through its tag." },
  { id: 'cost.monthOverMonth', pillar: 'cost', title: 'Month-over-month change', type: 'ratio', description: 'Last month against the month before, e.g. 0.12 for +12 %.' },
];

/** Cost facts from the stored spend, for every subject at once through the cost service. */
export function costFactProvider(deps: {
  cost: CostService;
  sourceIds: string[];
  freshness: (sourceIds: string[]) => Promise<Map<string, SourceFreshness>>;
}): FactProvider {
  return {
    id: 'cost',
    facts: COST_FACTS,
    async collect(subjects, { asOf, historical }) {
      const none = (why: string) =>
        new Map(subjects.map(({ entityRef }) => [entityRef, Object.fromEntries(COST_FACTS.map(f => [f.id, { notReported: why }]))]));
      if (deps.sourceIds.length === 0) return none('no cost source is installed');
      const synced = historical ? undefined : oldestOf(await deps.freshness(deps.sourceIds), deps.sourceIds);
      const facts = !historical && !synced ? undefined : await deps.cost.facts(subjects.map(s => s.entityRef), { asOf, historical });
      if (!facts) return none('cost has not been synced yet');
      const at = synced ? { observedAt: synced.observedAt, maxAgeMs: synced.maxAgeMs } : {};
      const result = new Map<string, Record<string, FactAnswer>>();
      for (const [entityRef, f] of facts) {
        result.set(entityRef, {
          'cost.known': { value: f.known, ...at },
          'cost.taggedShare': f.taggedShare === null ? { notReported: 'no spend this month' } : { value: round(f.taggedShare), ...at },
          'cost.monthOverMonth':
            f.monthOverMonth === null ? { notReported: 'no spend the month before last to compare with' } : { value: round(f.monthOverMonth), ...at },
        });
      }
      return result;
    },
  };
}
