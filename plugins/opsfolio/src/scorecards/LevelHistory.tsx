import { getCompoundEntityRef } from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Text } from '@backstage/ui';
import type { Scorecard } from '@opsfolio/backstage-plugin-common';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { describeLevelChange } from './describeLevelChange';
import { LevelHistoryChart } from './LevelHistoryChart';
import { useOpsfolioText } from '../translation/useOpsfolioText';

export const HISTORY_DAYS = 90;

/**
 * The level over the last days and each change of level with the checks that caused it, newest first. A new
 * `evaluatedAt` (an "Evaluate now") loads the history again, as the evaluation may have changed it.
 */
export function LevelHistory(props: { scorecard: Scorecard; evaluatedAt?: string }) {
  const text = useOpsfolioText();
  const { t } = text;
  const { entity } = useEntity();
  const api = useApi(opsfolioApiRef);
  const ref = getCompoundEntityRef(entity);
  const { scorecard } = props;
  const { value, loading, error } = useAsync(
    () => api.getScorecardHistory(ref, scorecard.id, HISTORY_DAYS),
    [api, ref.kind, ref.namespace, ref.name, scorecard.id, props.evaluatedAt]
  );
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const history = value!;
  if (history.days.length === 0) {
    return (
      <Text as="p" color="secondary" data-testid="opsfolio-level-history-empty">
        {t('scorecards.history.empty')}
      </Text>
    );
  }
  const changes = [...history.levelChanges].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <>
      <LevelHistoryChart scorecard={scorecard} days={history.days} />
      {changes.length === 0 ? (
        <Text as="p" color="secondary">
          {t('scorecards.history.unchanged', { day: history.days[0].day })}
        </Text>
      ) : (
        <ul data-testid="opsfolio-level-changes">
          {changes.map(change => (
            <li key={`${change.at}-${change.to}`} title={change.at}>
              <Text>{describeLevelChange(text, scorecard, change)}</Text>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
