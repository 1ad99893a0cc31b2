import type { ScorecardFilter } from '@opsfolio/backstage-plugin-common';

const plural = (kind: string) => {
  const lower = kind.toLocaleLowerCase('en-US');
  return lower === 'api' ? 'APIs' : `${lower}s`;
};

const anyOf = (values: string[]) => values.join(' or ');

/** "components of type service or website with lifecycle production and tier 1": which entities a scorecard covers. */
export function describeFilter(filter: ScorecardFilter): string {
  const kinds = filter.kind?.length ? anyOf(filter.kind.map(plural)) : 'entities';
  const type = filter.type?.length ? ` of type ${anyOf(filter.type)}` : '';
  const conditions = [
    filter.lifecycle?.length ? `lifecycle ${anyOf(filter.lifecycle)}` : '',
    filter.tier?.length ? `tier ${anyOf(filter.tier)}` : '',
  ].filter(Boolean);
  return `${kinds}${type}${conditions.length ? ` with ${conditions.join(' and ')}` : ''}`;
}
