import { useApi } from '@backstage/core-plugin-api';
import { opsfolioApiRef, type ScorecardOverviewQuery } from '../../api/OpsfolioApi';
import { DownloadCsvButton } from '../../components/DownloadCsvButton';

/** The entities as filtered now, as a CSV file. */
export function DownloadScorecardCsv(props: { query: ScorecardOverviewQuery; scorecardId?: string }) {
  const api = useApi(opsfolioApiRef);
  // Pin the scorecard on screen, so the file matches it even when the URL names none (the default one).
  const scorecard = props.query.scorecard ?? props.scorecardId;
  return (
    <DownloadCsvButton
      fetch={() => api.getScorecardOverviewCsv(scorecard ? { ...props.query, scorecard } : props.query)}
      fileName={`opsfolio-readiness-${scorecard ?? 'scorecard'}.csv`}
    />
  );
}
