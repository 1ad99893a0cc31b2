import { useApi } from '@backstage/core-plugin-api';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { DownloadCsvButton } from '../components/DownloadCsvButton';

/** Every entity of the campaign with its status and the checks it has left, as a CSV file. */
export function DownloadCampaignCsv(props: { campaignId: string }) {
  const api = useApi(opsfolioApiRef);
  return (
    <DownloadCsvButton
      fetch={() => api.getCampaignCsv(props.campaignId)}
      fileName={`opsfolio-campaign-${props.campaignId}.csv`}
    />
  );
}
