import { Link } from '@backstage/core-components';
import { Box, Text } from '@backstage/ui';
import type { CampaignSummary } from '@opsfolio/backstage-plugin-common';
import { useCampaignLink } from '../../campaigns/useCampaignLink';
import { ProblemText } from '../../components/ProblemText';
import { useOpsfolioText } from '../../translation/useOpsfolioText';

function PortfolioCampaign(props: { summary: CampaignSummary; link?: (campaignId: string) => string }) {
  const { t, format } = useOpsfolioText();
  const { summary, link } = props;
  const { campaign, counts } = summary;
  const title = link ? <Link to={link(campaign.id)} underline="always">{campaign.title}</Link> : <strong>{campaign.title}</strong>;
  const overdue = campaign.state === 'overdue';
  const line = t(overdue ? 'portfolio.campaign.overdue' : 'portfolio.campaign.due', {
    campaign: title,
    // Exempt services need nothing more: done, as everywhere campaigns are counted.
    complete: counts.done + counts.exempt,
    count: counts.total,
    date: format.dayMonth(campaign.targetDate),
  });
  const attributes = {
    'data-testid': 'opsfolio-team-portfolio-campaign',
    'data-campaign-id': campaign.id,
    'data-state': campaign.state,
  };
  return overdue ? (
    <ProblemText {...attributes}>{line}</ProblemText>
  ) : (
    <Text as="p" {...attributes}>
      {line}
    </Text>
  );
}

/**
 * Above the team's services: each running campaign covering some of them, counted over the team's services alone,
 * so a manager sees what is due without opening every campaign. Nothing when no campaign covers them.
 */
export function PortfolioCampaigns(props: { campaigns: CampaignSummary[] }) {
  const link = useCampaignLink();
  if (props.campaigns.length === 0) return null;
  return (
    <Box mb="4" data-testid="opsfolio-team-portfolio-campaigns">
      {props.campaigns.map(summary => (
        <PortfolioCampaign key={summary.campaign.id} summary={summary} link={link} />
      ))}
    </Box>
  );
}
