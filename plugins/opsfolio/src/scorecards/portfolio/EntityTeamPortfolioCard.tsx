import { getCompoundEntityRef } from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Text } from '@backstage/ui';
import { entityRefKey, type TeamPortfolioResponse } from '@opsfolio/backstage-plugin-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../../api/OpsfolioApi';
import { OpsfolioCard } from '../../components/OpsfolioCard';
import { PillarEmptyState } from '../../components/PillarEmptyState';
import { PortfolioCampaigns } from './PortfolioCampaigns';
import { usePortfolioColumns } from './PortfolioServiceRow';
import { useOpsfolioText } from '../../translation/useOpsfolioText';
import { OpsfolioTable } from '../../components/OpsfolioTable';

function Portfolio(props: { portfolio: TeamPortfolioResponse }) {
  const { services, costVisible, groupRef, campaigns } = props.portfolio;
  const { t } = useOpsfolioText();
  const items = useMemo(() => services.map(s => ({ ...s, id: s.entityRef })), [services]);
  const columns = usePortfolioColumns(groupRef, costVisible);
  if (services.length === 0) {
    return (
      <PillarEmptyState title={t('portfolio.emptyTitle')}>
        {t('portfolio.empty', { field: <code>spec.owner</code> })}
      </PillarEmptyState>
    );
  }
  return (
    <>
      <PortfolioCampaigns campaigns={campaigns} />
      <OpsfolioTable
        columnConfig={columns}
        data={items}
        rowAttributes={item => ({ 'data-testid': 'opsfolio-team-portfolio-row', 'data-entity': item.entityRef })}
      />
      {/* Without the permission the backend sends no cost at all; zeros would read as "free". */}
      {!costVisible && (
        <Text
          as="p"
          variant="body-small"
          color="secondary"
          style={{ marginTop: 8 }}
          data-testid="opsfolio-team-portfolio-cost-hidden"
        >
          {t('portfolio.costHidden', { permission: <code>opsfolio.cost.read</code> })}
        </Text>
      )}
    </>
  );
}

/** On a Group page: each service of the team and its sub-teams at a glance, for the manager's weekly look. */
export function EntityTeamPortfolioCard() {
  const { entity } = useEntity();
  const api = useApi(opsfolioApiRef);
  const { t } = useOpsfolioText();
  const ref = getCompoundEntityRef(entity);
  const { value, loading, error } = useAsync(() => api.getTeamPortfolio(ref), [api, ref.kind, ref.namespace, ref.name]);
  let body;
  if (loading) body = <Progress />;
  else if (error) body = <ResponseErrorPanel error={error} />;
  else body = <Portfolio portfolio={value!} />;
  // Refs are compared lower-case, as the backend stores them.
  const readiness = `/opsfolio/scorecards?owner=${encodeURIComponent(entityRefKey(entity))}`;
  return (
    <OpsfolioCard title={t('portfolio.title')} deepLink={{ title: t('portfolio.readinessLink'), link: readiness }}>
      <div data-testid="opsfolio-card-team-portfolio">{body}</div>
    </OpsfolioCard>
  );
}
