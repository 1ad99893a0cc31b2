import type { ScorecardFilter } from '@opsfolio/backstage-plugin-common';
import type { OpsfolioT } from '../translation/format';

// The catalog's own kinds, each with its plural as a message; any other kind reads "<kind>s".
const KINDS = ['component', 'api', 'resource', 'system', 'domain', 'group', 'user', 'location', 'template'] as const;
type KnownKind = (typeof KINDS)[number];
const isKnownKind = (kind: string): kind is KnownKind => (KINDS as readonly string[]).includes(kind);

const plural = (t: OpsfolioT, kind: string) => {
  const lower = kind.toLocaleLowerCase('en-US');
  return isKnownKind(lower) ? t(`scorecards.filter.kind.${lower}`) : t('scorecards.filter.otherKind', { kind: lower });
};

/** "components of type service or website with lifecycle production and tier 1": which entities a scorecard covers. */
export function describeFilter(t: OpsfolioT, filter: ScorecardFilter): string {
  const anyOf = (values: string[]) => values.join(t('scorecards.filter.or'));
  const kinds = filter.kind?.length ? anyOf(filter.kind.map(k => plural(t, k))) : t('scorecards.filter.entities');
  const entities = filter.type?.length ? t('scorecards.filter.ofType', { kinds, types: anyOf(filter.type) }) : kinds;
  const conditions = [
    filter.lifecycle?.length ? t('scorecards.filter.lifecycle', { values: anyOf(filter.lifecycle) }) : '',
    filter.tier?.length ? t('scorecards.filter.tier', { values: anyOf(filter.tier) }) : '',
  ].filter(Boolean);
  return conditions.length
    ? t('scorecards.filter.withConditions', { entities, conditions: conditions.join(t('scorecards.filter.and')) })
    : entities;
}
