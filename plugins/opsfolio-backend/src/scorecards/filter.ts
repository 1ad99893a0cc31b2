import type { ScorecardFilter } from '@opsfolio/backstage-plugin-common';

/** What scorecard filters and the overview's filters read about an entity. */
export interface EntityInfo {
  entityRef: string;
  title?: string;
  kind: string;
  type?: string;
  lifecycle?: string;
  tier?: string;
  ownerRef?: string;
  system?: string;
}

const lower = (s: string) => s.toLocaleLowerCase('en-US');

/** Every list given must contain the entity's value (case-insensitive); an empty filter matches all. Pure. */
export function matchesFilter(info: EntityInfo, filter: ScorecardFilter | undefined): boolean {
  if (!filter) return true;
  const test = (list: string[] | undefined, value: string | undefined) =>
    !list || list.length === 0 || (value !== undefined && list.some(v => lower(String(v)) === lower(value)));
  return test(filter.kind, info.kind) && test(filter.type, info.type) && test(filter.lifecycle, info.lifecycle) && test(filter.tier, info.tier);
}

/** `components of type service in production`: a filter as a person reads it, for empty states. */
export function describeFilter(filter: ScorecardFilter): string {
  const parts = [
    filter.kind?.length ? filter.kind.map(k => `${lower(k)}s`).join(' or ') : 'entities',
    filter.type?.length ? `of type ${filter.type.join(' or ')}` : '',
    filter.lifecycle?.length ? `in ${filter.lifecycle.join(' or ')}` : '',
    filter.tier?.length ? `of tier ${filter.tier.join(' or ')}` : '',
  ];
  return parts.filter(Boolean).join(' ');
}
