import type { CampaignEntity } from '@opsfolio/backstage-plugin-common';
import { csvField } from '../platform/csv';

/** One line per entity of a campaign: where it stands and which checks it has left, with their fixes. */
export function campaignCsv(entities: CampaignEntity[]): string {
  const lines = [['entity', 'title', 'owner', 'status', 'checks left', 'fixes'].join(',')];
  for (const e of entities) {
    const left = e.remaining.map(r => r.title).join('; ');
    const fixes = e.remaining.map(r => r.fix.text).join('; ');
    lines.push([e.entityRef, e.title, e.ownerRef, e.status, left, fixes].map(v => csvField(v, true)).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
