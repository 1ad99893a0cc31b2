import { getCompoundEntityRef } from '@backstage/catalog-model';
import { Progress, WarningPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { PillarSummary } from '@opsfolio/backstage-plugin-common';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { PillarWaitingState } from '../components/PillarWaitingState';
import { SourceFreshness } from '../components/SourceFreshness';
import { CostChart } from './CostChart';
import { CostFiguresRow } from './CostFiguresRow';
import { isEmptyFigures } from './costMoney';
import { costWaitingTexts } from './costWaitingTexts';
import { CostError, CostPermissionGate } from './CostAccess';
import { Text } from '@backstage/ui';
import { useOpsfolioText } from '../translation/useOpsfolioText';

/** The cost card's body: this month, last month, forecast, 30 days of spend, where it goes, and what is left out. */
export function CostOverview(props: { summary: PillarSummary }) {
  return (
    <CostPermissionGate>
      <EntityCost summary={props.summary} />
    </CostPermissionGate>
  );
}

function EntityCost(props: { summary: PillarSummary }) {
  const { entity } = useEntity();
  const api = useApi(opsfolioApiRef);
  const { t, format } = useOpsfolioText();
  const ref = getCompoundEntityRef(entity);
  const { value, loading, error } = useAsync(() => api.getEntityCost(ref), [api, ref.kind, ref.namespace, ref.name]);
  if (loading) return <Progress />;
  if (error) return <CostError error={error} />;
  const cost = value!;
  const top = cost.byCloudService.slice(0, 3);
  if (isEmptyFigures(cost.figures) && !props.summary.sources.some(s => s.lastSuccessAt)) {
    // Zeros before the first sync ends would read as "this service costs nothing".
    return (
      <>
        <SourceFreshness sources={props.summary.sources} emptyStateShown />
        <PillarWaitingState
          pillar="cost"
          sources={props.summary.sources}
          texts={costWaitingTexts(t, cost.allocationKey, 'card')}
        />
      </>
    );
  }
  return (
    <>
      <SourceFreshness sources={props.summary.sources} />
      {cost.tagProblem && (
        <WarningPanel severity="warning" title={t('cost.card.tagProblem')} message={cost.tagProblem} />
      )}
      <Text as="p" color="secondary">
        {t('cost.card.tag', {
          tags:
            cost.tags.map(tag => `${tag.key}=${tag.value}`).join(t('common.listSeparator')) || t('cost.card.tagNone'),
        })}
      </Text>
      {cost.allocationKey && cost.tags.some(t => t.key !== cost.allocationKey) && (
        <Text as="p" variant="body-small" color="secondary" data-testid="opsfolio-cost-own-key">
          {t('cost.card.ownKey', { allocationKey: cost.allocationKey })}
        </Text>
      )}
      <CostFiguresRow figures={cost.figures} />
      <CostChart cost={cost} height={80} compact />
      {top.length > 0 && (
        <Text as="p" data-testid="opsfolio-cost-top-services">
          {t('cost.card.topServices', {
            services: top.map(s => `${s.cloudService} ${format.money(s.amounts)}`).join(' · '),
          })}
        </Text>
      )}
      <Text as="p" variant="body-small" color="secondary" data-testid="opsfolio-cost-not-included">
        {t('cost.card.notIncluded', {
          untagged: format.money(cost.notIncluded.untagged),
          unmapped: format.money(cost.notIncluded.unmapped),
        })}
      </Text>
    </>
  );
}
