import type { CampaignState } from '@opsfolio/backstage-plugin-common';
import type { Tone } from '../components/palette';
import { ToneChip } from '../components/ToneChip';
import { useOpsfolioText } from '../translation/useOpsfolioText';

// Filled chips judge how a campaign is doing; outlined ones are campaigns not (or no longer) under way.
const LOOK: Record<CampaignState, { tone: Tone; outlined?: boolean }> = {
  draft: { tone: 'neutral', outlined: true },
  scheduled: { tone: 'neutral', outlined: true },
  active: { tone: 'info' },
  overdue: { tone: 'bad' },
  ended: { tone: 'good' },
  archived: { tone: 'neutral', outlined: true },
};

/** Where a campaign is in its life. */
export function CampaignStateChip(props: { state: CampaignState }) {
  const { t } = useOpsfolioText();
  const look = LOOK[props.state];
  return (
    <ToneChip
      label={t(`campaigns.state.${props.state}`)}
      tone={look.tone}
      outlined={look.outlined}
      data-testid="opsfolio-campaign-state"
      data-state={props.state}
    />
  );
}
