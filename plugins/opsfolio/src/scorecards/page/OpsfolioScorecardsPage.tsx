import { ContentHeader, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { ScorecardOverviewResponse } from '@opsfolio/backstage-plugin-common';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../../api/OpsfolioApi';
import { DownloadScorecardCsv } from './DownloadScorecardCsv';
import { useFilterOptions } from './filterOptions';
import { ScorecardFilters } from './ScorecardFilters';
import { ScorecardExemptions, useScorecardExemptions } from './ScorecardExemptions';
import { ScorecardOverviewSections } from './ScorecardOverviewSections';
import { useOverviewQuery } from './useOverviewQuery';
import { OpsfolioPage } from '../../components/OpsfolioPage';
import { ReadinessIcon } from '../../components/pageIcons';
import { useOpsfolioText } from '../../translation/useOpsfolioText';
import { OpsfolioSelect } from '../../components/OpsfolioSelect';

/** Shown only when there is a choice: most organisations run one scorecard. */
function ScorecardPicker(props: {
  scorecards: ScorecardOverviewResponse['scorecards'];
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useOpsfolioText();
  if (props.scorecards.length < 2) return null;
  return (
    <OpsfolioSelect
      label={t('readinessPage.scorecardPicker')}
      value={props.value}
      choices={props.scorecards.map(s => ({ value: s.id, label: s.title }))}
      onChange={props.onChange}
      data-testid="opsfolio-scorecards-picker"
      style={{ marginRight: 16, minWidth: 200 }}
    />
  );
}

function ScorecardsOverview() {
  const api = useApi(opsfolioApiRef);
  const { t } = useOpsfolioText();
  const { query, setFilters, clearFilters } = useOverviewQuery();
  // useAsync keeps the last value while the next loads, so the picker and filters stay put between loads.
  const { value, loading, error } = useAsync(() => api.getScorecardOverview(query), [api, query]);
  const options = useFilterOptions(value);
  const filtered = Object.keys(query).some(k => k !== 'scorecard');
  const shown = value?.scorecard;
  // Exemptions follow the scorecard shown and the owner filter only, so other filters do not fetch them again.
  const exemptions = useScorecardExemptions(query.scorecard ?? shown?.id, query.owner);
  return (
    <>
      <ContentHeader title={shown?.title ?? t('readinessPage.title')}>
        {value && (
          <ScorecardPicker
            scorecards={value.scorecards}
            value={query.scorecard ?? value.scorecard.id}
            onChange={id => setFilters({ scorecard: id })}
          />
        )}
        <DownloadScorecardCsv query={query} scorecardId={shown?.id} />
      </ContentHeader>
      <ScorecardFilters
        query={query}
        options={options}
        levels={shown?.levels}
        onChange={setFilters}
        onClear={clearFilters}
      />
      {loading && <Progress />}
      {!loading && error && <ResponseErrorPanel error={error} />}
      {!loading && !error && value && (
        <ScorecardOverviewSections
          overview={value}
          filtered={filtered}
          onDrill={(owner, level) => setFilters({ owner, level })}
          onClear={clearFilters}
          exemptions={<ScorecardExemptions state={exemptions} />}
        />
      )}
    </>
  );
}

/**
 * `/opsfolio/scorecards`: how ready each team's services are, which checks hold them back, how that changes
 * over time, and every entity behind the numbers.
 */
export function OpsfolioScorecardsPage() {
  const { t } = useOpsfolioText();
  return (
    <OpsfolioPage
      title={t('readinessPage.title')}
      description={t('readinessPage.description')}
      icon={<ReadinessIcon />}
      testId="opsfolio-scorecards-page"
    >
      <ScorecardsOverview />
    </OpsfolioPage>
  );
}
