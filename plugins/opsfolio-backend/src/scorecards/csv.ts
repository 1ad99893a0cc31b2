import type { ScorecardOverviewResponse } from '@opsfolio/backstage-plugin-common';
import { csvField } from '../platform/csv';

/** One line per entity: where it stands and what keeps it from the next level. */
export function scorecardCsv(overview: ScorecardOverviewResponse): string {
  const titles = new Map(overview.scorecard.checks.map(c => [c.id, c.title]));
  const levels = new Map(overview.scorecard.levels.map(l => [l.id, l.title]));
  const header = ['entity', 'title', 'kind', 'type', 'lifecycle', 'tier', 'owner', 'system', 'level', 'passing', 'total', 'not passing', 'evaluated at'];
  const lines = [header.join(',')];
  for (const e of overview.entities) {
    const text = [e.entityRef, e.title, e.kind, e.type, e.lifecycle, e.tier, e.ownerRef, e.system, e.level ? levels.get(e.level) : 'none'].map(v => csvField(v, true));
    lines.push([...text, csvField(e.passing, false), csvField(e.total, false), csvField(e.failing.map(id => titles.get(id) ?? id).join('; '), true), csvField(e.evaluatedAt, true)].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
