import { ContentHeader, Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Grid } from '@backstage/ui';
import type { CampaignProgressResponse } from '@opsfolio/backstage-plugin-common';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { OpsfolioCard } from '../components/OpsfolioCard';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { CampaignBurnUpChart } from './CampaignBurnUpChart';
import { CampaignChecksTable } from './CampaignChecksTable';
import { CampaignMilestones } from './CampaignMilestones';
import { CampaignPromotion } from './CampaignPromotion';
import { CampaignSummary } from './CampaignSummary';
import { CampaignTeamsTable } from './CampaignTeamsTable';
import { DownloadCampaignCsv } from './DownloadCampaignCsv';
import { LaggingTeams } from './LaggingTeams';

function CampaignSections(props: { progress: CampaignProgressResponse }) {
  const { t } = useOpsfolioText();
  const { progress } = props;
  return (
    <Grid.Root columns="12" gap="6">
      <Grid.Item colSpan="12">
        <CampaignSummary progress={progress} />
      </Grid.Item>
      <Grid.Item colSpan={{ initial: '12', lg: '8' }}>
        <OpsfolioCard title={t('campaigns.detail.burnUp.title')} subheader={t('campaigns.detail.burnUp.subheader')}>
          <CampaignBurnUpChart progress={progress} />
        </OpsfolioCard>
      </Grid.Item>
      <Grid.Item colSpan={{ initial: '12', lg: '4' }}>
        <OpsfolioCard title={t('campaigns.detail.milestones.title')}>
          <CampaignMilestones progress={progress} />
        </OpsfolioCard>
      </Grid.Item>
      <Grid.Item colSpan={{ initial: '12', lg: '6' }}>
        <OpsfolioCard title={t('campaigns.detail.teams.title')} subheader={t('campaigns.detail.teams.subheader')}>
          <CampaignTeamsTable teams={progress.teams} />
        </OpsfolioCard>
      </Grid.Item>
      <Grid.Item colSpan={{ initial: '12', lg: '6' }}>
        <OpsfolioCard title={t('campaigns.detail.checks.title')}>
          <CampaignChecksTable checks={progress.checks} />
        </OpsfolioCard>
      </Grid.Item>
      <Grid.Item colSpan="12">
        <OpsfolioCard title={t('campaigns.detail.lagging.title')} subheader={t('campaigns.detail.lagging.subheader')}>
          <LaggingTeams lagging={progress.lagging} />
        </OpsfolioCard>
      </Grid.Item>
      {/* Once it has ended, what it asked for can become part of the standing scorecard. */}
      {progress.campaign.state === 'ended' && (
        <Grid.Item colSpan="12">
          <CampaignPromotion campaignId={progress.campaign.id} />
        </Grid.Item>
      )}
    </Grid.Root>
  );
}

/** One campaign (its id is the last segment of the URL): where it stands, how it got there, and who is behind. */
export function CampaignDetail() {
  const api = useApi(opsfolioApiRef);
  const { t } = useOpsfolioText();
  const campaignId = useParams().campaignId ?? '';
  const { value, loading, error } = useAsync(() => api.getCampaign(campaignId), [api, campaignId]);
  return (
    <>
      {/* Up one route: the list, wherever the app mounts the page. */}
      <Box mb="2">
        <Link to="..">{t('campaigns.detail.back')}</Link>
      </Box>
      <ContentHeader title={value?.campaign.title ?? campaignId}>
        {value && <DownloadCampaignCsv campaignId={value.campaign.id} />}
      </ContentHeader>
      {loading && <Progress />}
      {!loading && error && <ResponseErrorPanel error={error} />}
      {!loading && !error && value && <CampaignSections progress={value} />}
    </>
  );
}
