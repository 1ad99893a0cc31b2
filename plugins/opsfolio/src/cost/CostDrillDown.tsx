import { parseEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { CostError } from './CostAccess';
import { spendByEntity } from './costMoney';
import { ProblemText } from '../components/ProblemText';
import { Text } from '@backstage/ui';
import { useOpsfolioText } from '../translation/useOpsfolioText';

/** The services behind one row of the overview, loaded when the row is opened. */
export function CostDrillDown(props: { entityRef: string }) {
  const api = useApi(opsfolioApiRef);
  const { t, format } = useOpsfolioText();
  const { value, loading, error } = useAsync(
    () => api.getEntityCost(parseEntityRef(props.entityRef), { granularity: 'month' }),
    [api, props.entityRef]
  );
  if (loading) return <Progress />;
  if (error) return <CostError error={error} />;
  const cost = value!;
  const spend = spendByEntity(cost);
  return (
    <div data-testid="opsfolio-cost-drilldown">
      {cost.tagProblem && <ProblemText>{cost.tagProblem}</ProblemText>}
      {spend.length === 0 ? (
        <Text as="p" color="secondary">
          {t('cost.drillDown.noCostTag')}
        </Text>
      ) : (
        <>
          <Text variant="body-small" color="secondary">
            {t('cost.drillDown.since', { month: format.month(cost.from) })}
          </Text>
          <Table size="small">
            <TableBody>
              {spend.map(s => (
                <TableRow key={s.entityRef} data-testid="opsfolio-cost-drilldown-row">
                  <TableCell>
                    <EntityRefLink entityRef={s.entityRef} defaultKind="component" />
                    {s.tag && (
                      <Text as="p" variant="body-small" color="secondary">
                        {t('cost.drillDown.tag', { tag: <code>{s.tag}</code> })}
                      </Text>
                    )}
                  </TableCell>
                  <TableCell align="right">{format.money(s.amounts)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </div>
  );
}
