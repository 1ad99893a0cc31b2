import { ContentHeader, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { addDays, type CostOverviewResponse } from '@opsfolio/backstage-plugin-common';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { PillarWaitingState } from '../components/PillarWaitingState';
import { CostError } from './CostAccess';
import { isEmptyFigures } from './costMoney';
import { CostOverviewTable } from './CostOverviewTable';
import { costWaitingTexts } from './costWaitingTexts';
import { DownloadCsvButton } from '../components/DownloadCsvButton';
import { SourceFreshness } from '../components/SourceFreshness';
import { OpsfolioPage } from '../components/OpsfolioPage';
import { CostIcon } from '../components/pageIcons';
import { Text } from '@backstage/ui';
import { useOpsfolioText } from '../translation/useOpsfolioText';
import { OpsfolioSelect } from '../components/OpsfolioSelect';

type GroupBy = CostOverviewResponse['groupBy'];
const GROUP_BYS: GroupBy[] = ['owner', 'system', 'domain'];
const groupByOf = (raw: string | null): GroupBy => GROUP_BYS.find(g => g === raw) ?? 'owner';

// `asOf` is exclusive: the figures run through the day before.

function DownloadCsv(props: { groupBy: GroupBy }) {
  const api = useApi(opsfolioApiRef);
  return (
    <DownloadCsvButton
      fetch={() => api.getCostOverviewCsv(props.groupBy)}
      fileName={`opsfolio-cost-by-${props.groupBy}.csv`}
    />
  );
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
  const { t } = useOpsfolioText();
  const { value, loading } = useAsync(() => api.getHealth(), [api]);
  if (loading) return <Progress />;
  return (
    <PillarWaitingState pillar="cost" sources={value?.sources} texts={costWaitingTexts(t, props.tagKey, 'page')} />
  );
}

function CostOverviewBody(props: { groupBy: GroupBy }) {
  const api = useApi(opsfolioApiRef);
  const { t, format } = useOpsfolioText();
  const { value, loading, error } = useAsync(() => api.getCostOverview(props.groupBy), [api, props.groupBy]);
  if (loading) return <Progress />;
  if (error) return <CostError error={error} />;
  const overview = value!;
  if (isEmptyFigures(overview.organisation)) return <NoCostYet tagKey={overview.tagKey} />;
  return (
    <>
      <Text as="p" color="secondary" style={{ marginBottom: 'var(--bui-space-2)' }}>
        {t('cost.page.period', {
          month: format.month(overview.month),
          lastDay: addDays(overview.asOf, -1),
          tagKey: <code>{overview.tagKey}</code>,
        })}
      </Text>
      <CostSources />
      {overview.scope === 'permitted' && (
        <Text
          as="p"
          color="secondary"
          style={{ marginBottom: 'var(--bui-space-2)' }}
          data-testid="opsfolio-cost-permitted"
        >
          {t('cost.page.permitted')}
        </Text>
      )}
      <CostOverviewTable overview={overview} />
    </>
  );
}

function CostOverview() {
  const [params, setParams] = useSearchParams();
  const groupBy = groupByOf(params.get('groupBy'));
  const { t } = useOpsfolioText();
  return (
    <>
      <ContentHeader title={t(`cost.page.spendBy.${groupBy}`)}>
        <OpsfolioSelect
          label={t('cost.page.groupBy')}
          value={groupBy}
          choices={GROUP_BYS.map(g => ({ value: g, label: t(`cost.table.groupBy.${g}`) }))}
          onChange={v => setParams({ groupBy: v }, { replace: true })}
          data-testid="opsfolio-cost-group-by"
          style={{ marginRight: 16, minWidth: 140 }}
        />
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
  const { t } = useOpsfolioText();
  return (
    <OpsfolioPage
      title={t('cost.page.title')}
      description={t('cost.page.description')}
      icon={<CostIcon />}
      testId="opsfolio-cost-page"
    >
      <CostOverview />
    </OpsfolioPage>
  );
}
