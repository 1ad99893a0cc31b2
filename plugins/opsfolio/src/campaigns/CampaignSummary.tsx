import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Box, Flex, Text } from '@backstage/ui';
import type { CampaignProgressResponse } from '@opsfolio/backstage-plugin-common';
import { ProgressBar } from '../components/ProgressBar';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { CampaignStateChip } from './CampaignStateChip';
import { progressPercent, progressText, targetText } from './campaignText';

/** Below the campaign's title: its state, owner, target, dates, what it is about, where to ask, and its counts. */
export function CampaignSummary(props: { progress: CampaignProgressResponse }) {
  const text = useOpsfolioText();
  const { t, format } = text;
  const { campaign, counts } = props.progress;
  return (
    <Box data-testid="opsfolio-campaign-summary">
      <Flex align="center" gap="3" style={{ flexWrap: 'wrap' }}>
        <CampaignStateChip state={campaign.state} />
        <EntityRefLink entityRef={campaign.owner} defaultKind="group" />
        <Text as="span" data-testid="opsfolio-campaign-target">
          {targetText(text, props.progress)}
        </Text>
        <Text as="span" color="secondary" data-testid="opsfolio-campaign-dates">
          {t('campaigns.detail.dates', {
            start: format.day(campaign.startDate),
            target: format.day(campaign.targetDate),
          })}
          {campaign.endedOn && <> ({t('campaigns.detail.endedOn', { date: format.day(campaign.endedOn) })})</>}
        </Text>
      </Flex>
      {campaign.description && (
        <Text as="p" style={{ marginTop: 'var(--bui-space-3)' }} data-testid="opsfolio-campaign-description">
          {campaign.description}
        </Text>
      )}
      {(campaign.link || campaign.supportChannel) && (
        <Flex gap="4" mt="2" style={{ flexWrap: 'wrap' }}>
          {campaign.link && <Link to={campaign.link}>{t('campaigns.detail.link')}</Link>}
          {campaign.supportChannel && (
            <Text as="span" data-testid="opsfolio-campaign-support">
              {t('campaigns.detail.support', { channel: campaign.supportChannel })}
            </Text>
          )}
        </Flex>
      )}
      <Box mt="4" style={{ maxWidth: 480 }}>
        <Text as="p" data-testid="opsfolio-campaign-counts" style={{ marginBottom: 'var(--bui-space-1)' }}>
          {t('campaigns.detail.counts', {
            done: counts.done,
            exempt: counts.exempt,
            notDone: counts.notDone,
            total: counts.total,
          })}
        </Text>
        <ProgressBar value={progressPercent(counts)} label={progressText(text, counts)} />
      </Box>
    </Box>
  );
}
