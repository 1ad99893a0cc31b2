import { parseEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { opsfolioApiRef } from '../api/OpsfolioApi';
import { CostError } from './CostAccess';
import { monthLabel, spendByEntity } from './costMoney';
import { formatMoney } from './formatMoney';
import { ProblemText } from '../components/ProblemText';

/** The services behind one row of the overview, loaded when the row is opened. */
export function CostDrillDown(props: { entityRef: string }) {
  const api = useApi(opsfolioApiRef);
  const { value, loading, error } = useAsync(
    () => api.getEntityCost(parseEntityRef(props.entityRef), { granularity: 'month' }),
    [api, props.entityRef],
  );
  if (loading) return <Progress />;
  if (error) return <CostError error={error} />;
  const cost = value!;
  const spend = spendByEntity(cost);
  return (
    <div data-testid="opsfolio-cost-drilldown">
      {cost.tagProblem && (
        <ProblemText>{cost.tagProblem}</ProblemText>
      )}
      {spend.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Nothing here carries a cost tag.
        </Typography>
      ) : (
        <>
          <Typography variant="caption" color="textSecondary">
            Spend since {monthLabel(cost.from)}, by service
          </Typography>
          <Table size="small">
            <TableBody>
              {spend.map(s => (
                <TableRow key={s.entityRef} data-testid="opsfolio-cost-drilldown-row">
                  <TableCell>
                    <EntityRefLink entityRef={s.entityRef} defaultKind="component" />
                    {s.tag && (
                      <Typography variant="caption" display="block" color="textSecondary">
                        tag <code>{s.tag}</code>
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell align="right">{formatMoney(s.amounts)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </div>
  );
}
