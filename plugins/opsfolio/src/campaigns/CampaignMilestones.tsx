import { Box, Flex, Text } from '@backstage/ui';
import type { CampaignProgressResponse } from '@opsfolio/backstage-plugin-common';
import type { Tone } from '../components/palette';
import { ToneChip } from '../components/ToneChip';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { projectionText } from './campaignText';

type Milestone = CampaignProgressResponse['milestones'][number];

const TONE: Record<Milestone['status'], { tone: Tone; outlined?: boolean }> = {
  reached: { tone: 'good' },
  missed: { tone: 'bad' },
  upcoming: { tone: 'neutral', outlined: true },
};

function MilestoneStatus(props: { milestone: Milestone }) {
  const { t, format } = useOpsfolioText();
  const { status, reachedOn, date } = props.milestone;
  const label =
    status === 'reached'
      ? t('campaigns.detail.milestones.reached', { date: format.day(reachedOn ?? date) })
      : t(`campaigns.detail.milestones.${status}`);
  return <ToneChip label={label} {...TONE[status]} data-testid="opsfolio-campaign-milestone-status" />;
}

/** When the campaign will be done at its pace, then each milestone: its share, the entities it takes, and its fate. */
export function CampaignMilestones(props: { progress: CampaignProgressResponse }) {
  const text = useOpsfolioText();
  const { t, format } = text;
  const { milestones } = props.progress;
  return (
    <>
      <Text as="p" data-testid="opsfolio-campaign-projection">
        {projectionText(text, props.progress)}
      </Text>
      <Box mt="4">
        {milestones.length === 0 && (
          <Text as="p" color="secondary">
            {t('campaigns.detail.milestones.none')}
          </Text>
        )}
        {milestones.map(m => (
          <Flex
            key={m.date}
            align="center"
            gap="3"
            mb="2"
            data-testid="opsfolio-campaign-milestone"
            data-status={m.status}
          >
            <Text as="span">
              {t('campaigns.detail.milestones.goal', {
                date: format.day(m.date),
                share: format.percent(m.share, 0),
                count: m.needed,
              })}
            </Text>
            <MilestoneStatus milestone={m} />
          </Flex>
        ))}
      </Box>
    </>
  );
}
