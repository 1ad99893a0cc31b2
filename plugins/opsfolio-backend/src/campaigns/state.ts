import type { CampaignDefinition, CampaignState } from '@opsfolio/backstage-plugin-common';
import { ConflictError } from '@backstage/errors';

/**
 * A campaign's state on `today` (YYYY-MM-DD). Archived and draft are set by hand; past its target date a
 * campaign is ended once every entity is done (`complete`) and overdue while some are not. Pure.
 */
export function campaignState(c: CampaignDefinition, today: string, complete: boolean): CampaignState {
  if (c.archived) return 'archived';
  if (c.draft) return 'draft';
  if (c.endedOn && c.endedOn <= today) return 'ended';
  if (today < c.startDate) return 'scheduled';
  if (today <= c.targetDate) return 'active';
  return complete ? 'ended' : 'overdue';
}

/** The states whose campaigns are running: shown on entities and teams, and reminded of. */
export const RUNNING_STATES: ReadonlySet<CampaignState> = new Set(['scheduled', 'active', 'overdue']);

export type CampaignAction = 'publish' | 'end' | 'archive';

/** Which states each action may start from: publish a draft, end a running campaign, archive an ended one or a draft. */
const FROM: Record<CampaignAction, ReadonlySet<CampaignState>> = {
  publish: new Set(['draft']),
  end: RUNNING_STATES,
  archive: new Set(['ended', 'draft']),
};

/** The definition after `action` on `today`; a 409 naming the state when the action does not apply to it. Pure. */
export function applyAction(
  c: CampaignDefinition,
  state: CampaignState,
  action: CampaignAction,
  today: string
): CampaignDefinition {
  if (!FROM[action].has(state)) {
    throw new ConflictError(
      `Campaign '${c.id}' is ${state}: it can ${action === 'archive' ? 'be archived' : `be ${action}ed`} only when ${[
        ...FROM[action],
      ].join(' or ')}`
    );
  }
  if (action === 'publish') return { ...c, draft: false };
  if (action === 'end') return { ...c, endedOn: today };
  return { ...c, archived: true };
}
