import TableCell from '@mui/material/TableCell';
import type { CostFigures, Money } from '@opsfolio/backstage-plugin-common';
import { formatChange, formatMoney } from './formatMoney';
import { Text } from '@backstage/ui';

function Amount(props: { money: Money; own?: Money; bold?: boolean }) {
  return (
    <TableCell align="right">
      <span style={props.bold ? { fontWeight: 700 } : undefined}>{formatMoney(props.money)}</span>
      {props.own && (
        <Text as="p" variant="body-small" color="secondary">
          own {formatMoney(props.own)}
        </Text>
      )}
    </TableCell>
  );
}

/** Month to date, last month, forecast and the forecast's change on last month; `own` as secondary text. */
export function CostFigureCells(props: { figures: CostFigures; own?: CostFigures; bold?: boolean }) {
  const { figures, own, bold } = props;
  return (
    <>
      <Amount money={figures.monthToDate} own={own?.monthToDate} bold={bold} />
      <Amount money={figures.lastMonth} own={own?.lastMonth} bold={bold} />
      <Amount money={figures.forecast} own={own?.forecast} bold={bold} />
      <TableCell align="right">{formatChange(figures.forecast, figures.lastMonth) ?? '–'}</TableCell>
    </>
  );
}
