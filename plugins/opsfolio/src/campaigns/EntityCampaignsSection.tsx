import { getCompoundEntityRef } from '@backstage/catalog-model';
import { Link, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Box, Text } from '@backstage/ui';
import type { EntityCampaignsResponse } from '@opsfolio/backstage-plugin-common';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { OpsfolioCard } from '../components/OpsfolioCard';
import type { OpsfolioText } from '../translation/format';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { RemainingChecks } from './RemainingChecks';
import { useCampaignLink } from './useCampaignLink';

type EntityCampaign = EntityCampaignsResponse['campaigns'][number];

/** "2 checks left, due Jan 31", "… overdue since Dec 1", or "done". */
function standingText({ t, format }: OpsfolioText, item: EntityCampaign): string {
  if (item.status === 'done') return t('campaigns.entity.done');
  if (item.status === 'exempt') return t('campaigns.entity.exempt');
  return t(item.campaign.state === 'overdue' ? 'campaigns.entity.checksLeftOverdue' : 'campaigns.entity.checksLeft', {
    count: item.remaining.length,
    date: format.dayMonth(item.campaign.targetDate),
  });
}

/** A backend without campaigns (older than this page) answers 404: nothing to show rather than an error. */
function isNotFound(error: Error): boolean {
  const e = error as Error & { statusCode?: number; response?: { status?: number } };
  return e.statusCode === 404 || e.response?.status === 404 || e.name === 'NotFoundError';
}

function CampaignLine(props: { item: EntityCampaign; link?: (campaignId: string) => string }) {
  const text = useOpsfolioText();
  const { item, link } = props;
  const { campaign } = item;
  const title = link ? <Link to={link(campaign.id)} underline="always">{campaign.title}</Link> : <strong>{campaign.title}</strong>;
  return (
    <Box mb="4" data-testid="opsfolio-entity-campaign" data-campaign-id={campaign.id} data-status={item.status}>
      <Text as="p" data-testid="opsfolio-entity-campaign-sentence">
        {text.t('campaigns.entity.sentence', { campaign: title, standing: standingText(text, item) })}
      </Text>
      {item.status === 'not-done' && item.remaining.length > 0 && (
        <Box mt="2" ml="4">
          <RemainingChecks checks={item.remaining} />
        </Box>
      )}
    </Box>
  );
}

/**
 * The top of the readiness tab: each running campaign the entity is part of, and what it has left to do for it.
 * Nothing at all when the entity is in no campaign, so the tab looks as it did before campaigns.
 */
export function EntityCampaignsSection() {
  const { entity } = useEntity();
  const api = useApi(opsfolioApiRef);
  const { t } = useOpsfolioText();
  const link = useCampaignLink();
  const ref = getCompoundEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.getEntityCampaigns(ref),
    [api, ref.kind, ref.namespace, ref.name]
  );
  // The tab shows its own progress while it loads; a second bar for this section would only flicker.
  if (loading) return null;
  if (error) {
    return isNotFound(error) ? null : (
      <Box mb="6">
        <ResponseErrorPanel error={error} />
      </Box>
    );
  }
  if (!value || value.campaigns.length === 0) return null;
  return (
    <Box mb="6">
      <OpsfolioCard title={t('campaigns.entity.title')} data-testid="opsfolio-entity-campaigns">
        {value.campaigns.map(item => (
          <CampaignLine key={item.campaign.id} item={item} link={link} />
        ))}
      </OpsfolioCard>
    </Box>
  );
}
