import { Content, ContentHeader, Header, Page, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { addDays, type CostOverviewResponse } from '@opsfolio/backstage-plugin-common';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { PillarEmptyState } from '../components/PillarEmptyState';
import { pillarWaiting } from '../components/pillarWaiting';
import { CostError } from './CostAccess';
import { isEmptyFigures, monthLabel } from './costMoney';
import { CostOverviewTable } from './CostOverviewTable';
import { DownloadCsvButton } from '../components/DownloadCsvButton';
import { SourceFreshness } from '../components/SourceFreshness';

type GroupBy = CostOverviewResponse['groupBy'];
const GROUP_BYS: Array<{ value: GroupBy; label: string }> = [
  { value: 'owner', label: 'Owner' },
  { value: 'system', label: 'System' },
  { value: 'domain', label: 'Domain' },
];
const groupByOf = (raw: string | null): GroupBy => GROUP_BYS.find(g => g.value === raw)?.value ?? 'owner';

// `asOf` is exclusive: the figures run through the day before.

function DownloadCsv(props: { groupBy: GroupBy }) {
  const api = useApi(opsfolioApiRef);
  return <DownloadCsvButton fetch={() => api.getCostOverviewCsv(props.groupBy)} fileName={`opsfolio-cost-by-${props.groupBy}.csv`} />;
}

/** The cost sources' freshness and data-quality lines: what each last read and left out. */
function CostSources() {
  const api = useApi(opsfolioApiRef);
  const { value } = useAsync(() => api.getHealth(), [api]);
  const sources = (value?.sources ?? []).filter(s => s.pillar === 'cost');
  return sources.length ? <SourceFreshness sources={sources} /> : null;
}

/** Why there is no spend to show: no cost module, the first sync running or failed, or nothing found. */
function NoCostYet(props: { tagKey: string }) {
  const api = useApi(opsfolioApiRef);
  const { value, loading } = useAsync(() => api.getHealth(), [api]);
  if (loading) return <Progress />;
  const waiting = pillarWaiting('cost', value?.sources);
  switch (waiting.kind) {
    case 'no-source':
      return (
        <PillarEmptyState title="No cost module is installed">
          Opsfolio reads spend from a cost source in the backend: add the AWS Cost Explorer or FOCUS Opsfolio module to
          the backend and set the organisation&apos;s cost allocation tag.
        </PillarEmptyState>
      );
    case 'first-sync':
      return (
        <PillarEmptyState title={`First sync of ${waiting.sources.join(', ')} in progress`}>
          Started {waiting.since}. A first sync reads months of spend and can take several minutes in a large
          organisation; this page fills in when it ends.
        </PillarEmptyState>
      );
    case 'failed':
      return (
        <PillarEmptyState title={`The first sync of ${waiting.source} failed`}>
          {waiting.error} It is retried on its schedule; <code>/api/opsfolio/health</code> shows each run.
        </PillarEmptyState>
      );
    case 'nothing-found':
      return (
        <PillarEmptyState title="No spend this month">
          {waiting.sources.join(', ')} synced and found no spend for this month. Check that the{' '}
          <code>{props.tagKey}</code> tag is active for cost allocation and that the export covers this month.
        </PillarEmptyState>
      );
    default:
      return (
        <PillarEmptyState title="No cost data yet">
          Opsfolio reads spend from a cost source in the backend: install the AWS Cost Explorer or FOCUS Opsfolio
          module. If one is installed, its first sync has not finished yet.
        </PillarEmptyState>
      );
  }
}

function CostOverviewBody(props: { groupBy: GroupBy }) {
  const api = useApi(opsfolioApiRef);
  const { value, loading, error } = useAsync(() => api.getCostOverview(props.groupBy), [api, props.groupBy]);
  if (loading) return <Progress />;
  if (error) return <CostError error={error} />;
  const overview = value!;
  if (isEmptyFigures(overview.organisation)) return <NoCostYet tagKey={overview.tagKey} />;
  return (
    <>
      <Typography variant="body2" color="textSecondary" gutterBottom>
        {monthLabel(overview.month)}, through {addDays(overview.asOf, -1)}. Spend is matched to entities by the{' '}
        <code>{overview.tagKey}</code> tag.
      </Typography>
      <CostSources />
      {overview.scope === 'permitted' && (
        <Typography variant="body2" color="textSecondary" gutterBottom data-testid="opsfolio-cost-permitted">
          Your permission policy shows you the spend of some teams only: the total is theirs, and untagged and unmapped
          spend are not shown.
        </Typography>
      )}
      <CostOverviewTable overview={overview} />
    </>
  );
}

function CostOverview() {
  const [params, setParams] = useSearchParams();
  const groupBy = groupByOf(params.get('groupBy'));
  return (
    <>
      <ContentHeader title={`Spend by ${groupBy}`}>
        <TextField
          select
          label="Group by"
          size="small"
          variant="outlined"
          value={groupBy}
          onChange={e => setParams({ groupBy: e.target.value }, { replace: true })}
          SelectProps={{ native: true }}
          inputProps={{ 'data-testid': 'opsfolio-cost-group-by' }}
          style={{ marginRight: 16, minWidth: 140 }}
        >
          {GROUP_BYS.map(g => (
            <option key={g.value} value={g.value}>
              {g.label}
            </option>
          ))}
        </TextField>
        <DownloadCsv groupBy={groupBy} />
      </ContentHeader>
      <CostOverviewBody groupBy={groupBy} />
    </>
  );
}

/**
 * `/opsfolio/cost`: every team's spend side by side, with the untagged and unmapped spend nobody owns, adding up
 * to the organisation's.
 */
export function OpsfolioCostPage() {
  return (
    <Page themeId="tool">
      <Header title="Cost" subtitle="Cloud spend by team, system or domain" />
      <Content>
        <div data-testid="opsfolio-cost-page">
          <CostOverview />
        </div>
      </Content>
    </Page>
  );
}
