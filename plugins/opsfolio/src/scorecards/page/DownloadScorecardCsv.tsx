import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import { useState } from 'react';
import { opsfolioApiRef, type ScorecardOverviewQuery } from '../../api/OpsfolioApi';
import { saveBlob } from '../../components/saveBlob';

/** The entities as filtered now, as a CSV file (fetched with the user's token, hence not a plain link). */
export function DownloadScorecardCsv(props: { query: ScorecardOverviewQuery; scorecardId?: string }) {
  const api = useApi(opsfolioApiRef);
  const alertApi = useApi(alertApiRef);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      // Pin the scorecard on screen, so the file matches it even when the URL names none (the default one).
      const scorecard = props.query.scorecard ?? props.scorecardId;
      const blob = await api.getScorecardOverviewCsv(scorecard ? { ...props.query, scorecard } : props.query);
      saveBlob(blob, `opsfolio-readiness-${scorecard ?? 'scorecard'}.csv`);
    } catch (e) {
      alertApi.post({ message: `Could not download the CSV: ${(e as Error).message}`, severity: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="outlined" color="primary" disabled={busy} onClick={download}>
      Download CSV
    </Button>
  );
}
