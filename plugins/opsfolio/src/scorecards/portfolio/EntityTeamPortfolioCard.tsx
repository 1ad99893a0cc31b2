import { getCompoundEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { entityRefKey, type TeamPortfolioResponse } from '@opsfolio/backstage-plugin-common';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../../api/OpsfolioApi';
import { PillarEmptyState } from '../../components/PillarEmptyState';
import { PortfolioServiceRow } from './PortfolioServiceRow';
import { Text } from '@backstage/ui';
import { PaletteScope } from '../../components/PaletteScope';
import { useOpsfolioText } from '../../translation/useOpsfolioText';

function Portfolio(props: { portfolio: TeamPortfolioResponse }) {
  const { services, costVisible, groupRef } = props.portfolio;
  const { t } = useOpsfolioText();
  if (services.length === 0) {
    return (
      <PillarEmptyState title={t('portfolio.emptyTitle')}>
        {t('portfolio.empty', { field: <code>spec.owner</code> })}
      </PillarEmptyState>
    );
  }
  return (
    <>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('portfolio.service')}</TableCell>
            <TableCell>{t('portfolio.level')}</TableCell>
            <TableCell>{t('portfolio.onCallNow')}</TableCell>
            <TableCell>{t('portfolio.lastDeploy')}</TableCell>
            {costVisible && <TableCell align="right">{t('portfolio.costThisMonth')}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {services.map(s => (
            <PortfolioServiceRow key={s.entityRef} service={s} groupRef={groupRef} costVisible={costVisible} />
          ))}
        </TableBody>
      </Table>
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
    <PaletteScope>
      <InfoCard
        title={t('portfolio.title')}
        variant="gridItem"
        deepLink={{ title: t('portfolio.readinessLink'), link: readiness }}
      >
        <div data-testid="opsfolio-card-team-portfolio">{body}</div>
      </InfoCard>
    </PaletteScope>
  );
}
