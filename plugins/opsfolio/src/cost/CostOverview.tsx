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
import { formatMoney } from './formatMoney';
import { CostError, CostPermissionGate } from './CostAccess';
import { Text } from '@backstage/ui';

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
          texts={costWaitingTexts(cost.allocationKey, 'This card')}
        />
      </>
    );
  }
  return (
    <>
      <SourceFreshness sources={props.summary.sources} />
      {cost.tagProblem && (
        <WarningPanel severity="warning" title="The cost tag of this entity cannot be used" message={cost.tagProblem} />
      )}
      <Text as="p" color="secondary">
        Tag {cost.tags.map(t => `${t.key}=${t.value}`).join(', ') || 'none'}
      </Text>
      {cost.allocationKey && cost.tags.some(t => t.key !== cost.allocationKey) && (
        <Text as="p" variant="body-small" color="secondary" data-testid="opsfolio-cost-own-key">
          Read by its own tag key. The organisation allocates by {cost.allocationKey}, so in team and organisation
          totals this spend is untagged or under another {cost.allocationKey} value.
        </Text>
      )}
      <CostFiguresRow figures={cost.figures} />
      <CostChart cost={cost} height={80} compact />
      {top.length > 0 && (
        <Text as="p" data-testid="opsfolio-cost-top-services">
          Last 30 days: {top.map(s => `${s.cloudService} ${formatMoney(s.amounts)}`).join(' · ')}
        </Text>
      )}
      <Text as="p" variant="body-small" color="secondary" data-testid="opsfolio-cost-not-included">
        Not included, organisation-wide this month: {formatMoney(cost.notIncluded.untagged)} untagged and{' '}
        {formatMoney(cost.notIncluded.unmapped)} under tag values no catalog entity carries.
      </Text>
    </>
  );
}
