import type { OwnershipOverviewResponse } from '@opsfolio/backstage-plugin-common';
import { csvField } from '../platform/csv';

/** One line per problem: what, where, whose, and how to fix it. */
export function ownershipCsv(overview: OwnershipOverviewResponse): string {
  const lines = [['entity', 'kind', 'title', 'owner', 'problem', 'message', 'fix'].join(',')];
  for (const p of overview.problems) {
    lines.push([p.entityRef, p.kind, p.title, p.ownerRef, p.problem.kind, p.problem.message, p.problem.fix].map(v => csvField(v, true)).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
