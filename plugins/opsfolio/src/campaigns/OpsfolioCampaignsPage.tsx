import { Route, Routes } from 'react-router-dom';
import { OpsfolioPage } from '../components/OpsfolioPage';
import { CampaignsIcon } from '../components/pageIcons';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { CampaignDetail } from './CampaignDetail';
import { CampaignsList } from './CampaignsList';

/**
 * `/opsfolio/campaigns`: every campaign with its progress; `/opsfolio/campaigns/:campaignId`: one campaign, its
 * burn-up, milestones, teams, checks and what the lagging teams have left to fix.
 */
export function OpsfolioCampaignsPage() {
  const { t } = useOpsfolioText();
  return (
    <OpsfolioPage
      title={t('campaigns.page.title')}
      description={t('campaigns.page.description')}
      icon={<CampaignsIcon />}
      testId="opsfolio-campaigns-page"
    >
      {/* Relative routes: the app mounts the page wherever it likes (`/opsfolio/campaigns` by default). */}
      <Routes>
        <Route path="/" element={<CampaignsList />} />
        <Route path="/:campaignId" element={<CampaignDetail />} />
      </Routes>
    </OpsfolioPage>
  );
}
